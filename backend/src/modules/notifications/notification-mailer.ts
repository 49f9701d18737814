import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ServerConfig } from '@eslabon/config';
import { DISPLAY_TIME_ZONE, type Locale, type MatchReason, type NotificationCategory } from '@eslabon/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { InjectConfig } from '../../core/config/config.module';
import { MailService } from '../../core/mail/mail.service';
import { TENDER_PAGE } from '../tenders/tender-followers.consumer';
import { reasonWords } from './reason-words';
import { UnsubscribeTokens } from './unsubscribe-tokens';

/** E-mails per transaction: a crash re-sends at most this many, and no row stays locked for long. */
const BATCH = 50;
export const NOTIFICATIONS_PAGE = '/notificaciones';
export const UNSUBSCRIBE_PAGE = '/baja';

interface PendingRow {
  id: string;
  user_id: string;
  email: string;
  locale: Locale;
  kind: 'tender_match' | 'saved_search';
  tender_id: string;
  reasons: MatchReason[];
  reference: string;
  title: string;
  closing_at: Date;
  buyer_name: string;
  search_name: string | null;
}

const PENDING = `SELECT n.id, n.user_id, u.email, u.locale, n.kind, n.tender_id, n.reasons, t.reference, t.title, t.closing_at,
       o.name AS buyer_name, s.name AS search_name
  FROM notifications n JOIN users u ON u.id = n.user_id JOIN tenders t ON t.id = n.tender_id
  JOIN organizations o ON o.id = t.buyer_organization_id LEFT JOIN saved_searches s ON s.id = n.saved_search_id`;

const category = (kind: PendingRow['kind']): NotificationCategory => (kind === 'tender_match' ? 'tenderMatches' : 'savedSearches');

/**
 * Sends the e-mails of notices. Rows are claimed with SKIP LOCKED, so several workers share the
 * work, and marked sent in the transaction that sent them: a notice is e-mailed once, unless the
 * worker dies between the SMTP server's acceptance and the commit, when that batch may go twice.
 */
@Injectable()
export class NotificationMailer {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mail: MailService,
    private readonly tokens: UnsubscribeTokens,
    @InjectConfig() private readonly config: ServerConfig,
  ) {}

  async sendPending(): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await this.db.transaction(async (em) => {
        const rows: PendingRow[] = await em.query(
          `${PENDING} WHERE n.email_status = 'pending' ORDER BY n.created_at, n.id LIMIT ${BATCH} FOR UPDATE OF n SKIP LOCKED`,
        );
        const departments = await departmentNames(em, rows);
        for (const row of rows) await this.sendOne(row, departments);
        await markSent(em, rows);
        return rows.length;
      });
      sent += batch;
      if (batch < BATCH) return sent;
    }
  }

  /** One summary per user of everything waiting for the daily e-mail. */
  async sendDigests(): Promise<number> {
    const users: { user_id: string }[] = await this.db.query(`SELECT DISTINCT user_id FROM notifications WHERE email_status = 'digest'`);
    for (const { user_id } of users) {
      await this.db.transaction(async (em) => {
        const rows: PendingRow[] = await em.query(
          `${PENDING} WHERE n.email_status = 'digest' AND n.user_id = $1 ORDER BY n.created_at FOR UPDATE OF n SKIP LOCKED`,
          [user_id],
        );
        if (rows.length === 0) return;
        const departments = await departmentNames(em, rows);
        const { email, locale } = rows[0];
        await this.mail.send({
          to: email,
          locale,
          template: 'notificationDigest',
          params: {
            items: rows.map((r) => ({ reference: r.reference, tenderTitle: r.title, why: this.why(r, departments).join('; ') })),
            link: this.link(NOTIFICATIONS_PAGE),
            unsubscribeLink: this.link(`${UNSUBSCRIBE_PAGE}?token=${this.tokens.issue(user_id, category(rows[0].kind))}`),
          },
        });
        await markSent(em, rows);
      });
    }
    return users.length;
  }

  private async sendOne(row: PendingRow, departments: ReadonlyMap<string, string>): Promise<void> {
    const common = {
      reference: row.reference,
      tenderTitle: row.title,
      buyerName: row.buyer_name,
      closing: formatBogota(row.closing_at, row.locale),
      link: this.link(`${TENDER_PAGE}/${row.tender_id}`),
      unsubscribeLink: this.link(`${UNSUBSCRIBE_PAGE}?token=${this.tokens.issue(row.user_id, category(row.kind))}`),
    };
    await this.mail.send(
      row.kind === 'tender_match'
        ? { to: row.email, locale: row.locale, template: 'tenderMatch', params: { ...common, why: this.why(row, departments) } }
        : { to: row.email, locale: row.locale, template: 'savedSearchMatch', params: { ...common, searchName: row.search_name ?? '' } },
    );
  }

  private why(row: PendingRow, departments: ReadonlyMap<string, string>): string[] {
    if (row.kind === 'saved_search') return [row.locale === 'es-CO' ? `alerta «${row.search_name}»` : `alert “${row.search_name}”`];
    return reasonWords(row.reasons, row.locale, departments);
  }

  private link(path: string): string {
    return new URL(path, this.config.publicUrl).toString();
  }
}

async function markSent(em: EntityManager, rows: PendingRow[]): Promise<void> {
  if (rows.length === 0) return;
  await em.query(`UPDATE notifications SET email_status = 'sent', emailed_at = now() WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
}

async function departmentNames(em: EntityManager, rows: PendingRow[]): Promise<Map<string, string>> {
  const codes = [...new Set(rows.flatMap((r) => r.reasons.flatMap((x) => (x.code === 'operates_in' ? [x.department] : []))))];
  if (codes.length === 0) return new Map();
  const found: { code: string; name: string }[] = await em.query(
    `SELECT DISTINCT department_code AS code, department_name AS name FROM divipola_municipalities WHERE department_code = ANY($1)`,
    [codes],
  );
  return new Map(found.map((d) => [d.code, d.name]));
}

function formatBogota(instant: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeZone: DISPLAY_TIME_ZONE, dateStyle: 'long', timeStyle: 'short' }).format(instant);
}
