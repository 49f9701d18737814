import type { TenderStatus } from '@eslabon/contracts';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { OcdsRelease } from './ocds-release';
import { Organization } from '../accounts/entities/organization.entity';
import { Award, Contract } from '../awards/award.entities';
import { Bid } from '../bids/bid.entities';
import { BuyerProfile } from '../buyers/buyer-profile.entity';
import { UnspscCode } from '../reference-data/reference-data.entities';
import { SupplierProfile } from '../suppliers/supplier.entities';
import { Tender, TenderDocument, TenderLot, TenderQuestion, TenderVersion } from '../tenders/tender.entities';

/** Everything public about one contracting process that its OCDS releases are made of. */
export interface OcdsSource {
  tender: Tender;
  lots: TenderLot[];
  buyer: Organization;
  buyerProfile: BuyerProfile | null;
  classNames: Map<string, string>;
  documents: TenderDocument[];
  adendas: TenderVersion[];
  /** Answered questions only; who asked is never loaded. */
  enquiries: Pick<TenderQuestion, 'id' | 'lotId' | 'text' | 'askedAt' | 'answer' | 'answeredAt'>[];
  /** Submitted bids, only once the tender has closed (sealed before). */
  bids: Pick<Bid, 'id' | 'supplierOrganizationId' | 'submittedAt' | 'lotIds' | 'bidderFacts'>[];
  awards: Award[];
  contracts: Contract[];
  suppliers: Map<string, { organization: Organization; profile: SupplierProfile | null }>;
}

const CLOSED_STATES = new Set(['closed', 'under_evaluation', 'awarded', 'void']);

/**
 * The process as it stood when an event happened, so a release the worker writes late still shows
 * that moment: which status, whether bids and decisions were out yet. Rows made in the event's own
 * transaction carry its start time (`now()`), the instant the event records, so `<= at` keeps them.
 */
export interface AsOf {
  at: Date;
  status: TenderStatus;
  bids: boolean;
  awards: boolean;
  /** Contract closures are shown only from the contract.closed event on. */
  contractsClosed: boolean;
  /** The question whose answer is the event (answered a moment after the transaction began). */
  questionId?: string;
}

const PRE_CLOSING: readonly TenderStatus[] = ['published_draft', 'open'];

/** What each event's release may show of the process. */
export function asOfEvent(event: { type: string; occurredAt: string; payload: Record<string, unknown> }, current: TenderStatus): AsOf {
  const at = new Date(event.occurredAt);
  const before = (status: TenderStatus): AsOf => ({ at, status, bids: false, awards: false, contractsClosed: false });
  switch (event.type) {
    case 'tender.published':
      return before(event.payload.status as TenderStatus);
    case 'tender.opened':
      return before('open');
    case 'tender.amended':
    case 'tender.limitation_decided':
    case 'tender.question_answered':
      return { ...before(PRE_CLOSING.includes(current) ? current : 'open'), questionId: event.payload.questionId as string | undefined };
    case 'tender.closed':
      return { ...before('closed'), bids: true };
    case 'tender.cancelled':
      return { ...before('cancelled'), bids: current === 'cancelled' };
    case 'contract.closed':
      return { at, status: current, bids: true, awards: true, contractsClosed: true };
    default:
      return { at, status: current, bids: true, awards: true, contractsClosed: false };
  }
}

export function isClosed(tender: Tender): boolean {
  return CLOSED_STATES.has(tender.status) || (tender.status === 'cancelled' && tender.closedAt !== null);
}

/** Null for drafts and unknown tenders: nothing of them is public. Without `asOf`, the process now. */
export async function loadOcdsSource(em: EntityManager, tenderId: string, asOf?: AsOf): Promise<OcdsSource | null> {
  const found = await em.findOneBy(Tender, { id: tenderId });
  if (!found || found.status === 'draft' || found.publishedAt === null) return null;
  const tender = asOf ? { ...found, status: asOf.status, closedAt: asOf.bids ? found.closedAt : null } : found;
  const closed = isClosed(tender) && (asOf?.bids ?? true);
  const [lots, buyer, buyerProfile, documents, adendas, enquiries, bids, awards] = await Promise.all([
    em.find(TenderLot, { where: { tenderId }, order: { position: 'ASC' } }),
    em.findOneByOrFail(Organization, { id: tender.buyerOrganizationId }),
    em.findOneBy(BuyerProfile, { organizationId: tender.buyerOrganizationId }),
    em.find(TenderDocument, { where: { tenderId }, order: { uploadedAt: 'ASC' } }),
    em.find(TenderVersion, { where: { tenderId, kind: 'adenda' }, order: { number: 'ASC' } }),
    em
      .createQueryBuilder(TenderQuestion, 'q')
      .select(['q.id', 'q.lotId', 'q.text', 'q.askedAt', 'q.answer', 'q.answeredAt'])
      .where('q.tenderId = :tenderId AND q.answer IS NOT NULL', { tenderId })
      .orderBy('q.askedAt', 'ASC')
      .getMany(),
    closed
      ? em.find(Bid, {
          select: { id: true, supplierOrganizationId: true, submittedAt: true, lotIds: true, bidderFacts: true },
          where: { tenderId, status: 'submitted' },
          order: { submittedAt: 'ASC' },
        })
      : Promise.resolve([]),
    asOf && !asOf.awards ? Promise.resolve([]) : em.find(Award, { where: { tenderId }, order: { decidedAt: 'ASC' } }),
  ]);
  const contracts = (awards.length ? await em.find(Contract, { where: { awardId: In(awards.map((a) => a.id)) } }) : [])
    .filter((c) => !asOf || c.createdAt <= asOf.at)
    .map((c) => (asOf && !asOf.contractsClosed ? { ...c, status: 'active' as const, terminationReason: null } : c));
  const supplierIds = [
    ...new Set([...bids.map((b) => b.supplierOrganizationId), ...awards.flatMap((a) => a.supplierOrganizationId ?? [])]),
  ];
  const [organizations, profiles, classes] = await Promise.all([
    supplierIds.length ? em.findBy(Organization, { id: In(supplierIds) }) : Promise.resolve([]),
    supplierIds.length ? em.findBy(SupplierProfile, { organizationId: In(supplierIds) }) : Promise.resolve([]),
    em.findBy(UnspscCode, { code: In([...new Set(lots.flatMap((l) => l.unspscClasses))]) }),
  ]);
  const suppliers = new Map(
    organizations.map((o) => [o.id, { organization: o, profile: profiles.find((p) => p.organizationId === o.id) ?? null }]),
  );
  return {
    tender,
    lots,
    buyer,
    buyerProfile,
    classNames: new Map(classes.map((c) => [c.code, c.name])),
    documents: asOf ? documents.filter((d) => d.uploadedAt <= asOf.at) : documents,
    adendas: asOf ? adendas.filter((v) => v.createdAt <= asOf.at) : adendas,
    enquiries: asOf ? enquiries.filter((q) => q.id === asOf.questionId || (q.answeredAt !== null && q.answeredAt <= asOf.at)) : enquiries,
    bids,
    awards,
    contracts,
    suppliers,
  };
}

/** Stores a release once: its id is unique per ocid, so writing it again changes nothing. */
export async function storeRelease(em: EntityManager, tenderId: string, release: OcdsRelease): Promise<void> {
  await em.query(
    `INSERT INTO ocds_releases (release_id, ocid, tender_id, date, release) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (release_id) DO NOTHING`,
    [`${release.ocid}/${release.id}`, release.ocid, tenderId, release.date, release],
  );
}
