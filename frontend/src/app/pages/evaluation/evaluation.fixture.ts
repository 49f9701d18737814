import type { AwardView, EvaluationReport, EvaluationWorkspace, LotRanking, OpenedBid, TenderView } from '@eslabon/contracts';
import { tenderView } from '../tenders/tender-view.fixture';

/** For the specs of the evaluation pages: a tender under evaluation whose criteria have two parts the committee scores. */
export function evaluatedTender(overrides: Partial<TenderView> = {}): TenderView {
  return tenderView({
    status: 'under_evaluation',
    closedAt: '2026-03-20T22:00:00.000Z',
    schedule: { opening: '2026-03-02', closing: '2026-03-20', commentPeriodEnd: '2026-03-31' },
    criteria: {
      totalPoints: 100,
      parts: [
        { key: 'price', label: 'Precio', points: 60 },
        { key: 'quality', label: 'Calidad', points: 20 },
        { key: 'experience', label: 'Experiencia', points: 9.75 },
        { key: 'mipyme_bonus', label: 'Bonificación mipyme', points: 0.25 },
      ],
      nationalIndustryPoints: 10,
      foreignComponentPoints: 5,
    },
    ...overrides,
  });
}

export function openedBid(overrides: Partial<OpenedBid> = {}): OpenedBid {
  return {
    bidId: 'b1',
    supplierOrganizationId: 'sup-1',
    supplierName: 'Confecciones Andinas',
    supplierNit: '900123456-1',
    sizeClass: 'pequena',
    mipyme: true,
    womenLed: false,
    submittedAt: '2026-03-19T15:00:00.000Z',
    version: 1,
    digest: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
    needsReconfirmation: false,
    lots: [{ lotId: 'lot-1', priceCop: '140000000', nationalIndustry: 'national_goods', nationalComponentPercent: null }],
    claims: {
      disabilityBonus: false,
      womanHeadOfHousehold: false,
      disabilityPayrollPercent: 12,
      olderWorkersPercent: 0,
      ethnicPayrollPercent: 0,
      reincorporation: false,
      mipymePaymentsPercent: 0,
      bicMipyme: true,
    },
    plural: null,
    documents: [],
    review: {
      habilitante: 'pending',
      note: null,
      scores: {},
      verified: {
        disabilityBonus: false,
        womanHeadOfHousehold: false,
        disabilityPayrollPercent: 12,
        olderWorkersPercent: 0,
        ethnicPayrollPercent: 0,
        reincorporation: false,
        mipymePaymentsPercent: 0,
        bicMipyme: true,
        nationalStatusVerified: true,
      },
      reviewedAt: null,
      correctionDueAt: null,
    },
    ...overrides,
  };
}

/** Two bids tied on points, broken by the seeded draw, and a third left out after an adenda. */
export function tiedRanking(): LotRanking {
  const line = { priceCop: '140000000', nationalIndustry: 'national_goods' as const, price: 60, nationalIndustryPoints: 10, bonuses: 0.25 };
  return {
    lotId: 'lot-1',
    lotTitle: 'Batas',
    lines: [
      { ...line, bidId: 'b2', supplierName: 'Textiles del Valle', committee: 20.5, total: 90.75, rank: 1 },
      { ...line, bidId: 'b1', supplierName: 'Confecciones Andinas', committee: 20.5, total: 90.75, rank: 2 },
    ],
    tieBreaks: [
      {
        tied: ['b1', 'b2'],
        ranking: ['b2', 'b1'],
        decidedBy: 'random_draw',
        trail: [
          { factor: 'national_offer', met: ['b1', 'b2'] },
          { factor: 'mipyme', met: [] },
        ],
        drawOrder: ['b2', 'b1'],
      },
    ],
    excluded: [{ bidId: 'b3', supplierName: 'Dotaciones Ltda', reason: 'needs_reconfirmation' }],
  };
}

export function workspace(overrides: Partial<EvaluationWorkspace> = {}): EvaluationWorkspace {
  return {
    tenderId: 't1',
    reference: 'LP-2026-001',
    title: 'Uniformes para el personal de salud',
    status: 'under_evaluation',
    modality: 'seleccion_abreviada_menor_cuantia',
    committee: [{ userId: 'u', name: 'Persona', email: 'persona@example.co' }],
    bids: [openedBid(), openedBid({ bidId: 'b3', supplierName: 'Dotaciones Ltda', supplierNit: '800111222-3', needsReconfirmation: true })],
    rankings: [tiedRanking()],
    report: null,
    ...overrides,
  };
}

export function report(overrides: Partial<EvaluationReport> = {}): EvaluationReport {
  return {
    tenderId: 't1',
    version: 1,
    publishedAt: '2026-03-24T15:00:00.000Z',
    commentUntil: '2026-03-31',
    seed: '5f1c0ffee',
    tieBreakRule: {
      order: ['national_offer', 'mipyme'],
      disabilityPayrollMinPercent: 10,
      ethnicPayrollMinPercent: 10,
      mipymePaymentsMinPercent: 25,
    },
    rankings: [tiedRanking()],
    observations: [],
    ...overrides,
  };
}

export function awardView(overrides: Partial<AwardView> = {}): AwardView {
  return {
    lotId: 'lot-1',
    lotTitle: 'Batas',
    outcome: 'awarded',
    reason: null,
    decidedAt: '2026-04-06T15:00:00.000Z',
    supplierOrganizationId: 'sup-2',
    supplierName: 'Textiles del Valle',
    supplierNit: '900222333-4',
    sizeClass: 'mediana',
    valueCop: '140000000',
    nationalIndustry: 'national_goods',
    contract: null,
    ...overrides,
  };
}
