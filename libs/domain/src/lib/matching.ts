/**
 * Which suppliers hear of a tender, and why (issue 6). A supplier matches a lot when one of its UNSPSC
 * classes is a class of the lot (strong) or shares the lot's family (weak), it operates in the
 * department of execution or covers the whole country, and it may bid on the lot (bid-rules.ts: reserved
 * lots, mipyme-limited calls, territorial limits). One match per supplier and tender, all lots together.
 */
import { BidderFacts, CallRestrictions, LotRestrictions, callRefusals, lotRefusals } from './bid-rules';

/** Why a supplier matches; the UI words each code in the reader's language. */
export type MatchReason =
  | { code: 'class_match'; lot: number; unspsc: string }
  | { code: 'family_match'; lot: number; unspsc: string }
  | { code: 'operates_in'; department: string }
  | { code: 'national_coverage' }
  | { code: 'reserved_mipymes'; lot: number }
  | { code: 'reserved_economia_popular'; lot: number };

export interface MatchCandidate extends BidderFacts {
  /** Its registered UNSPSC classes (6 digits). */
  classes: readonly string[];
  domicileDepartment: string | null;
  coverage: { scope: 'national' | 'departments' | 'municipalities'; codes: readonly string[] };
}

export interface MatchLot extends LotRestrictions {
  position: number;
  classes: readonly string[];
}

export interface MatchTender extends CallRestrictions {
  department: string;
  lots: readonly MatchLot[];
}

export interface SupplierMatch {
  /** 0–100: a class match outranks a family match, operating in the department outranks national coverage. */
  score: number;
  /** Strongest first. */
  reasons: MatchReason[];
  /** Positions of the lots it matches. */
  lots: number[];
}

const STRONG = 80;
const WEAK = 50;
const IN_DEPARTMENT = 20;
const NATIONAL = 10;

const family = (code: string) => code.slice(0, 4);

/** How the supplier reaches the department of execution, or null when it does not. */
export function regionReason(candidate: MatchCandidate, department: string): MatchReason | null {
  const { scope, codes } = candidate.coverage;
  const covers =
    candidate.domicileDepartment === department ||
    (scope === 'departments' && codes.includes(department)) ||
    (scope === 'municipalities' && codes.some((m) => m.slice(0, 2) === department));
  if (covers) return { code: 'operates_in', department };
  return scope === 'national' ? { code: 'national_coverage' } : null;
}

export function matchSupplier(tender: MatchTender, candidate: MatchCandidate): SupplierMatch | null {
  const region = regionReason(candidate, tender.department);
  if (!region || callRefusals(tender, candidate).length > 0) return null;
  const strong: MatchReason[] = [];
  const weak: MatchReason[] = [];
  const reserved: MatchReason[] = [];
  const lots: number[] = [];
  for (const lot of tender.lots) {
    if (lotRefusals(lot, candidate).length > 0) continue;
    const same = lot.classes.find((c) => candidate.classes.includes(c));
    const near = same ? undefined : lot.classes.find((c) => candidate.classes.some((own) => family(own) === family(c)));
    if (same) strong.push({ code: 'class_match', lot: lot.position, unspsc: same });
    else if (near) weak.push({ code: 'family_match', lot: lot.position, unspsc: family(near) });
    else continue;
    lots.push(lot.position);
    if (lot.reservedForMipymes) reserved.push({ code: 'reserved_mipymes', lot: lot.position });
    if (lot.reservedForEconomiaPopular) reserved.push({ code: 'reserved_economia_popular', lot: lot.position });
  }
  if (lots.length === 0) return null;
  const score = (strong.length > 0 ? STRONG : WEAK) + (region.code === 'operates_in' ? IN_DEPARTMENT : NATIONAL);
  return { score, reasons: [...strong, ...weak, region, ...reserved], lots };
}
