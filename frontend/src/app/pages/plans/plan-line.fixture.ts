import type { PlanLineView } from '@eslabon/contracts';
import { bogotaYear } from './plan-text';

/** A published line of this year's plan, as the API returns it; specs change what they test. */
export function planLine(overrides: Partial<PlanLineView> = {}): PlanLineView {
  return {
    id: 'line-1',
    year: bogotaYear(),
    description: 'Dotación de uniformes para el personal de mantenimiento vial',
    unspscClasses: ['531027'],
    estimatedValueCop: '230000000',
    expectedMonth: 3,
    modality: 'seleccion_abreviada_menor_cuantia',
    productiveBet: 'territories',
    buyer: { organizationId: 'org-1', name: 'Gobernación de Boyacá' },
    classes: [{ code: '531027', name: 'Uniformes' }],
    published: true,
    publishedAt: '2026-01-20T15:00:00.000Z',
    interestCount: 3,
    interested: false,
    ...overrides,
  };
}
