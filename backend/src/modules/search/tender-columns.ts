import type { FacetCount, TenderFacet } from '@eslabon/contracts';
import { ACTIVE_STATUSES, TENDER_FACETS } from '@eslabon/contracts';
import type { DataSource } from 'typeorm';
import { type EngineQuery, byCount } from './search-engine';

/** The sorts the columns keep ready; relevance orders the text matches, which come from PostgreSQL. */
export type ColumnSort = 'closing' | 'budget' | 'published';

/** One tender's fields as the database returns them. */
interface Row {
  tender_id: string;
  search_no: number;
  removed: boolean;
  status: string;
  modality: string;
  productive_bet: string | null;
  department: string;
  municipality: string | null;
  estimated_value_cop: string;
  closing_at: Date;
  published_at: Date | null;
  unspsc_codes: string[];
  segments: string[];
  reserved: string[];
}

/** A text search's answer: the matching documents' search_no, with their rank when the sort is by relevance. */
export interface TextMatches {
  numbers: number[];
  ranks?: number[];
}

export interface ColumnResult {
  ids: string[];
  total: number;
  facets: Record<TenderFacet, FacetCount[]>;
}

/** Above this many changes at once the orders are sorted again rather than patched. */
const PATCH_LIMIT = 1_000;

/** Strings as small integers: a facet count is an array index, a filter an integer comparison. */
class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.push(value) - 1;
      this.codes.set(value, code);
    }
    return code;
  }

  /** A value no tender has matches nothing, not even the tenders without one (stored as -1). */
  find(value: string): number {
    return this.codes.get(value) ?? -2;
  }
}

const NONE: readonly number[] = [];

/**
 * The filter and facet fields of every indexed tender, in memory, as columns by ordinal. Counting six
 * facets in SQL means six passes over every matching row (about 60 ms each at 200 000 tenders on two
 * cores, bench/README.md); here one pass counts them all. The database stays the truth: before each
 * search the columns read what changed since their last read — rows written by transactions that
 * might not have been visible then are read again — so a search never misses a committed change.
 */
export class TenderColumns {
  private readonly ordinals = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly alive: number[] = [];
  private readonly status: number[] = [];
  private readonly modality: number[] = [];
  private readonly department: number[] = [];
  private readonly municipality: number[] = [];
  private readonly productiveBet: number[] = [];
  private budget = new BigInt64Array(1024);
  private readonly closing: number[] = [];
  private readonly published: number[] = [];
  private readonly codes: (readonly number[])[] = [];
  private readonly segments: (readonly number[])[] = [];
  private readonly reserved: (readonly number[])[] = [];
  private readonly dictionaries = {
    status: new Dictionary(),
    modality: new Dictionary(),
    department: new Dictionary(),
    municipality: new Dictionary(),
    productiveBet: new Dictionary(),
    codes: new Dictionary(),
    reserved: new Dictionary(),
  };
  /** Live ordinals in each sort's order; undefined until first needed or after a large change. */
  private readonly orders = new Map<ColumnSort, number[]>();
  private readonly placed = new Map<ColumnSort, Int32Array>();
  /** Transactions from this id on may have been in progress at the last read. */
  private horizon = '0';
  private refreshing?: Promise<void>;

  constructor(private readonly db: DataSource) {}

  /** Reads the changes since the last read; concurrent searches share one read. */
  refresh(): Promise<void> {
    this.refreshing ??= this.read().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async read(): Promise<void> {
    // One statement, so the changes and the horizon come from one snapshot.
    const rows: (Row & { horizon: string })[] = await this.db.query(
      `WITH h AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon)
       SELECT h.horizon, d.tender_id, d.search_no, false AS removed, d.status, d.modality, d.productive_bet, d.department, d.municipality,
              d.estimated_value_cop::text, d.closing_at, d.published_at, d.unspsc_codes, d.segments, d.reserved
         FROM h JOIN tender_search_documents d ON d.changed_in >= $1::xid8
       UNION ALL
       SELECT h.horizon, r.tender_id, NULL, true, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
         FROM h JOIN tender_search_removals r ON r.changed_in >= $1::xid8
        WHERE NOT EXISTS (SELECT 1 FROM tender_search_documents d WHERE d.tender_id = r.tender_id)
       UNION ALL
       SELECT h.horizon, NULL, NULL, true, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM h`,
      [this.horizon],
    );
    const changed: number[] = [];
    for (const row of rows) {
      if (row.tender_id === null) continue;
      const was = this.ordinals.get(row.tender_id);
      // A document deleted and written again has a new number: its old place is dead.
      if (was !== undefined && (row.removed || was !== row.search_no)) {
        this.alive[was] = 0;
        this.ordinals.delete(row.tender_id);
        changed.push(was);
      }
      if (!row.removed) changed.push(this.put(row));
    }
    this.reorder(changed);
    this.horizon = rows[rows.length - 1].horizon;
  }

  private put(row: Row): number {
    const i = row.search_no;
    this.ids[i] = row.tender_id;
    this.ordinals.set(row.tender_id, i);
    if (i >= this.budget.length) {
      const grown = new BigInt64Array(Math.max(this.budget.length * 2, i + 1));
      grown.set(this.budget);
      this.budget = grown;
    }
    const d = this.dictionaries;
    this.alive[i] = 1;
    this.status[i] = d.status.code(row.status);
    this.modality[i] = d.modality.code(row.modality);
    this.department[i] = d.department.code(row.department);
    this.municipality[i] = row.municipality === null ? -1 : d.municipality.code(row.municipality);
    this.productiveBet[i] = row.productive_bet === null ? -1 : d.productiveBet.code(row.productive_bet);
    this.budget[i] = BigInt(row.estimated_value_cop);
    this.closing[i] = row.closing_at.getTime();
    this.published[i] = row.published_at?.getTime() ?? Number.NaN;
    const codes = (values: string[], dictionary: Dictionary) => (values.length ? values.map((v) => dictionary.code(v)) : NONE);
    this.codes[i] = codes(row.unspsc_codes, d.codes);
    this.segments[i] = codes(row.segments, d.codes);
    this.reserved[i] = codes(row.reserved, d.reserved);
    return i;
  }

  /** Ties fall to the tender id, as in SQL: lowercase uuid strings sort like the uuids. */
  private readonly compare: Record<ColumnSort, (a: number, b: number) => number> = {
    closing: (a, b) => this.closing[a] - this.closing[b] || this.byId(a, b),
    budget: (a, b) => (this.budget[a] === this.budget[b] ? this.byId(a, b) : this.budget[a] > this.budget[b] ? -1 : 1),
    published: (a, b) => {
      const [x, y] = [this.published[a], this.published[b]];
      if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) === Number.isNaN(y) ? this.byId(a, b) : Number.isNaN(x) ? 1 : -1;
      return y - x || this.byId(a, b);
    },
  };

  private byId(a: number, b: number): number {
    return this.ids[a] < this.ids[b] ? -1 : this.ids[a] > this.ids[b] ? 1 : 0;
  }

  /** A few changes move their tenders within each order; many drop the orders, sorted again when needed. */
  private reorder(changed: number[]): void {
    if (changed.length === 0) return;
    this.placed.clear();
    if (changed.length > PATCH_LIMIT) return this.orders.clear();
    const moved = new Set(changed);
    for (const [sort, order] of this.orders) {
      const kept = order.filter((i) => !moved.has(i));
      for (const i of moved) {
        if (!this.alive[i]) continue;
        let [lo, hi] = [0, kept.length];
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (this.compare[sort](kept[mid], i) < 0) lo = mid + 1;
          else hi = mid;
        }
        kept.splice(lo, 0, i);
      }
      this.orders.set(sort, kept);
    }
  }

  private order(sort: ColumnSort): number[] {
    let order = this.orders.get(sort);
    if (!order) {
      order = [];
      for (let i = 0; i < this.ids.length; i++) if (this.alive[i]) order.push(i);
      order.sort(this.compare[sort]);
      this.orders.set(sort, order);
    }
    return order;
  }

  /** Each live ordinal's place in a sort's order: ties in rank fall to it without comparing strings. */
  private positions(sort: ColumnSort): Int32Array {
    let positions = this.placed.get(sort);
    if (!positions) {
      positions = new Int32Array(this.ids.length);
      this.order(sort).forEach((i, k) => ((positions as Int32Array)[i] = k));
      this.placed.set(sort, positions);
    }
    return positions;
  }

  /**
   * The page, the total and — when asked — every facet, where each facet counts with every other
   * filter kept and its own left out, so a value's count is what choosing it returns. `text` is
   * undefined for a search without words.
   */
  search(query: EngineQuery, sort: ColumnSort | 'relevance', text?: TextMatches): ColumnResult {
    const d = this.dictionaries;
    const code = (dictionary: Dictionary, value: string | undefined) => (value === undefined ? undefined : dictionary.find(value));
    const status = query.status === 'active' ? ACTIVE_STATUSES.map((s) => d.status.find(s)) : [code(d.status, query.status)];
    const [modality, department, municipality, bet] = [
      code(d.modality, query.modality),
      code(d.department, query.department),
      code(d.municipality, query.municipality),
      code(d.productiveBet, query.productiveBet ?? undefined),
    ];
    const [unspsc, reserved] = [code(d.codes, query.unspsc), code(d.reserved, query.reserved)];
    const [min, max] = [query.budgetMin, query.budgetMax].map((v) => (v === undefined ? undefined : BigInt(v)));
    const [after, before] = [query.closingAfter, query.closingBefore].map((v) => (v === undefined ? undefined : Date.parse(v)));

    /** Filters that are no facet's: a tender failing one is counted nowhere. */
    const base = (i: number) =>
      this.alive[i] === 1 &&
      (municipality === undefined || this.municipality[i] === municipality) &&
      (min === undefined || this.budget[i] >= min) &&
      (max === undefined || this.budget[i] <= max) &&
      (after === undefined || this.closing[i] >= after) &&
      (before === undefined || this.closing[i] <= before);
    /** Each facet's own filter, in TENDER_FACETS order; null when that filter is not set. */
    const own: Record<TenderFacet, ((i: number) => boolean) | null> = {
      status: query.status === undefined ? null : (i) => status.includes(this.status[i]),
      modality: modality === undefined ? null : (i) => this.modality[i] === modality,
      department: department === undefined ? null : (i) => this.department[i] === department,
      segment: unspsc === undefined ? null : (i) => this.codes[i].includes(unspsc),
      reserved: reserved === undefined ? null : (i) => this.reserved[i].includes(reserved),
      productiveBet: bet === undefined ? null : (i) => this.productiveBet[i] === bet,
    };
    const checks = TENDER_FACETS.flatMap((facet, f) => (own[facet] ? [{ f, check: own[facet] as (i: number) => boolean }] : []));
    const dictionaryOf: Dictionary[] = [d.status, d.modality, d.department, d.codes, d.reserved, d.productiveBet];
    const counts = query.facets ? dictionaryOf.map((dictionary) => new Int32Array(dictionary.values.length)) : undefined;
    const count = (f: number, i: number, into: Int32Array[]) => {
      switch (f) {
        case 0:
          return void into[0][this.status[i]]++;
        case 1:
          return void into[1][this.modality[i]]++;
        case 2:
          return void into[2][this.department[i]]++;
        case 3:
          for (const segment of this.segments[i]) into[3][segment]++;
          return;
        case 4:
          for (const reservation of this.reserved[i]) into[4][reservation]++;
          return;
        default:
          if (this.productiveBet[i] >= 0) into[5][this.productiveBet[i]]++;
      }
    };

    const matched = new Uint8Array(this.ids.length);
    let total = 0;
    const visit = (i: number) => {
      if (!base(i)) return;
      let failed = -1;
      for (const { f, check } of checks) {
        if (check(i)) continue;
        // Failing two facets' filters, a tender would not appear even with one of them changed.
        if (failed >= 0) return;
        failed = f;
      }
      if (failed >= 0) {
        if (counts) count(failed, i, counts);
        return;
      }
      matched[i] = 1;
      total++;
      if (counts) for (let f = 0; f < TENDER_FACETS.length; f++) count(f, i, counts);
    };
    // Words or ids (a saved search asking about one tender) leave only their tenders to look at.
    const candidates = text ? text.numbers : query.ids?.map((id) => this.ordinals.get(id)).filter((i): i is number => i !== undefined);
    if (candidates) candidates.forEach(visit);
    else for (let i = 0; i < this.ids.length; i++) visit(i);

    const end = query.offset + query.limit;
    const page: number[] = [];
    if (sort === 'relevance' && text?.ranks) {
      const ranks = text.ranks;
      const position = this.positions('closing');
      const hits = text.numbers.flatMap((i, k) => (matched[i] ? [k] : []));
      hits.sort((a, b) => ranks[b] - ranks[a] || position[text.numbers[a]] - position[text.numbers[b]]);
      page.push(...hits.slice(query.offset, end).map((k) => text.numbers[k]));
    } else {
      const order = this.order(sort === 'relevance' ? 'closing' : sort);
      for (let k = 0, seen = 0; k < order.length && seen < end; k++) {
        if (!matched[order[k]]) continue;
        if (seen++ >= query.offset) page.push(order[k]);
      }
    }

    const facets = Object.fromEntries(
      TENDER_FACETS.map((facet, f) => {
        const values: FacetCount[] = [];
        counts?.[f].forEach((n, value) => n > 0 && values.push({ value: dictionaryOf[f].values[value], count: n }));
        return [facet, values.sort(byCount)];
      }),
    ) as Record<TenderFacet, FacetCount[]>;
    return { ids: page.map((i) => this.ids[i]), total, facets };
  }
}
