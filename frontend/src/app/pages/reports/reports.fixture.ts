import type { ReportDashboard, ReportFigures, ReportRow } from '@eslabon/contracts';
import { EMPTY_TOTALS, deriveIndicators, type ReportTotals } from '@eslabon/domain';

export const BUYER_ID = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

/** Figures as the API derives them from a cube cell's sums. */
export function figures(totals: Partial<ReportTotals>): ReportFigures {
  const all = { ...EMPTY_TOTALS, ...totals };
  return { totals: all, indicators: deriveIndicators(all) };
}

export function row(key: string, label: string, totals: Partial<ReportTotals>): ReportRow {
  return { key, label, ...figures(totals) };
}

const antioquia: Partial<ReportTotals> = {
  lots: '4',
  awardedLots: '3',
  processes: '3',
  processBidders: '7',
  bids: '9',
  estimatedValueCop: '1200000000',
  awardedValueCop: '1000000000',
  nationalValueCop: '600000000',
  microValueCop: '250000000',
  foodValueCop: '100000000',
  foodAcfcValueCop: '20000000',
};

/** For the specs of the dashboard: one department, one buyer, a direct award and a public tender. */
export function dashboard(overrides: Partial<ReportDashboard> = {}): ReportDashboard {
  return {
    query: { from: '2026-01-01', to: '2026-12-07' },
    previous: { from: '2025-01-16', to: '2025-12-31' },
    current: figures(antioquia),
    previousFigures: figures({ processes: '2', awardedValueCop: '800000000', nationalValueCop: '400000000' }),
    breakdowns: {
      buyer: [row(BUYER_ID, 'Alcaldía de Medellín', antioquia)],
      department: [row('05', 'Antioquia', antioquia)],
      segment: [row('50', '50 Alimentos, bebidas y tabaco', antioquia), row('', '—', { processes: '1' })],
      productiveBet: [row('agroindustry', 'Agroindustrialización y soberanía alimentaria', antioquia)],
      modality: [
        row('contratacion_directa', 'Contratación directa', { processes: '1', awardedValueCop: '250000000' }),
        row('licitacion_publica', 'Licitación pública', { processes: '2', awardedValueCop: '750000000', nationalValueCop: '600000000' }),
      ],
      month: [row('2026-03', '2026-03', antioquia)],
    },
    funnel: [
      { sizeClass: 'micro', registered: 40, matched: 20, bidding: 8, awarded: 2 },
      { sizeClass: 'grande', registered: 10, matched: 6, bidding: 3, awarded: 1 },
    ],
    food: [
      {
        buyerOrganizationId: BUYER_ID,
        buyerName: 'Alcaldía de Medellín',
        foodValueCop: '100000000',
        acfcValueCop: '20000000',
        shareBp: 2000,
        meetsMinimum: false,
      },
    ],
    updatedAt: '2026-12-07T14:30:00.000Z',
    ...overrides,
  };
}
