import { ocdsReviewErrors, ocdsSchemaErrors } from '../../testing/ocds-validation';
import type { Organization } from '../accounts/entities/organization.entity';
import type { Award, Contract } from '../awards/award.entities';
import type { SupplierProfile } from '../suppliers/supplier.entities';
import type { Tender, TenderLot } from '../tenders/tender.entities';
import { buildRelease, prune, tagsFor } from './ocds-release';
import { packageMeta } from './ocds.service';
import { asOfEvent, type OcdsSource } from './ocds-source';

const publisher = { prefix: 'ocds-eslabn', name: 'Eslabón', publicUrl: 'https://eslabon.example.org' };
const org = (id: string, name: string) => ({ id, name, kind: 'supplier', status: 'active' }) as Organization;
const profile = (over: Partial<SupplierProfile>) =>
  ({
    personType: 'legal',
    legalName: 'Botas del Norte SAS',
    nit: '830115297',
    checkDigit: '6',
    domicileDepartment: '05',
    domicileMunicipality: '05001',
    supplierType: 'company',
    ...over,
  }) as SupplierProfile;

function source(status: Tender['status'], over: Partial<OcdsSource> = {}): OcdsSource {
  const tender = {
    id: '6f1c3a52-0000-4000-8000-000000000001',
    reference: 'ESL-2026-000001',
    title: 'Dotación de botas',
    description: 'Botas de seguridad',
    modality: 'licitacion_publica',
    status,
    estimatedValueCop: '90000000',
    schedule: { opening: '2026-03-02', closing: '2026-03-20', questionsDeadline: '2026-03-10' },
    closingAt: new Date('2026-03-20T15:00:00Z'),
    closedAt: ['open', 'published_draft'].includes(status) ? null : new Date('2026-03-20T15:00:00Z'),
    limitation: { limited: true },
    version: 1,
  } as unknown as Tender;
  const lot = {
    id: 'lot-1',
    position: 1,
    title: 'Botas',
    description: 'Botas dieléctricas',
    unspscClasses: ['461816'],
    quantity: '300',
    unit: 'par',
    estimatedValueCop: '90000000',
    reservedForMipymes: true,
    reservedForEconomiaPopular: false,
  } as TenderLot;
  return {
    tender,
    lots: [lot],
    buyer: org('buyer-1', 'Alcaldía de Medellín'),
    buyerProfile: null,
    classNames: new Map([['461816', 'Calzado de seguridad']]),
    documents: [],
    adendas: [],
    enquiries: [],
    bids: [],
    awards: [],
    contracts: [],
    suppliers: new Map(),
    ...over,
  };
}

const validPackage = (release: object) =>
  ocdsSchemaErrors('releasePackage', { ...packageMeta(publisher, 'https://eslabon.example.org/x', new Date()), releases: [release] });

describe('OCDS releases', () => {
  it('publishes an open tender with lots, UNSPSC items and reserved participation, valid against the schema', () => {
    const r = buildRelease(source('open'), { id: 'e1', date: new Date('2026-03-02T14:00:00Z'), tag: ['tender'] }, publisher);
    expect(validPackage(r)).toEqual([]);
    expect(r).toMatchObject({
      ocid: 'ocds-eslabn-6f1c3a52-0000-4000-8000-000000000001',
      initiationType: 'tender',
      tender: {
        status: 'active',
        procurementMethod: 'open',
        mainProcurementCategory: 'goods',
        value: { amount: 90000000, currency: 'COP' },
        otherRequirements: { reservedParticipation: ['mipyme'] },
        items: [
          { classification: { scheme: 'UNSPSC', id: '461816', description: 'Calzado de seguridad' }, relatedLot: 'lot-1', quantity: 300 },
        ],
        lots: [{ id: 'lot-1', status: 'active', suitability: { sme: true } }],
      },
    });
    // Sealed until closing: not even how many bids there are.
    expect(r).not.toHaveProperty('bids');
    expect(r.tender).not.toHaveProperty('numberOfTenderers');
  });

  it('after closing shows bid statistics and who bid, never prices; a natural person has no identifier', () => {
    const person = profile({ personType: 'natural', legalName: 'María Pérez', nit: '52123456' });
    const s = source('under_evaluation', {
      bids: [
        {
          id: 'bid-1',
          supplierOrganizationId: 's1',
          submittedAt: new Date('2026-03-19T15:00:00Z'),
          lotIds: ['lot-1'],
          bidderFacts: { sizeClass: 'micro', mipyme: true, womenLed: true },
        },
        {
          id: 'bid-2',
          supplierOrganizationId: 's2',
          submittedAt: new Date('2026-03-19T16:00:00Z'),
          lotIds: ['lot-1'],
          bidderFacts: { sizeClass: 'grande', mipyme: false, womenLed: false },
        },
      ],
      suppliers: new Map([
        ['s1', { organization: org('s1', 'María Pérez'), profile: person }],
        [
          's2',
          {
            organization: org('s2', 'Valves Inc'),
            profile: profile({ legalName: 'Valves Inc', nit: '899999068', checkDigit: '1', supplierType: 'cooperative' }),
          },
        ],
      ]),
    });
    const r = buildRelease(s, { id: 'e2', date: new Date(), tag: ['tenderUpdate'] }, publisher);
    expect(validPackage(r)).toEqual([]);
    expect((r.bids as { statistics: unknown[] }).statistics).toEqual(
      expect.arrayContaining([
        { id: 'bids', measure: 'bids', value: 2 },
        { id: 'smeBids', measure: 'smeBids', value: 1 },
      ]),
    );
    expect(JSON.stringify(r)).not.toMatch(/52123456|price|value":\{"amount":7/);
    const parties = r.parties as {
      id: string;
      identifier?: object;
      details?: { scale?: string; classifications?: { id: string }[] };
      roles: string[];
    }[];
    expect(parties.find((p) => p.id === 's1')).toMatchObject({
      roles: ['tenderer'],
      details: { scale: 'micro', classifications: [{ id: 'women_led' }] },
    });
    expect(parties.find((p) => p.id === 's1')).not.toHaveProperty('identifier');
    expect(parties.find((p) => p.id === 's2')).toMatchObject({
      identifier: { scheme: 'CO-RUE', id: '8999990681' },
      details: { scale: 'large', classifications: [{ id: 'cooperative' }] },
    });
  });

  it('awards and contracts point to existing lots, bids and awards', () => {
    const award = {
      id: 'a1',
      lotId: 'lot-1',
      outcome: 'awarded',
      bidId: 'bid-1',
      supplierOrganizationId: 's1',
      valueCop: '76000000',
      sizeClass: 'pequena',
      decidedAt: new Date('2026-04-10T15:00:00Z'),
    } as Award;
    const contract = {
      id: 'c1',
      awardId: 'a1',
      status: 'completed',
      startDate: '2026-05-01',
      endDate: '2026-08-31',
      valueCop: '76000000',
      createdAt: new Date('2026-04-10T15:00:00Z'),
      terminationReason: null,
    } as Contract;
    const s = source('awarded', {
      bids: [
        {
          id: 'bid-1',
          supplierOrganizationId: 's1',
          submittedAt: new Date('2026-03-19T15:00:00Z'),
          lotIds: ['lot-1'],
          bidderFacts: { sizeClass: 'pequena', mipyme: true, womenLed: false },
        },
      ],
      awards: [award],
      contracts: [contract],
      suppliers: new Map([['s1', { organization: org('s1', 'Botas del Norte'), profile: profile({}) }]]),
    });
    const r = buildRelease(s, { id: 'e3', date: new Date(), tag: tagsFor('contract.closed', {}, s) }, publisher);
    expect(validPackage(r)).toEqual([]);
    expect(ocdsReviewErrors([r])).toEqual([]);
    expect(r).toMatchObject({
      tag: ['contractTermination'],
      tender: { status: 'complete', lots: [{ status: 'complete' }] },
      awards: [{ status: 'active', value: { amount: 76000000, currency: 'COP' }, relatedLots: ['lot-1'], relatedBids: ['bid-1'] }],
      contracts: [{ awardID: 'a1', status: 'terminated', period: { startDate: '2026-05-01T00:00:00-05:00' } }],
    });
    expect((r.parties as { id: string; roles: string[]; details: object }[]).find((p) => p.id === 's1')).toMatchObject({
      roles: ['tenderer', 'supplier'],
      details: { scale: 'sme' },
    });
  });

  it.each([
    ['tender.published', { status: 'published_draft' }, ['planning']],
    ['tender.published', { status: 'open' }, ['tender']],
    ['tender.amended', {}, ['tenderAmendment']],
    ['tender.cancelled', {}, ['tenderCancellation']],
    ['tender.closed', {}, ['tenderUpdate']],
    ['tender.voided', {}, ['tenderUpdate']],
  ])('%s %j is tagged %j', (event, payload, tags) => expect(tagsFor(event, payload, source('open'))).toEqual(tags));

  it('is checked by a validator that does refuse invalid releases', () => {
    const r = buildRelease(source('open'), { id: 'e1', date: new Date(), tag: ['tender'] }, publisher);
    const errors = validPackage({ ...r, ocid: undefined, tag: ['bidding'] });
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/ocid/), expect.stringMatching(/^\/releases\/0\/tag\/0 /)]));
    expect(ocdsReviewErrors([r, { ...r, awards: [{ id: 'x', relatedLots: ['nope'] }] }])).toEqual([
      `duplicate release id ${r.ocid}/e1`,
      `${r.ocid}/e1: award x points to unknown lot nope`,
    ]);
  });

  it.each([
    // A release written late shows the moment of its event, not what came after.
    ['tender.published', { status: 'published_draft' }, 'awarded', { status: 'published_draft', bids: false, awards: false }],
    ['tender.opened', {}, 'awarded', { status: 'open', bids: false, awards: false }],
    ['tender.amended', {}, 'published_draft', { status: 'published_draft', bids: false, awards: false }],
    ['tender.question_answered', { questionId: 'q1' }, 'void', { status: 'open', bids: false, questionId: 'q1' }],
    ['tender.closed', {}, 'awarded', { status: 'closed', bids: true, awards: false }],
    ['tender.awarded', {}, 'awarded', { status: 'awarded', bids: true, awards: true, contractsClosed: false }],
    ['contract.closed', {}, 'awarded', { status: 'awarded', bids: true, awards: true, contractsClosed: true }],
  ] as const)('%s %j delivered when the tender is %s shows %j', (type, payload, current, expected) =>
    expect(asOfEvent({ type, occurredAt: '2026-03-02T14:00:00Z', payload }, current)).toMatchObject(expected),
  );

  it('prunes empty fields', () => {
    expect(prune({ a: '', b: [], c: {}, d: { e: null }, f: [{ g: undefined }, 1], h: 0 })).toEqual({ f: [1], h: 0 });
  });
});
