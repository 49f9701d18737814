/**
 * How complete a supplier profile is, for the indicator that nudges a small firm to finish it. Each
 * wizard step counts for its required parts; the documents step asks for the RUT and the Cámara de
 * Comercio certificate (a natural person has no chamber certificate unless registered as a merchant,
 * so it only needs the RUT).
 */
export interface CompletenessInput {
  identity: boolean;
  legal: boolean;
  personType: 'natural' | 'legal' | null;
  unspscClassCount: number;
  description: string;
  documentTypes: readonly string[];
}

export const COMPLETENESS_STEPS = ['identity', 'legal', 'capabilities', 'documents'] as const;
export type CompletenessStep = (typeof COMPLETENESS_STEPS)[number];

export interface CompletenessResult {
  percent: number;
  completedSteps: CompletenessStep[];
  missing: string[];
}

export function profileCompleteness(p: CompletenessInput): CompletenessResult {
  const checks: [CompletenessStep, string, boolean][] = [
    ['identity', 'identity', p.identity],
    ['legal', 'legal', p.legal],
    ['capabilities', 'unspscClasses', p.unspscClassCount > 0],
    ['capabilities', 'description', p.description.trim().length > 0],
    ['documents', 'rut', p.documentTypes.includes('rut')],
  ];
  if (p.personType !== 'natural') checks.push(['documents', 'chamber_certificate', p.documentTypes.includes('chamber_certificate')]);
  const missing = checks.filter(([, , ok]) => !ok).map(([, name]) => name);
  const completedSteps = COMPLETENESS_STEPS.filter((step) => checks.every(([s, , ok]) => s !== step || ok));
  return { percent: Math.round((100 * (checks.length - missing.length)) / checks.length), completedSteps, missing };
}
