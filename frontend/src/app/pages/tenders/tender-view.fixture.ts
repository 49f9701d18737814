import type { SessionView, TenderView } from '@eslabon/contracts';

/** A published tender as the API returns it, for the specs of the tender pages. */
export function tenderView(overrides: Partial<TenderView> = {}): TenderView {
  return {
    id: 't1',
    reference: 'LP-2026-001',
    title: 'Uniformes para el personal de salud',
    buyer: { organizationId: 'org-1', name: 'Hospital San Vicente' },
    modality: 'seleccion_abreviada_menor_cuantia',
    status: 'open',
    productiveBet: 'health',
    executionDepartment: '05',
    executionDepartmentName: 'Antioquia',
    executionMunicipality: '05001',
    executionMunicipalityName: 'Medellín',
    estimatedValueCop: '150000000',
    closingAt: '2099-03-20T22:00:00.000Z',
    lotCount: 1,
    reservedForMipymes: true,
    reservedForEconomiaPopular: false,
    limitedToMipymes: false,
    publishedAt: '2026-03-02T15:00:00.000Z',
    description: 'Dotación anual.',
    schedule: { opening: '2026-03-02', questionsDeadline: '2099-03-17', closing: '2099-03-20' },
    closingTime: '17:00',
    criteria: {
      totalPoints: 100,
      parts: [{ key: 'price', label: 'Precio', points: 90 }],
      nationalIndustryPoints: 10,
      foreignComponentPoints: 5,
    },
    lots: [
      {
        id: 'lot-1',
        position: 1,
        title: 'Batas',
        description: 'Batas antifluido',
        unspscClasses: ['531023'],
        classes: [{ code: '531023', name: 'Uniformes' }],
        quantity: '500',
        unit: 'unidades',
        estimatedValueCop: '150000000',
        reservedForMipymes: true,
        reservedForEconomiaPopular: false,
        territorialLimitation: null,
        nationalComponentMinPercent: null,
      },
    ],
    documents: [],
    mipymeLimitation: {
      susceptible: true,
      thresholdCop: '500000000',
      thresholdPeriod: '2026-2027',
      requestDeadline: '2099-03-01',
      requestsOpen: true,
      requestCount: 0,
      decision: null,
      territorial: null,
    },
    version: 1,
    openedAt: '2026-03-02T15:00:00.000Z',
    closedAt: null,
    cancelledAt: null,
    statusReason: null,
    allowedTransitions: [],
    viewer: null,
    updatedAt: '2026-03-02T15:00:00.000Z',
    ...overrides,
  };
}

export function signedIn(kind: 'supplier' | 'state_entity', role: 'supplier_admin' | 'buyer_admin'): SessionView {
  return {
    authenticated: true,
    user: { id: 'u', email: 'persona@example.co', name: 'Persona', locale: 'es-CO' },
    memberships: [{ organizationId: kind === 'supplier' ? 'sup-1' : 'org-1', organizationName: 'Org', kind, status: 'active', role }],
    activeOrganizationId: kind === 'supplier' ? 'sup-1' : 'org-1',
  };
}
