import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  BidClaims,
  BidDocumentRef,
  BidCount,
  BidInput,
  BidLotInput,
  BidReceipt,
  FieldError,
  MyBidView,
  PluralBidderInput,
} from '@eslabon/contracts';
import { BidderFacts, acceptsBids, callRefusals, lotRefusals, sealedBidText } from '@eslabon/domain';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '../../core/audit/actor';
import { AuditService } from '../../core/audit/audit.service';
import { open, seal } from '../../core/crypto/envelope';
import { isUniqueViolation } from '../../core/database/unique-violation';
import { DomainError, fieldError } from '../../core/http/domain-error';
import { OutboxService } from '../../core/outbox/outbox.service';
import { bogotaTimestamp } from '../../core/time/bogota';
import { Tender } from '../tenders/tender.entities';
import { SUPPLIER_MIPYME_SQL } from '../suppliers/supplier-facts';
import { lotsOf } from '../tenders/tender-views';
import { tenderNotFound } from '../tenders/tenders.service';
import { Bid, BidderRecord } from './bid.entities';
import { BidDocumentsService } from './bid-documents.service';
import { TenderKeys } from './tender-keys';

const REFUSAL_MESSAGES: Record<string, string> = {
  call_limited_to_mipymes: 'This call is limited to mipymes (Decreto 1860 de 2021)',
  call_limited_territory: 'This call is limited to mipymes domiciled where the work is done',
  lot_reserved_mipymes: 'This lot is reserved for mipymes',
  lot_reserved_economia_popular: 'This lot is reserved for the economía popular',
  lot_territory: 'This lot is limited to suppliers domiciled in its places',
};

/** What is sealed: the digest on the receipt is SHA-256 of its canonical JSON. */
export interface BidContent {
  tenderId: string;
  supplierOrganizationId: string;
  version: number;
  nonce: string;
  /** Empty once withdrawn; sealed in lot-id order (sealedBidText). */
  lots: BidLotInput[];
  claims: BidClaims | null;
  plural: PluralBidderInput | null;
  /** Absent in bids sealed before documents existed, and in withdrawals. */
  documents?: BidDocumentRef[];
  withdrawn?: true;
}

/** A bid opened after closing, for the committee. */
export interface OpenedContent {
  bid: Bid;
  content: BidContent;
  needsReconfirmation: boolean;
}

/** Sealed sizes come in steps of 1 KiB, so the length of a ciphertext does not tell how many digits a price has. */
const PAD_TO = 1024;
/** Trailing spaces: JSON.parse reads past them, and the digest is of the text without them. */
function padded(text: string): Buffer {
  const bytes = Buffer.from(text);
  return Buffer.concat([bytes, Buffer.alloc(Math.ceil((bytes.length + 1) / PAD_TO) * PAD_TO - bytes.length, ' ')]);
}

const aad = (bid: Pick<Bid, 'tenderId' | 'supplierOrganizationId'>) => `bid:${bid.tenderId}:${bid.supplierOrganizationId}`;

const opened = (key: Buffer, bid: Bid): BidContent =>
  JSON.parse(open(key, { iv: bid.iv, tag: bid.tag, ciphertext: bid.sealedContent }, aad(bid)).toString()) as BidContent;

/** An adenda changed lots or requirements after the bid: it is ranked only once resubmitted. */
const needsReconfirmation = (bid: Bid, tender: Pick<Tender, 'reconfirmFromVersion'>) =>
  bid.status === 'submitted' && bid.termsVersion < tender.reconfirmFromVersion;

export function receiptOf(bid: Bid, tender: Pick<Tender, 'reconfirmFromVersion'>): BidReceipt {
  return {
    bidId: bid.id,
    tenderId: bid.tenderId,
    supplierOrganizationId: bid.supplierOrganizationId,
    version: bid.version,
    status: bid.status,
    submittedAt: bid.submittedAt.toISOString(),
    submittedAtBogota: bogotaTimestamp(bid.submittedAt),
    digest: bid.digest,
    nonce: bid.nonce,
    lotIds: bid.lotIds,
    termsVersion: bid.termsVersion,
    needsReconfirmation: needsReconfirmation(bid, tender),
  };
}

/**
 * Receives sealed bids. The deadline is checked with the server clock inside the transaction that
 * stores the bid, under a share lock on the tender that the closing's update lock waits for, so a bid
 * lands entirely before closing or not at all — however late the closing job runs. Submissions of one
 * supplier to one tender queue on an advisory lock, so a last-second rush of retries neither loses
 * nor doubles a bid.
 */
@Injectable()
export class BidsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly keys: TenderKeys,
    private readonly documents: BidDocumentsService,
  ) {}

  /** `clock` is read once the locks are held (the demo seed passes the instant it stands at). */
  submit(
    tenderId: string,
    input: BidInput,
    idempotencyKey: string,
    actor: Actor,
    clock: () => Date = () => new Date(),
  ): Promise<BidReceipt> {
    const asked = { lots: input.lots, claims: input.claims, plural: input.plural ?? null, documents: input.documents ?? [] };
    const replays = (sealed: BidContent) =>
      !sealed.withdrawn && sealedBidText({ ...sealed, ...asked }) === sealedBidText({ ...sealed, documents: sealed.documents ?? [] });
    return this.change(tenderId, idempotencyKey, actor, clock, replays, async (em, tender, _existing, supplierId) => ({
      facts: await this.check(em, tender, input, supplierId),
      offer: {
        lots: input.lots,
        claims: input.claims,
        plural: input.plural ?? null,
        documents: input.documents ?? [],
      },
    }));
  }

  /** Withdraws the bid until closing: a new version with nothing offered, audited like any other. */
  withdraw(tenderId: string, idempotencyKey: string, actor: Actor): Promise<BidReceipt> {
    return this.change(
      tenderId,
      idempotencyKey,
      actor,
      () => new Date(),
      (sealed) => sealed.withdrawn === true,
      async (_em, _tender, existing) => {
        if (!existing || existing.status === 'withdrawn')
          throw new DomainError('not_found', 'bid_not_found', 'Your organization has no bid to withdraw on this tender');
        return { facts: existing.bidderFacts, offer: { lots: [], claims: null, plural: null, withdrawn: true as const } };
      },
    );
  }

  private async change(
    tenderId: string,
    idempotencyKey: string,
    actor: Actor,
    clock: () => Date,
    /** Whether what was sealed under this key is what this request asks for: a replay, not a new bid. */
    replays: (sealed: BidContent) => boolean,
    build: (
      em: EntityManager,
      tender: Tender,
      existing: Bid | null,
      supplierId: string,
    ) => Promise<{ offer: Omit<BidContent, 'tenderId' | 'supplierOrganizationId' | 'version' | 'nonce'>; facts: BidderRecord }>,
  ): Promise<BidReceipt> {
    const supplierId = actor.organizationId as string;
    try {
      return await this.db.transaction(async (em) => {
        const tender = await em.findOne(Tender, { where: { id: tenderId }, lock: { mode: 'pessimistic_read' } });
        if (!tender || tender.status === 'draft') throw tenderNotFound();
        await em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7))`, [`bid:${tenderId}:${supplierId}`]);
        const existing = await em.findOneBy(Bid, { tenderId, supplierOrganizationId: supplierId });
        // A retried request (same key) gets the receipt it already earned, not a new version — even just after closing.
        if (existing?.idempotencyKey === idempotencyKey) {
          if (!replays(await this.openOne(em, existing)))
            throw new DomainError('unprocessable', 'idempotency_key_reused', 'This Idempotency-Key was used for another submission');
          return receiptOf(existing, tender);
        }
        // After the locks: a request that waited for them past the closing is late.
        const now = clock();
        if (!acceptsBids(tender.status, tender.closingAt, now))
          throw new DomainError('conflict', 'bidding_closed', `Bids are received until ${tender.closingAt.toISOString()}`);
        const { offer, facts } = await build(em, tender, existing, supplierId);
        const version = (existing?.version ?? 0) + 1;
        const content: BidContent = {
          tenderId,
          supplierOrganizationId: supplierId,
          version,
          nonce: randomBytes(16).toString('hex'),
          ...offer,
        };
        const text = sealedBidText(content);
        const digest = createHash('sha256').update(text).digest('hex');
        const sealed = seal(await this.keys.dataKey(em, tenderId), padded(text), aad({ tenderId, supplierOrganizationId: supplierId }));
        const status = offer.withdrawn ? ('withdrawn' as const) : ('submitted' as const);
        const row = await em.getRepository(Bid).save({
          ...(existing ? { id: existing.id } : {}),
          tenderId,
          supplierOrganizationId: supplierId,
          status,
          version,
          termsVersion: tender.version,
          iv: sealed.iv,
          tag: sealed.tag,
          sealedContent: sealed.ciphertext,
          digest,
          nonce: content.nonce,
          lotIds: offer.lots.map((l) => l.lotId).sort(),
          bidderFacts: facts,
          idempotencyKey,
          submittedAt: now,
          submittedBy: actor.userId as string,
        });
        // The audit names the bid and its digest, never its prices.
        await this.audit.record(em, actor, {
          action: `bid.${status}`,
          entityType: 'bid',
          entityId: row.id,
          summary: {
            before: existing ? { version: existing.version, status: existing.status, digest: existing.digest } : undefined,
            after: { tenderId, version, status, digest, termsVersion: tender.version, submittedAt: now.toISOString() },
          },
        });
        await this.outbox.publish(em, `bid.${status}`, { bidId: row.id, tenderId, version });
        return receiptOf(row, tender);
      });
    } catch (e) {
      // Belt and braces: the advisory lock serializes a supplier's submissions, the unique index guarantees one bid.
      if (isUniqueViolation(e, 'uq_bids_tender_supplier'))
        throw new DomainError('conflict', 'bid_in_progress', 'Another submission of your organization is being saved; try again');
      throw e;
    }
  }

  /** Lots of this tender, each once, priced within its estimate, and open to this supplier. */
  /** Also returns what the registry says of the bidder now, kept with the bid. */
  private async check(em: EntityManager, tender: Tender, input: BidInput, supplierId: string): Promise<BidderRecord> {
    const lots = new Map((await lotsOf(em, [tender.id])).map((l) => [l.id, l]));
    const [profile] = await em.query(
      `SELECT p.domicile_municipality, p.supplier_type, p.nit, ${SUPPLIER_MIPYME_SQL} AS mipyme, c.size_class,
              cardinality(p.women_led_criteria) > 0 AS women_led
         FROM supplier_profiles p LEFT JOIN supplier_size_classifications c ON c.id = p.size_classification_id
        WHERE p.organization_id = $1`,
      [supplierId],
    );
    const bidder: BidderFacts = {
      mipyme: profile?.mipyme === true,
      economiaPopular: profile?.supplier_type === 'economia_popular',
      domicileMunicipality: profile?.domicile_municipality ?? null,
    };
    const refusals = callRefusals(
      { limitedToMipymes: tender.limitation?.limited ?? false, territorial: tender.territorialLimitation },
      bidder,
    );
    if (refusals.length) throw new DomainError('forbidden', refusals[0], REFUSAL_MESSAGES[refusals[0]]);
    const problems: FieldError[] = [];
    if (input.lots.length === 0) problems.push(fieldError('lots', 'lots_required', 'Offer on at least one lot'));
    const seen = new Set<string>();
    input.lots.forEach((offer, i) => {
      const lot = lots.get(offer.lotId);
      if (!lot || seen.has(offer.lotId)) {
        problems.push(fieldError(`lots.${i}.lotId`, 'unknown_lot', 'Not a lot of this tender, or offered twice'));
        return;
      }
      seen.add(offer.lotId);
      for (const code of lotRefusals(lot, bidder)) problems.push(fieldError(`lots.${i}.lotId`, code, REFUSAL_MESSAGES[code]));
      if (BigInt(offer.priceCop) === 0n) problems.push(fieldError(`lots.${i}.priceCop`, 'positive', 'A price must be above zero'));
      if (BigInt(offer.priceCop) > BigInt(lot.estimatedValueCop))
        problems.push(fieldError(`lots.${i}.priceCop`, 'above_estimate', `The lot's estimated value is COP ${lot.estimatedValueCop}`));
      if (offer.nationalIndustry === 'foreign_with_component' && offer.nationalComponentPercent === null)
        problems.push(fieldError(`lots.${i}.nationalComponentPercent`, 'required', 'Say the Colombian component, in percent'));
    });
    const members = input.plural?.members ?? [];
    if (input.plural && members.reduce((sum, m) => sum + m.participationPercent, 0) !== 100)
      problems.push(fieldError('plural.members', 'participation_sum', 'The members’ participations must add up to 100 %'));
    if (new Set(members.map((m) => m.nit)).size !== members.length)
      problems.push(fieldError('plural.members', 'duplicate_member', 'Each member appears once'));
    // The organization that submits answers for the consorcio or unión temporal: it must be one of its members.
    if (input.plural && !members.some((m) => m.nit === profile?.nit))
      problems.push(fieldError('plural.members', 'bidder_not_member', 'Your organization must be one of the members'));
    problems.push(...(await this.documents.refProblems(em, tender.id, supplierId, input.documents ?? [])));
    if (problems.length) throw DomainError.fields(problems);
    return { sizeClass: profile?.size_class ?? null, mipyme: bidder.mipyme, womenLed: profile?.women_led === true };
  }

  /**
   * Every bid of a tender with its content, for the evaluation committee. Refused before the closing
   * instant whatever the tender's state says, so no caller can open a bid early.
   */
  async openAll(em: EntityManager, tenderId: string, now = new Date()): Promise<OpenedContent[]> {
    const tender = await em.findOneByOrFail(Tender, { id: tenderId });
    if (now < tender.closingAt || ['draft', 'published_draft', 'open'].includes(tender.status))
      throw new DomainError('conflict', 'not_closed', 'Bids stay sealed until the tender closes');
    const bids = await em.find(Bid, { where: { tenderId }, order: { submittedAt: 'ASC', id: 'ASC' } });
    if (bids.length === 0) return [];
    const key = await this.keys.dataKey(em, tenderId);
    return bids.map((bid) => ({ bid, content: opened(key, bid), needsReconfirmation: needsReconfirmation(bid, tender) }));
  }

  /** One bid's content, inside the service only: to tell a replay from a different submission under one key. */
  private async openOne(em: EntityManager, bid: Bid): Promise<BidContent> {
    return opened(await this.keys.dataKey(em, bid.tenderId), bid);
  }

  /** All the buyer may know before closing: how many bids there are. */
  async count(tenderId: string): Promise<BidCount> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM bids WHERE tender_id = $1 AND status = 'submitted'`, [tenderId]);
    return { tenderId, bids: n };
  }

  /** The supplier's own receipt. */
  async receipt(tenderId: string, supplierId: string): Promise<BidReceipt> {
    const bid = await this.db.manager.findOneBy(Bid, { tenderId, supplierOrganizationId: supplierId });
    if (!bid) throw new DomainError('not_found', 'bid_not_found', 'Your organization has no bid on this tender');
    return receiptOf(bid, await this.db.manager.findOneByOrFail(Tender, { id: tenderId }));
  }

  /** The organization's bids, newest first, with the outcome per lot once decided. */
  async mine(supplierId: string): Promise<MyBidView[]> {
    const bids = await this.db.manager.find(Bid, { where: { supplierOrganizationId: supplierId }, order: { submittedAt: 'DESC' } });
    if (bids.length === 0) return [];
    const tenders = new Map(
      (await this.db.manager.findBy(Tender, { id: In([...new Set(bids.map((b) => b.tenderId))]) })).map((t) => [t.id, t]),
    );
    const awards: { tender_id: string; lot_id: string; title: string; outcome: string; supplier_organization_id: string | null }[] =
      await this.db.query(
        `SELECT a.tender_id, a.lot_id, l.title, a.outcome, a.supplier_organization_id
           FROM awards a JOIN tender_lots l ON l.id = a.lot_id WHERE a.tender_id = ANY($1::uuid[]) ORDER BY l.position`,
        [[...tenders.keys()]],
      );
    return bids.map((bid) => {
      const tender = tenders.get(bid.tenderId) as Tender;
      return {
        ...receiptOf(bid, tender),
        tenderReference: tender.reference,
        tenderTitle: tender.title,
        tenderStatus: tender.status,
        closingAt: tender.closingAt.toISOString(),
        outcomes: awards
          .filter((a) => a.tender_id === bid.tenderId && bid.lotIds.includes(a.lot_id))
          .map((a) => ({
            lotId: a.lot_id,
            lotTitle: a.title,
            outcome:
              a.outcome === 'void' ? ('void' as const) : a.supplier_organization_id === supplierId ? ('won' as const) : ('lost' as const),
          })),
      };
    });
  }
}
