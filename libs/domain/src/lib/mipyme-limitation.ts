import type { Modality } from './modalities';
import { oneYearBefore } from './women-led';

/**
 * Calls limited to mipymes — Ley 2069 de 2020 arts. 30–34, Decreto 1860 de 2021 (Decreto 1082 de 2015
 * arts. 2.2.1.2.4.2.2–4), RULES.md §2. A process below the threshold (USD 125.000 at the biennium's
 * rate, versioned reference data) in a modality that allows it can be limited; with requests from at
 * least two Colombian mipymes, each at least one year old, received by the deadline, limiting it is
 * mandatory. Contratación directa has no call to limit; special-regime buyers may limit (art. 34).
 */
export const LIMITABLE_MODALITIES: readonly Modality[] = [
  'licitacion_publica',
  'seleccion_abreviada_menor_cuantia',
  'seleccion_abreviada_subasta_inversa',
  'concurso_de_meritos',
  'minima_cuantia',
  'regimen_especial',
];

/** The number of valid requests that makes the limitation mandatory. */
export const REQUESTS_REQUIRED = 2;

export interface LimitationRequest {
  id: string;
  /** ISO date the request was received (Colombian calendar day). */
  receivedOn: string;
  /** Domiciled in Colombia. */
  colombian: boolean;
  /** A mipyme by Decreto 957 size, or a cooperative / economía solidaria entity (art. 23 Ley 2069). */
  mipyme: boolean;
  /** ISO date of constitution, from the supplier profile. */
  constitutedOn: string | null;
  /** Certificate of existence and representation, legal representative's ID and size certificate attached. */
  documentsComplete: boolean;
}

export type RequestRefusal = 'late' | 'not_colombian' | 'not_mipyme' | 'younger_than_one_year' | 'documents_missing';

export interface LimitationInput {
  modality: Modality;
  /** Estimated value of the process, whole COP. */
  estimatedValueCop: number;
  /** The USD threshold in COP for the biennium of the process. */
  thresholdCop: number;
  /** ISO date of the last day requests are received. */
  requestDeadline: string;
  requests: readonly LimitationRequest[];
}

export interface LimitationOutcome {
  /** Value and modality allow a limitation ("convocatoria susceptible de limitarse a mipymes"). */
  susceptible: boolean;
  /** The call must be limited to mipymes. */
  limited: boolean;
  validRequestIds: string[];
  refused: { id: string; reasons: RequestRefusal[] }[];
}

/** Why the rule does not count a request (empty when it does). */
export function requestRefusals(r: LimitationRequest, deadline: string): RequestRefusal[] {
  const reasons: RequestRefusal[] = [];
  if (r.receivedOn > deadline) reasons.push('late');
  if (!r.colombian) reasons.push('not_colombian');
  if (!r.mipyme) reasons.push('not_mipyme');
  // At least one year old when asking; RULES.md §2 does not say at which date, the request's is the firm's own claim.
  if (!r.constitutedOn || r.constitutedOn > oneYearBefore(r.receivedOn)) reasons.push('younger_than_one_year');
  if (!r.documentsComplete) reasons.push('documents_missing');
  return reasons;
}

/** Value strictly below the threshold, in a modality that allows a limitation ("susceptible de limitarse"). */
export function susceptibleToLimitation(modality: Modality, estimatedValueCop: number, thresholdCop: number): boolean {
  return LIMITABLE_MODALITIES.includes(modality) && estimatedValueCop < thresholdCop;
}

export function mipymeLimitation(input: LimitationInput): LimitationOutcome {
  const susceptible = susceptibleToLimitation(input.modality, input.estimatedValueCop, input.thresholdCop);
  const judged = input.requests.map((r) => ({ id: r.id, reasons: requestRefusals(r, input.requestDeadline) }));
  const validRequestIds = judged.filter((j) => j.reasons.length === 0).map((j) => j.id);
  return {
    susceptible,
    limited: susceptible && validRequestIds.length >= REQUESTS_REQUIRED,
    validRequestIds,
    refused: judged.filter((j) => j.reasons.length > 0),
  };
}
