import type { BidInput, BidReceipt, MyBidView, SupplierProfileView, TenderView } from '@eslabon/contracts';
import { tenderView } from '../tenders/tender-view.fixture';

/**
 * Fixtures for the specs of the bid pages. The lot ids sort the other way round from the lots'
 * positions, so the specs see that the digest orders lots by id while the pages follow the tender.
 */
export function bidTender(overrides: Partial<TenderView> = {}): TenderView {
  const base = tenderView();
  const [lot] = base.lots;
  return tenderView({
    lotCount: 2,
    estimatedValueCop: '230000000',
    lots: [
      { ...lot, id: 'lot-b', position: 0, title: 'Batas', estimatedValueCop: '150000000', reservedForMipymes: true },
      {
        ...lot,
        id: 'lot-a',
        position: 1,
        title: 'Gorros',
        estimatedValueCop: '80000000',
        reservedForMipymes: false,
        nationalComponentMinPercent: 40,
      },
    ],
    ...overrides,
  });
}

export function receipt(overrides: Partial<BidReceipt> = {}): BidReceipt {
  return {
    bidId: 'bid-1',
    tenderId: 't1',
    supplierOrganizationId: 'org-1',
    version: 1,
    status: 'submitted',
    submittedAt: '2026-03-10T15:04:05.000Z',
    submittedAtBogota: '2026-03-10 10:04:05',
    digest: '0'.repeat(64),
    nonce: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    lotIds: ['lot-a'],
    termsVersion: 1,
    needsReconfirmation: false,
    ...overrides,
  };
}

export function myBid(overrides: Partial<MyBidView> = {}): MyBidView {
  return {
    ...receipt(),
    tenderReference: 'LP-2026-001',
    tenderTitle: 'Uniformes para el personal de salud',
    tenderStatus: 'open',
    closingAt: '2099-03-20T22:00:00.000Z',
    outcomes: [],
    ...overrides,
  };
}

export const content: BidInput = {
  lots: [
    { lotId: 'lot-b', priceCop: '140000000', nationalIndustry: 'national_goods', nationalComponentPercent: null },
    { lotId: 'lot-a', priceCop: '75000000', nationalIndustry: 'foreign_with_component', nationalComponentPercent: 45 },
  ],
  claims: {
    disabilityBonus: true,
    womanHeadOfHousehold: false,
    disabilityPayrollPercent: 12,
    olderWorkersPercent: 0,
    ethnicPayrollPercent: 5,
    reincorporation: false,
    mipymePaymentsPercent: 30,
    bicMipyme: false,
  },
  plural: null,
  documents: [],
};

/** Only what the pages read of a supplier profile: the facts the reservation rules judge. */
export function profile(facts: { mipyme: boolean; supplierType?: 'company' | 'economia_popular' }): SupplierProfileView {
  return {
    organizationId: 'sup-1',
    identity: { domicileMunicipality: '05001' },
    legal: { supplierType: facts.supplierType ?? 'company' },
    size: { mipyme: facts.mipyme },
  } as SupplierProfileView;
}
