import { addBusinessDays, businessDaysBetween, isBusinessDay, nextBusinessDay } from './business-days';
import type { Modality } from './modalities';

/**
 * A tender's schedule in Colombian business days (RULES.md §6). The offsets per modality are versioned
 * reference data (`schedule_defaults`, "confirm"): e.g. draft terms 10 business days before opening in
 * licitación pública, 5 in selección abreviada and concurso de méritos; the mipyme request deadline at
 * least one business day before opening. Buyers may move dates later, never below these minimums.
 */

export const MILESTONES = [
  'draftPublication',
  'observationsDeadline',
  'mipymeRequestDeadline',
  'opening',
  'questionsDeadline',
  'closing',
  'evaluationReport',
  'commentPeriodEnd',
  'award',
] as const;
export type Milestone = (typeof MILESTONES)[number];
export type Schedule = Partial<Record<Milestone, string>> & { opening: string; closing: string };

/** Business-day offsets of one modality; null where the modality has no such step (no draft terms in mínima cuantía). */
export interface ScheduleRule {
  draftBeforeOpening: number | null;
  observationsBeforeOpening: number | null;
  mipymeRequestBeforeOpening: number | null;
  openingToClosing: number;
  questionsBeforeClosing: number;
  closingToReport: number;
  commentDays: number;
  reportToAward: number;
  /**
   * An adenda must leave at least this many business days before closing, or closing moves so that it
   * does (Decreto 1082 de 2015 art. 2.2.1.1.2.2.1: no adendas in the last three business days of a
   * licitación, "confirm" for the other modalities).
   */
  adendaBeforeClosing: number;
}

/** Modalities with a public call; contratación directa has none (null). */
export type ScheduleDefaults = Record<Modality, ScheduleRule | null>;

export const SCHEDULE_RULE_FIELDS = [
  'draftBeforeOpening',
  'observationsBeforeOpening',
  'mipymeRequestBeforeOpening',
  'openingToClosing',
  'questionsBeforeClosing',
  'closingToReport',
  'commentDays',
  'reportToAward',
  'adendaBeforeClosing',
] as const satisfies readonly (keyof ScheduleRule)[];

const before = (date: string, days: number | null) => (days === null ? undefined : addBusinessDays(date, -days));

/** The default schedule for an opening date (moved to a business day when it falls on a weekend or festivo). */
export function defaultSchedule(openingDate: string, rule: ScheduleRule): Schedule {
  const opening = nextBusinessDay(openingDate);
  const closing = addBusinessDays(opening, rule.openingToClosing);
  const evaluationReport = addBusinessDays(closing, rule.closingToReport);
  const commentPeriodEnd = addBusinessDays(evaluationReport, rule.commentDays);
  const schedule: Schedule = {
    draftPublication: before(opening, rule.draftBeforeOpening),
    observationsDeadline: before(opening, rule.observationsBeforeOpening),
    mipymeRequestDeadline: before(opening, rule.mipymeRequestBeforeOpening),
    opening,
    questionsDeadline: addBusinessDays(closing, -rule.questionsBeforeClosing),
    closing,
    evaluationReport,
    commentPeriodEnd,
    award: addBusinessDays(commentPeriodEnd, rule.reportToAward),
  };
  return Object.fromEntries(Object.entries(schedule).filter(([, date]) => date !== undefined)) as Schedule;
}

export interface ScheduleProblem {
  milestone: Milestone;
  code: 'not_business_day' | 'out_of_order' | 'too_soon' | 'missing';
}

/** The minimum business days between two milestones, and which one is too close when they are not met. */
function minimums(rule: ScheduleRule): { from: Milestone; to: Milestone; days: number | null; blame: Milestone }[] {
  return [
    { from: 'draftPublication', to: 'opening', days: rule.draftBeforeOpening, blame: 'opening' },
    { from: 'mipymeRequestDeadline', to: 'opening', days: rule.mipymeRequestBeforeOpening, blame: 'mipymeRequestDeadline' },
    { from: 'opening', to: 'closing', days: rule.openingToClosing, blame: 'closing' },
    { from: 'questionsDeadline', to: 'closing', days: rule.questionsBeforeClosing, blame: 'questionsDeadline' },
    { from: 'evaluationReport', to: 'commentPeriodEnd', days: rule.commentDays, blame: 'commentPeriodEnd' },
  ];
}

/**
 * Steps the modality does not have (a null offset) may be left out; the others are required. Without a
 * public call (contratación directa, no rule) only the opening and the closing are.
 */
function optional(rule: ScheduleRule | null): Set<Milestone> {
  if (!rule) return new Set(MILESTONES.filter((m) => m !== 'opening' && m !== 'closing'));
  const skipped: [Milestone, number | null][] = [
    ['draftPublication', rule.draftBeforeOpening],
    ['observationsDeadline', rule.observationsBeforeOpening],
    ['mipymeRequestDeadline', rule.mipymeRequestBeforeOpening],
  ];
  return new Set(skipped.filter(([, days]) => days === null).map(([m]) => m));
}

/** Every reason a schedule a buyer edited breaks the rule (none for a modality without a call); empty when it holds. */
export function scheduleProblems(schedule: Schedule, rule: ScheduleRule | null): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const notRequired = optional(rule);
  let previous: string | undefined;
  for (const milestone of MILESTONES) {
    const date = schedule[milestone];
    if (!date) {
      if (!notRequired.has(milestone)) problems.push({ milestone, code: 'missing' });
      continue;
    }
    if (!isBusinessDay(date)) problems.push({ milestone, code: 'not_business_day' });
    // Questions close before bids; every other step strictly follows the previous one.
    if (previous && date <= previous) problems.push({ milestone, code: 'out_of_order' });
    previous = date;
  }
  for (const { from, to, days, blame } of rule ? minimums(rule) : []) {
    const start = schedule[from];
    const end = schedule[to];
    if (days !== null && start && end && addBusinessDays(start, days) > end) problems.push({ milestone: blame, code: 'too_soon' });
  }
  return problems;
}

const AFTER_CLOSING: readonly Milestone[] = ['evaluationReport', 'commentPeriodEnd', 'award'];

/**
 * The schedule after an adenda issued on `today`: when fewer than `adendaBeforeClosing` business days
 * are left before closing, closing moves to the first date that leaves them, and the steps after
 * closing move by the same number of business days.
 */
export function extendForAdenda(schedule: Schedule, today: string, rule: ScheduleRule): { schedule: Schedule; extended: boolean } {
  const earliest = addBusinessDays(today, rule.adendaBeforeClosing);
  if (schedule.closing >= earliest) return { schedule, extended: false };
  const shiftBy = businessDaysBetween(schedule.closing, earliest);
  const moved: Schedule = { ...schedule, closing: earliest };
  for (const milestone of AFTER_CLOSING) {
    const date = schedule[milestone];
    if (date) moved[milestone] = addBusinessDays(nextBusinessDay(date), shiftBy);
  }
  return { schedule: moved, extended: true };
}
