import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ServerConfig } from '@eslabon/config';
import { DISPLAY_TIME_ZONE, type Locale, type MatchReason, type NotificationFrequency, type NotificationKind } from '@eslabon/contracts';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { InjectConfig } from '../../core/config/config.module';
import { MailService } from '../../core/mail/mail.service';
import { TENDER_PAGE } from '../tenders/tender-followers.consumer';
import { reasonWords } from './reason-words';
import type { UnsubscribeCategory } from '@eslabon/contracts';
import { UnsubscribeTokens } from './unsubscribe-tokens';

/** E-mails claimed at a time. */
const BATCH = 50;
/** After this many refused sends the notice stays in the app only, marked `failed`. */
export const MAX_EMAIL_ATTEMPTS = 5;
/** A claim older than this belongs to a worker that died while sending. */
const CLAIM_TIMEOUT = `interval '10 minutes'`;
export const NOTIFICATIONS_PAGE = '/notificaciones';
export const UNSUBSCRIBE_PAGE = '/baja';
const ONE_CLICK_PATH = '/api/v1/public/unsubscribe/one-click';

interface ClaimedRow {
  id: string;
  user_id: string;
  email: string;
  locale: Locale;
  kind: NotificationKind;
  tender_id: string;
  reasons: MatchReason[];
  reference: string;
  title: string;
  closing_at: Date;
  buyer_name: string;
  search_name: string | null;
  /** The user's choice for this notice's category now, not when the notice was made. */
  frequency: NotificationFrequency;
  email_attempts: number;
}

const DETAILS = `SELECT n.id, n.user_id, u.email, u.locale, n.kind, n.tender_id, n.reasons, t.reference, t.title, t.closing_at,
       o.name AS buyer_name, s.name AS search_name, n.email_attempts,
       coalesce(CASE n.kind WHEN 'tender_match' THEN np.tender_matches WHEN 'saved_search' THEN np.saved_searches END, 'instant') AS frequency
  FROM notifications n JOIN users u ON u.id = n.user_id JOIN tenders t ON t.id = n.tender_id
  JOIN organizations o ON o.id = t.buyer_organization_id LEFT JOIN saved_searches s ON s.id = n.saved_search_id
  LEFT JOIN notification_preferences np ON np.user_id = n.user_id
 WHERE n.id = ANY($1::uuid[]) ORDER BY n.created_at, n.id`;

/**
 * Sends the e-mails of notices. Rows are claimed in a short transaction (SKIP LOCKED, so workers
 * share the work) and each is marked on its own after its send, so no lock is held during SMTP and a
 * refused address never holds back the others. A worker that dies mid-batch leaves claims that expire
 * and are taken again: only the message being sent at that moment may go twice. A refused send is
 * retried later (one minute per attempt made) and given up after MAX_EMAIL_ATTEMPTS.
 */
@Injectable()
export class NotificationMailer {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mail: MailService,
    private readonly tokens: UnsubscribeTokens,
    @InjectConfig() private readonly config: ServerConfig,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('NotificationMailer');
  }

  async sendPending(): Promise<number> {
    let sent = 0;
    for (;;) {
      const rows = await this.claim(
        `(n.email_status = 'pending' AND (n.email_claimed_at IS NULL OR n.email_claimed_at < now() - interval '1 minute' * n.email_attempts))
          OR (n.email_status = 'sending' AND n.email_claimed_at < now() - ${CLAIM_TIMEOUT})`,
        [],
        BATCH,
      );
      for (const row of rows) {
        // The user may have changed their mind since the notice was made.
        if (row.frequency !== 'instant') await this.mark([row.id], row.frequency === 'daily' ? 'digest' : 'none');
        else if (await this.attempt([row], () => this.sendOne(row))) sent++;
      }
      if (rows.length < BATCH) return sent;
    }
  }

  /** One summary per user of everything waiting for the daily e-mail. */
  async sendDigests(): Promise<number> {
    const users: { user_id: string }[] = await this.db.query(`SELECT DISTINCT user_id FROM notifications WHERE email_status = 'digest'`);
    let sent = 0;
    for (const { user_id } of users) {
      const claimed = await this.claim(`n.email_status = 'digest' AND n.user_id = $1`, [user_id]);
      const off = claimed.filter((r) => r.frequency === 'off');
      if (off.length > 0)
        await this.mark(
          off.map((r) => r.id),
          'none',
        );
      const rows = claimed.filter((r) => r.frequency !== 'off');
      if (rows.length > 0 && (await this.attempt(rows, () => this.sendDigest(rows)))) sent++;
    }
    return sent;
  }

  private async claim(condition: string, params: unknown[], limit?: number): Promise<ClaimedRow[]> {
    const ids: { id: string }[] = await this.db
      .query(
        `UPDATE notifications SET email_status = 'sending', email_claimed_at = now()
        WHERE id IN (SELECT n.id FROM notifications n WHERE ${condition} ORDER BY n.created_at, n.id
                     ${limit ? `LIMIT ${limit}` : ''} FOR UPDATE SKIP LOCKED)
        RETURNING id`,
        params,
      )
      .then(([rows]) => rows);
    if (ids.length === 0) return [];
    return this.db.query(DETAILS, [ids.map((r) => r.id)]);
  }

  /** Sends and marks the rows sent; on a refusal puts them back for a later try, or gives up. */
  private async attempt(rows: ClaimedRow[], send: () => Promise<void>): Promise<boolean> {
    const ids = rows.map((r) => r.id);
    try {
      await send();
    } catch (err) {
      this.logger.warn({ err, notifications: ids }, 'E-mail refused; will retry');
      await this.db.query(
        `UPDATE notifications SET email_attempts = email_attempts + 1,
                email_status = CASE WHEN email_attempts + 1 >= ${MAX_EMAIL_ATTEMPTS} THEN 'failed'
                                    WHEN $2 THEN 'digest' ELSE 'pending' END
          WHERE id = ANY($1::uuid[])`,
        [ids, rows.length > 1 || rows[0].frequency === 'daily'],
      );
      return false;
    }
    await this.db.query(`UPDATE notifications SET email_status = 'sent', emailed_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
    return true;
  }

  private mark(ids: string[], status: 'digest' | 'none'): Promise<unknown> {
    return this.db.query(`UPDATE notifications SET email_status = $2, email_claimed_at = NULL WHERE id = ANY($1::uuid[])`, [ids, status]);
  }

  private async sendOne(row: ClaimedRow): Promise<void> {
    if (row.kind === 'evaluation_report' || row.kind === 'tender_decided') return this.sendProcessNotice(row);
    const departments = await this.departmentNames([row]);
    const { unsubscribeLink, listUnsubscribe } = this.unsubscribe(
      row.user_id,
      row.kind === 'tender_match' ? 'tenderMatches' : 'savedSearches',
    );
    const to = { to: row.email, locale: row.locale, listUnsubscribe };
    const common = {
      reference: row.reference,
      tenderTitle: row.title,
      buyerName: row.buyer_name,
      closing: formatBogota(row.closing_at, row.locale),
      link: this.link(`${TENDER_PAGE}/${row.tender_id}`),
      unsubscribeLink,
    };
    await this.mail.send(
      row.kind === 'tender_match'
        ? { ...to, template: 'tenderMatch', params: { ...common, why: this.why(row, departments) } }
        : { ...to, template: 'savedSearchMatch', params: { ...common, searchName: row.search_name ?? '' } },
    );
  }

  /** A step of a process the reader's organization bid on: not a subscription, so no unsubscribe link. */
  private async sendProcessNotice(row: ClaimedRow): Promise<void> {
    const common = { reference: row.reference, tenderTitle: row.title };
    if (row.kind === 'evaluation_report') {
      const [report] = await this.db.query(
        `SELECT version, comment_until FROM evaluation_reports WHERE tender_id = $1 ORDER BY version DESC LIMIT 1`,
        [row.tender_id],
      );
      if (!report) return;
      await this.mail.send({
        to: row.email,
        locale: row.locale,
        template: 'evaluationReport',
        params: {
          ...common,
          version: report.version,
          commentUntil: report.comment_until,
          link: this.link(`${TENDER_PAGE}/${row.tender_id}`),
        },
      });
      return;
    }
    const awards: {
      position: number;
      title: string;
      outcome: string;
      reason: string | null;
      name: string | null;
      value_cop: string | null;
    }[] = await this.db.query(
      `SELECT l.position, l.title, a.outcome, a.reason, o.name, a.value_cop FROM awards a JOIN tender_lots l ON l.id = a.lot_id
           LEFT JOIN organizations o ON o.id = a.supplier_organization_id WHERE a.tender_id = $1 ORDER BY l.position`,
      [row.tender_id],
    );
    const es = row.locale === 'es-CO';
    const money = new Intl.NumberFormat(row.locale, { style: 'currency', currency: 'COP', maximumFractionDigits: 0 });
    const lines = awards.map((a) =>
      a.outcome === 'void'
        ? `${es ? 'Lote' : 'Lot'} ${a.position + 1} «${a.title}»: ${es ? 'desierto' : 'void'} — ${a.reason ?? ''}`
        : `${es ? 'Lote' : 'Lot'} ${a.position + 1} «${a.title}»: ${es ? 'adjudicado a' : 'awarded to'} ${a.name} (${money.format(BigInt(a.value_cop ?? '0'))})`,
    );
    await this.mail.send({
      to: row.email,
      locale: row.locale,
      template: 'tenderDecided',
      params: { ...common, lines, link: this.link(`${TENDER_PAGE}/${row.tender_id}`) },
    });
  }

  private async sendDigest(rows: ClaimedRow[]): Promise<void> {
    const departments = await this.departmentNames(rows);
    const { email, locale, user_id } = rows[0];
    // A digest mixes both kinds of notice; its link stops every e-mail of them.
    const { unsubscribeLink, listUnsubscribe } = this.unsubscribe(user_id, 'all');
    await this.mail.send({
      to: email,
      locale,
      listUnsubscribe,
      template: 'notificationDigest',
      params: {
        items: rows.map((r) => ({ reference: r.reference, tenderTitle: r.title, why: this.why(r, departments).join('; ') })),
        link: this.link(NOTIFICATIONS_PAGE),
        unsubscribeLink,
      },
    });
  }

  /** The page link in the message, and the RFC 8058 one-click address for the List-Unsubscribe header. */
  private unsubscribe(userId: string, category: UnsubscribeCategory): { unsubscribeLink: string; listUnsubscribe: string } {
    const token = encodeURIComponent(this.tokens.issue(userId, category));
    return {
      unsubscribeLink: this.link(`${UNSUBSCRIBE_PAGE}?token=${token}`),
      listUnsubscribe: this.link(`${ONE_CLICK_PATH}?token=${token}`),
    };
  }

  private why(row: ClaimedRow, departments: ReadonlyMap<string, string>): string[] {
    if (row.kind === 'saved_search') return [row.locale === 'es-CO' ? `alerta «${row.search_name}»` : `alert “${row.search_name}”`];
    return reasonWords(row.reasons, row.locale, departments);
  }

  private link(path: string): string {
    return new URL(path, this.config.publicUrl).toString();
  }

  private async departmentNames(rows: ClaimedRow[]): Promise<Map<string, string>> {
    const codes = [...new Set(rows.flatMap((r) => r.reasons.flatMap((x) => (x.code === 'operates_in' ? [x.department] : []))))];
    if (codes.length === 0) return new Map();
    const found: { code: string; name: string }[] = await this.db.query(
      `SELECT DISTINCT department_code AS code, department_name AS name FROM divipola_municipalities WHERE department_code = ANY($1)`,
      [codes],
    );
    return new Map(found.map((d) => [d.code, d.name]));
  }
}

function formatBogota(instant: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeZone: DISPLAY_TIME_ZONE, dateStyle: 'long', timeStyle: 'short' }).format(instant);
}
