import type { EvaluationCriteria } from './evaluation-criteria';

/**
 * Scores of the bids on one lot, in hundredths of a point (the precision of the usual 0,25 bonus), so
 * that equal totals are equal integers and ties are found exactly. Prices are whole COP as strings.
 * RULES.md §4: national goods or services get the tender's national-industry points (Ley 816 de 2003,
 * Decreto 680 de 2021); foreign ones with enough Colombian components get the foreign-component points;
 * mipyme and women-led bonuses and the disability bonus (Decreto 392 de 2018) are parts of the criteria.
 */

/** Ley 816 de 2003 / Decreto 680 de 2021: what the bid offers, as declared and verified. */
export type NationalStatus = 'national_good' | 'national_service' | 'national_treatment' | 'foreign_with_component' | 'foreign';

/** Criteria part keys the system scores itself; every other part is scored by the committee. */
export const PRICE_PART = 'price';
export const BONUS_PARTS = { mipyme: 'mipyme_bonus', womenLed: 'women_led_bonus', disability: 'disability_bonus' } as const;

export interface ScoringBid {
  id: string;
  priceCop: string;
  nationalStatus: NationalStatus;
  /** Colombian components of a foreign offer, in percent. */
  nationalComponentPercent: number;
  mipyme: boolean;
  womenLed: boolean;
  /** The bid proved the share of staff with disabilities the bonus asks for. */
  disabilityBonus: boolean;
  /** The committee's points for the other parts (quality, experience…), in hundredths, by part key. */
  committeeHundredths: Record<string, number>;
}

export interface BidScore {
  id: string;
  price: number;
  nationalIndustry: number;
  bonuses: number;
  committee: number;
  total: number;
}

export interface ScoringOptions {
  /** The least share of Colombian components a foreign offer needs for the foreign-component points. */
  minNationalComponentPercent: number;
}

const toHundredths = (points: number) => Math.round(points * 100);

/**
 * Lowest price gets all the price points, any other `points × lowest ÷ price`, rounded half up to the
 * hundredth in integer arithmetic.
 */
export function priceHundredths(maxHundredths: number, lowestCop: string, priceCop: string): number {
  const price = BigInt(priceCop);
  if (price <= 0n) throw new RangeError('A price must be above zero');
  const scaled = BigInt(maxHundredths) * BigInt(lowestCop) * 2n + price;
  return Number(scaled / (2n * price));
}

export function nationalIndustryHundredths(criteria: EvaluationCriteria, bid: ScoringBid, options: ScoringOptions): number {
  switch (bid.nationalStatus) {
    case 'national_good':
    case 'national_service':
    case 'national_treatment':
      return toHundredths(criteria.nationalIndustryPoints);
    case 'foreign_with_component':
      return bid.nationalComponentPercent >= options.minNationalComponentPercent ? toHundredths(criteria.foreignComponentPoints) : 0;
    case 'foreign':
      return 0;
  }
}

export interface CommitteeProblem {
  field: string;
  code: 'unknown_part' | 'points_range';
}

/** The committee scores only the parts it owns, each between zero and the part's points. */
export function committeeProblems(criteria: EvaluationCriteria, committeeHundredths: Record<string, number>): CommitteeProblem[] {
  const owned = new Map(
    criteria.parts
      .filter((p) => p.key !== PRICE_PART && !Object.values<string>(BONUS_PARTS).includes(p.key))
      .map((p) => [p.key, toHundredths(p.points)]),
  );
  return Object.entries(committeeHundredths).flatMap(([key, value]): CommitteeProblem[] => {
    const max = owned.get(key);
    if (max === undefined) return [{ field: key, code: 'unknown_part' }];
    return Number.isSafeInteger(value) && value >= 0 && value <= max ? [] : [{ field: key, code: 'points_range' }];
  });
}

/** Every bid's points, in the order given; the bids are the lot's eligible ones (the lowest price sets the scale). */
export function scoreBids(criteria: EvaluationCriteria, bids: readonly ScoringBid[], options: ScoringOptions): BidScore[] {
  if (bids.length === 0) return [];
  const part = (key: string) => toHundredths(criteria.parts.find((p) => p.key === key)?.points ?? 0);
  const lowest = bids.map((b) => BigInt(b.priceCop)).reduce((a, b) => (b < a ? b : a));
  return bids.map((bid) => {
    const price = priceHundredths(part(PRICE_PART), String(lowest), bid.priceCop);
    const nationalIndustry = nationalIndustryHundredths(criteria, bid, options);
    const bonuses =
      (bid.mipyme ? part(BONUS_PARTS.mipyme) : 0) +
      (bid.womenLed ? part(BONUS_PARTS.womenLed) : 0) +
      (bid.disabilityBonus ? part(BONUS_PARTS.disability) : 0);
    const committee = Object.values(bid.committeeHundredths).reduce((sum, v) => sum + v, 0);
    return { id: bid.id, price, nationalIndustry, bonuses, committee, total: price + nationalIndustry + bonuses + committee };
  });
}

/**
 * Places by a key, best first, with equal keys together: each inner list is one place, and a list of
 * two or more is a tie for the tie-break factors. Totals rank highest first; in mínima cuantía the
 * price alone decides, lowest first (RULES.md §5).
 */
export function places<T extends { id: string }>(items: readonly T[], better: (a: T, b: T) => number): string[][] {
  const sorted = [...items].sort(better);
  const out: string[][] = [];
  sorted.forEach((item, i) => {
    if (i > 0 && better(sorted[i - 1], item) === 0) out[out.length - 1].push(item.id);
    else out.push([item.id]);
  });
  return out;
}

export const byTotal = (a: BidScore, b: BidScore): number => b.total - a.total;

export const byPrice = (a: Pick<ScoringBid, 'priceCop'>, b: Pick<ScoringBid, 'priceCop'>): number => {
  const [x, y] = [BigInt(a.priceCop), BigInt(b.priceCop)];
  return x < y ? -1 : x > y ? 1 : 0;
};
