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
