/**
 * "Emprendimientos y empresas de mujeres" — Decreto 1082 de 2015 art. 2.2.1.2.4.2.14, RULES.md §3.
 * A firm qualifies by any one criterion, each held for at least one year before the reference date
 * (the process's closing date). Criteria 3 and 4 are marked "(confirm)" in RULES.md: their wording
 * awaits confirmation against the official text. Shares are compared as exact counts, not percentages,
 * so "more than half" and "at least half" never depend on rounding.
 */

export const WOMEN_LED_CRITERIA = ['ownership', 'management', 'sole_proprietor', 'association'] as const;
export type WomenLedCriterion = (typeof WOMEN_LED_CRITERIA)[number];

/** A count of women out of a total, held since a date (ISO `YYYY-MM-DD`). */
export interface ShareHeld {
  women: number;
  total: number;
  since: string;
}

export interface WomenLedEvidence {
  /** (1) Shares or quotas held by women who are natural persons: more than half. */
  ownership?: ShareHeld;
  /** (2) Senior management posts held by women employed there at least a year: at least half. */
  management?: ShareHeld;
  /** (3) A woman trading as a natural person through her own establishment, since this date. */
  soleProprietorSince?: string;
  /** (4) Members of an association or cooperative who are women: more than half. */
  association?: ShareHeld;
}

/** The same calendar day one year earlier (29 February becomes 28 February). */
export function oneYearBefore(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const day = m === 2 && d === 29 ? 28 : d;
  return `${String(y - 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function heldForAYear(since: string | undefined, referenceDate: string): boolean {
  return since !== undefined && since <= oneYearBefore(referenceDate);
}

const moreThanHalf = (s: ShareHeld) => s.total > 0 && s.women * 2 > s.total;
const atLeastHalf = (s: ShareHeld) => s.total > 0 && s.women * 2 >= s.total;

/** Which criteria the evidence meets on `referenceDate` (ISO date); empty when none. */
export function womenLedCriteriaMet(evidence: WomenLedEvidence, referenceDate: string): WomenLedCriterion[] {
  const met: WomenLedCriterion[] = [];
  const { ownership, management, soleProprietorSince, association } = evidence;
  if (ownership && moreThanHalf(ownership) && heldForAYear(ownership.since, referenceDate)) met.push('ownership');
  if (management && atLeastHalf(management) && heldForAYear(management.since, referenceDate)) met.push('management');
  if (heldForAYear(soleProprietorSince, referenceDate)) met.push('sole_proprietor');
  if (association && moreThanHalf(association) && heldForAYear(association.since, referenceDate)) met.push('association');
  return met;
}
