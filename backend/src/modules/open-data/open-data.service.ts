import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ServerConfig } from '@eslabon/config';
import type { OpenAward, OpenAwardPage, OpenAwardQuery, OpenDataIndex, OpenTenderPage, TenderSearchQuery } from '@eslabon/contracts';
import { DataSource } from 'typeorm';
import { InjectConfig } from '../../core/config/config.module';
import { ocidOf } from '../ocds/ocds-release';
import { SearchService } from '../search/search.service';

const DEFAULT_PAGE_SIZE = 50;
const EXPORT_BATCH = 1000;

/** Public award rows; only what the public award view already shows (no NIT of natural persons, no contract record). */
const AWARD_SELECT = `
  SELECT a.id AS "awardId", t.id AS "tenderId", t.reference AS "tenderReference", t.title AS "tenderTitle", bo.name AS "buyerName",
         t.execution_department AS "executionDepartment", t.modality, a.lot_id AS "lotId", l.title AS "lotTitle", a.outcome,
         a.decided_at AS "decidedAt", coalesce(sp.legal_name, so.name) AS "supplierName", a.size_class AS "sizeClass",
         a.national_industry AS "nationalIndustry", a.value_cop::text AS "valueCop"
    FROM awards a
    JOIN tenders t ON t.id = a.tender_id
    JOIN tender_lots l ON l.id = a.lot_id
    JOIN organizations bo ON bo.id = t.buyer_organization_id
    LEFT JOIN organizations so ON so.id = a.supplier_organization_id
    LEFT JOIN supplier_profiles sp ON sp.organization_id = a.supplier_organization_id`;

/**
 * The open-data read API (issue 8): published tenders with the tender search's filters, each with
 * its ocid and decided lots, and the decided lots themselves, page by page or as one CSV file.
 */
@Injectable()
export class OpenDataService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly search: SearchService,
    @InjectConfig() private readonly config: ServerConfig,
  ) {}

  index(): OpenDataIndex {
    const api = `${this.config.publicUrl}/api`;
    return {
      ocidPrefix: this.config.ocdsPrefix,
      publisher: this.config.ocdsPublisher,
      links: {
        releases: `${api}/v1/ocds/releases`,
        record: `${api}/v1/ocds/records/{ocid}`,
        bulkReleases: `${api}/v1/ocds/bulk/releases.json`,
        tenders: `${api}/v1/open-data/tenders`,
        awards: `${api}/v1/open-data/awards`,
        awardsCsv: `${api}/v1/open-data/awards.csv`,
        docs: `${api}/docs`,
      },
    };
  }

  async tenders(query: TenderSearchQuery): Promise<OpenTenderPage> {
    const result = await this.search.searchTenders(query);
    const ids = result.items.map((t) => t.id);
    const awards = ids.length ? await this.rows(`${AWARD_SELECT} WHERE a.tender_id = ANY($1) ORDER BY l.position`, [ids]) : [];
    return {
      ...result,
      items: result.items.map((t) => ({
        ...t,
        ocid: ocidOf(this.config.ocdsPrefix, t.id),
        awards: awards.filter((a) => a.tenderId === t.id),
      })),
    };
  }

  async awards(query: OpenAwardQuery): Promise<OpenAwardPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const { where, params } = awardFilters(query);
    const [items, [{ total }]] = await Promise.all([
      this.rows(`${AWARD_SELECT} ${where} ORDER BY a.decided_at DESC, a.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`, params),
      this.db.query(
        `SELECT count(*)::int AS total FROM awards a JOIN tenders t ON t.id = a.tender_id JOIN tender_lots l ON l.id = a.lot_id ${where}`,
        params,
      ),
    ]);
    return { items, total, page, pageSize };
  }

  /** Every matching award, a batch at a time (keyset on decision instant and id), for the CSV download. */
  async *allAwards(query: OpenAwardQuery): AsyncGenerator<OpenAward[]> {
    const { where, params } = awardFilters(query);
    let after: [string, string] | null = null;
    for (;;) {
      const keyset = after
        ? `${where ? ' AND' : ' WHERE'} (a.decided_at, a.id) > ($${params.length + 1}::timestamptz, $${params.length + 2}::uuid)`
        : '';
      const batch = await this.rows(
        `${AWARD_SELECT} ${where}${keyset} ORDER BY a.decided_at, a.id LIMIT ${EXPORT_BATCH}`,
        after ? [...params, ...after] : params,
      );
      if (batch.length === 0) return;
      yield batch;
      if (batch.length < EXPORT_BATCH) return;
      const last = batch[batch.length - 1];
      after = [last.decidedAt, last.awardId];
    }
  }

  private async rows(sql: string, params: unknown[]): Promise<OpenAward[]> {
    const rows: (Omit<OpenAward, 'ocid' | 'decidedAt'> & { decidedAt: Date })[] = await this.db.query(sql, params);
    return rows.map((r) => ({ ...r, ocid: ocidOf(this.config.ocdsPrefix, r.tenderId), decidedAt: r.decidedAt.toISOString() }));
  }
}

function awardFilters(query: OpenAwardQuery): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const conditions: string[] = [];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(params.length));
  };
  if (query.decidedFrom) add((n) => `a.decided_at >= ($${n}::date::timestamp AT TIME ZONE 'America/Bogota')`, query.decidedFrom);
  if (query.decidedTo) add((n) => `a.decided_at < (($${n}::date + 1)::timestamp AT TIME ZONE 'America/Bogota')`, query.decidedTo);
  if (query.department) add((n) => `t.execution_department = $${n}`, query.department);
  if (query.modality) add((n) => `t.modality = $${n}`, query.modality);
  if (query.productiveBet) add((n) => `t.productive_bet = $${n}`, query.productiveBet);
  if (query.unspsc) add((n) => `EXISTS (SELECT 1 FROM unnest(l.unspsc_classes) c WHERE c LIKE $${n} || '%')`, query.unspsc);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
