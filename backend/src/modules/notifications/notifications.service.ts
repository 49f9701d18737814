import {
  NOTIFICATION_CATEGORIES,
  type UnsubscribeCategory,
  type NotificationPage,
  type NotificationPreferences,
  type NotificationView,
  type SavedSearchInput,
  type SavedSearchView,
} from '@eslabon/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../../core/http/domain-error';
import { engineQuery } from '../search/search.service';
import { NotificationPreference, SavedSearch } from './notification.entities';
import { UnsubscribeTokens } from './unsubscribe-tokens';

const DEFAULT_PAGE_SIZE = 20;
/** Alerts are evaluated for every new tender; a bound keeps that cost known. */
export const MAX_SAVED_SEARCHES = 20;
const DEFAULT_PREFERENCES: NotificationPreferences = { tenderMatches: 'instant', savedSearches: 'instant' };

interface NotificationRow {
  id: string;
  kind: NotificationView['kind'];
  tender_id: string;
  reference: string;
  title: string;
  version: number;
  reasons: NotificationView['reasons'];
  score: number | null;
  search_name: string | null;
  created_at: Date;
  read_at: Date | null;
}

const view = (r: NotificationRow): NotificationView => ({
  id: r.id,
  kind: r.kind,
  tenderId: r.tender_id,
  tenderReference: r.reference,
  tenderTitle: r.title,
  version: r.version,
  reasons: r.reasons,
  score: r.score,
  savedSearchName: r.search_name,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at?.toISOString() ?? null,
});

const savedView = (s: SavedSearch): SavedSearchView => ({ id: s.id, name: s.name, query: s.query, createdAt: s.createdAt.toISOString() });

/** A user's own notices, e-mail choices and saved searches: nobody sees another's. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: UnsubscribeTokens,
  ) {}

  async list(userId: string, query: { page?: number; pageSize?: number; unread?: boolean }): Promise<NotificationPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const rows: NotificationRow[] = await this.db.query(
      `SELECT n.id, n.kind, n.tender_id, t.reference, t.title, n.version, n.reasons, n.score, s.name AS search_name, n.created_at, n.read_at
         FROM notifications n JOIN tenders t ON t.id = n.tender_id LEFT JOIN saved_searches s ON s.id = n.saved_search_id
        WHERE n.user_id = $1 AND ($2::boolean IS NOT TRUE OR n.read_at IS NULL)
        ORDER BY n.created_at DESC, n.id LIMIT $3 OFFSET $4`,
      [userId, query.unread ?? false, pageSize, (page - 1) * pageSize],
    );
    const [counts] = await this.db.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread FROM notifications WHERE user_id = $1`,
      [userId],
    );
    return { items: rows.map(view), total: query.unread ? counts.unread : counts.total, unread: counts.unread, page, pageSize };
  }

  async unreadCount(userId: string): Promise<{ unread: number }> {
    const [row] = await this.db.query(`SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    return { unread: row.unread };
  }

  async markRead(userId: string, id: string): Promise<void> {
    const [, affected] = await this.db.query(`UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2`, [
      id,
      userId,
    ]);
    if (affected === 0) throw new DomainError('not_found', 'notification_not_found', 'No such notification');
  }

  async markAllRead(userId: string): Promise<void> {
    await this.db.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [userId]);
  }

  async preferences(userId: string): Promise<NotificationPreferences> {
    const row = await this.db.getRepository(NotificationPreference).findOneBy({ userId });
    return row ? { tenderMatches: row.tenderMatches, savedSearches: row.savedSearches } : DEFAULT_PREFERENCES;
  }

  async setPreferences(userId: string, input: NotificationPreferences): Promise<NotificationPreferences> {
    await this.db.getRepository(NotificationPreference).upsert({ userId, ...input }, ['userId']);
    return this.preferences(userId);
  }

  /** The link of an e-mail: turns that category's e-mails off (both, from a digest). */
  async unsubscribe(token: string): Promise<{ category: UnsubscribeCategory }> {
    const found = this.tokens.verify(token);
    const exists = found ? await this.db.query(`SELECT 1 FROM users WHERE id = $1`, [found.userId]) : [];
    if (!found || exists.length === 0) throw DomainError.field('invalid', 'invalid_token', 'token', 'This unsubscribe link is not valid');
    const current = await this.preferences(found.userId);
    const off = found.category === 'all' ? NOTIFICATION_CATEGORIES : [found.category];
    await this.setPreferences(found.userId, { ...current, ...Object.fromEntries(off.map((c) => [c, 'off'])) });
    return { category: found.category };
  }

  async savedSearches(userId: string): Promise<SavedSearchView[]> {
    const rows = await this.db.getRepository(SavedSearch).find({ where: { userId }, order: { createdAt: 'DESC' } });
    return rows.map(savedView);
  }

  async saveSearch(userId: string, input: SavedSearchInput): Promise<SavedSearchView> {
    const repo = this.db.getRepository(SavedSearch);
    // The cross-field checks of a search (ranges in order) hold for an alert too, or it could never run.
    engineQuery(input.query, false);
    if ((await repo.countBy({ userId })) >= MAX_SAVED_SEARCHES)
      throw DomainError.field('conflict', 'too_many_saved_searches', 'name', `At most ${MAX_SAVED_SEARCHES} saved searches per user`);
    // Pages and sorts are how a list is read, not what an alert looks for.
    const query = Object.fromEntries(Object.entries(input.query).filter(([key]) => !['page', 'pageSize', 'sort'].includes(key)));
    return savedView(await repo.save(repo.create({ userId, name: input.name.trim(), query })));
  }

  async deleteSearch(userId: string, id: string): Promise<void> {
    const result = await this.db.getRepository(SavedSearch).delete({ id, userId });
    if (!result.affected) throw new DomainError('not_found', 'saved_search_not_found', 'No such saved search');
  }
}
