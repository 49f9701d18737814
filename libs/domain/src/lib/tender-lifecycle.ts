import type { Modality } from './modalities';

/**
 * A tender's lifecycle (RULES.md §6): draft → published_draft (proyecto de pliego) → open → closed →
 * under_evaluation → awarded | void (desierto); a call can be cancelled (revocada) before it is
 * decided. Modalities without draft terms (mínima cuantía) open straight from draft.
 */
export const TENDER_STATES = ['draft', 'published_draft', 'open', 'closed', 'under_evaluation', 'awarded', 'void', 'cancelled'] as const;
export type TenderState = (typeof TENDER_STATES)[number];

/** Final states: nothing follows them. */
export const FINAL_TENDER_STATES: readonly TenderState[] = ['awarded', 'void', 'cancelled'];

/** Modalities whose terms are first published as a draft for observations. */
const WITH_DRAFT_TERMS: readonly Modality[] = [
  'licitacion_publica',
  'seleccion_abreviada_menor_cuantia',
  'seleccion_abreviada_subasta_inversa',
  'concurso_de_meritos',
  'regimen_especial',
];

export function nextTenderStates(from: TenderState, modality: Modality): TenderState[] {
  switch (from) {
    case 'draft':
      return WITH_DRAFT_TERMS.includes(modality) ? ['published_draft'] : ['open'];
    case 'published_draft':
      return ['open', 'cancelled'];
    case 'open':
      return ['closed', 'cancelled'];
    case 'closed':
      return ['under_evaluation', 'cancelled'];
    case 'under_evaluation':
      return ['awarded', 'void', 'cancelled'];
    default:
      return [];
  }
}

export function canTransition(from: TenderState, to: TenderState, modality: Modality): boolean {
  return nextTenderStates(from, modality).includes(to);
}

/** What a buyer may do by hand, and the state each leads to; closing happens by the clock, never by hand. */
export const BUYER_TRANSITIONS = {
  publish_draft: 'published_draft',
  open: 'open',
  start_evaluation: 'under_evaluation',
  declare_void: 'void',
  cancel: 'cancelled',
} as const satisfies Record<string, TenderState>;
export type BuyerTransition = keyof typeof BUYER_TRANSITIONS;

/** Transitions that must say why (revocatoria, declaratoria de desierto). */
export const TRANSITIONS_WITH_REASON: readonly BuyerTransition[] = ['cancel', 'declare_void'];

export function allowedBuyerTransitions(from: TenderState, modality: Modality): BuyerTransition[] {
  const next = nextTenderStates(from, modality);
  return (Object.keys(BUYER_TRANSITIONS) as BuyerTransition[]).filter((t) => next.includes(BUYER_TRANSITIONS[t]));
}

/**
 * Whether a bid may be received at `now`: the call is open and its closing instant has not come. The
 * clock decides, not the state alone, so a closing job that runs late never lets a late bid in.
 */
export function acceptsBids(state: TenderState, closingAt: Date, now: Date): boolean {
  return state === 'open' && now.getTime() < closingAt.getTime();
}

/** Colombia keeps UTC−5 all year (no daylight saving since 1993). */
const BOGOTA_OFFSET = '-05:00';
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The instant of a Colombian calendar date at a time of day (`HH:MM`) in Bogotá. */
export function bogotaInstant(isoDate: string, timeOfDay: string): Date {
  if (!TIME_OF_DAY.test(timeOfDay)) throw new RangeError(`Not a time of day: ${timeOfDay}`);
  const instant = new Date(`${isoDate}T${timeOfDay}:00${BOGOTA_OFFSET}`);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a calendar date: ${isoDate}`);
  return instant;
}

/** The end of a Colombian calendar day: requests "until the deadline" are received all of that day. */
export function endOfBogotaDay(isoDate: string): Date {
  return new Date(bogotaInstant(isoDate, '23:59').getTime() + 59_999);
}
