import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BidCount, BidInput, BidReceipt, FieldError } from '@eslabon/contracts';
import { BidderFacts, acceptsBids, callRefusals, canonicalJson, lotRefusals } from '@eslabon/domain';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../core/audit/actor';
import { AuditService } from '../../core/audit/audit.service';
import { KEY_WRAPPER, KeyWrapper, seal } from '../../core/crypto/envelope';
import { isUniqueViolation } from '../../core/database/unique-violation';
import { DomainError, fieldError } from '../../core/http/domain-error';
import { OutboxService } from '../../core/outbox/outbox.service';
import { Tender } from '../tenders/tender.entities';
import { SUPPLIER_MIPYME_SQL } from '../suppliers/supplier-facts';
import { lotsOf } from '../tenders/tender-views';
import { tenderNotFound } from '../tenders/tenders.service';
import { Bid, TenderBidKey } from './bid.entities';

const REFUSAL_MESSAGES: Record<string, string> = {
  call_limited_to_mipymes: 'This call is limited to mipymes (Decreto 1860 de 2021)',
  call_limited_territory: 'This call is limited to mipymes domiciled where the work is done',
  lot_reserved_mipymes: 'This lot is reserved for mipymes',
  lot_reserved_economia_popular: 'This lot is reserved for the economía popular',
  lot_territory: 'This lot is limited to suppliers domiciled in its places',
};

function receiptOf(bid: Bid): BidReceipt {
  return {
    bidId: bid.id,
    tenderId: bid.tenderId,
    version: bid.version,
    status: bid.status,
    submittedAt: bid.submittedAt.toISOString(),
    digest: bid.digest,
    nonce: bid.nonce,
    lotIds: bid.lotIds,
  };
}

/**
 * Receives sealed bids. The deadline is checked with the server clock inside the transaction that
 * stores the bid, under a share lock on the tender that the closing's update lock waits for, so a bid
 * lands entirely before closing or not at all — however late the closing job runs.
 */
@Injectable()
export class BidsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    @Inject(KEY_WRAPPER) private readonly keys: KeyWrapper,
  ) {}

  async submit(tenderId: string, input: BidInput, idempotencyKey: string, actor: Actor): Promise<BidReceipt> {
    const supplierId = actor.organizationId as string;
    try {
      return await this.db.transaction(async (em) => {
        const tender = await em.findOne(Tender, { where: { id: tenderId }, lock: { mode: 'pessimistic_read' } });
        if (!tender || tender.status === 'draft') throw tenderNotFound();
        const existing = await em.findOne(Bid, {
          where: { tenderId, supplierOrganizationId: supplierId },
          lock: { mode: 'pessimistic_write' },
        });
        // A retried request (same key) gets the receipt it already earned, not a new version — even just after closing.
        if (existing?.idempotencyKey === idempotencyKey) return receiptOf(existing);
        const now = new Date();
        if (!acceptsBids(tender.status, tender.closingAt, now))
          throw new DomainError('conflict', 'bidding_closed', `Bids are received until ${tender.closingAt.toISOString()}`);
        await this.check(em, tender, input, supplierId);

        const version = (existing?.version ?? 0) + 1;
        const lots = [...input.lots].sort((a, b) => a.lotId.localeCompare(b.lotId));
        const nonce = randomBytes(16).toString('hex');
        const content = canonicalJson({ tenderId, supplierOrganizationId: supplierId, version, nonce, lots });
        const digest = createHash('sha256').update(content).digest('hex');
        const sealed = seal(await this.dataKey(em, tenderId), Buffer.from(content), `bid:${tenderId}:${supplierId}`);
        const row = await em.getRepository(Bid).save({
          ...(existing ? { id: existing.id } : {}),
          tenderId,
          supplierOrganizationId: supplierId,
          status: 'submitted' as const,
          version,
          iv: sealed.iv,
          tag: sealed.tag,
          sealedContent: sealed.ciphertext,
          digest,
          nonce,
          lotIds: lots.map((l) => l.lotId),
          idempotencyKey,
          submittedAt: now,
          submittedBy: actor.userId as string,
        });
        // The audit names the bid and its digest, never its prices.
        await this.audit.record(em, actor, {
          action: 'bid.submitted',
          entityType: 'bid',
          entityId: row.id,
          summary: {
            before: existing ? { version: existing.version, digest: existing.digest } : undefined,
            after: { tenderId, version, digest },
          },
        });
        await this.outbox.publish(em, 'bid.submitted', { bidId: row.id, tenderId, version });
        return receiptOf(row);
      });
    } catch (e) {
      // Two first submissions of one supplier racing: the unique index keeps one, the other is told to retry.
      if (isUniqueViolation(e, 'uq_bids_tender_supplier'))
        throw new DomainError('conflict', 'bid_in_progress', 'Another submission of your organization is being saved; try again');
      throw e;
    }
  }

  /** Lots of this tender, each once, priced within its estimate, and open to this supplier. */
  private async check(em: EntityManager, tender: Tender, input: BidInput, supplierId: string): Promise<void> {
    const lots = new Map((await lotsOf(em, [tender.id])).map((l) => [l.id, l]));
    const [profile] = await em.query(
      `SELECT p.domicile_municipality, p.supplier_type, ${SUPPLIER_MIPYME_SQL} AS mipyme
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
      if (BigInt(offer.priceCop) > BigInt(lot.estimatedValueCop))
        problems.push(fieldError(`lots.${i}.priceCop`, 'above_estimate', `The lot's estimated value is COP ${lot.estimatedValueCop}`));
      if (offer.nationalIndustry === 'foreign_with_component' && offer.nationalComponentPercent === null)
        problems.push(fieldError(`lots.${i}.nationalComponentPercent`, 'required', 'Say the Colombian component, in percent'));
    });
    if (problems.length) throw DomainError.fields(problems);
  }

  /** The tender's data key, made (and wrapped by the master key) with its first bid. */
  private async dataKey(em: EntityManager, tenderId: string): Promise<Buffer> {
    const repo = em.getRepository(TenderBidKey);
    const stored = await repo.findOneBy({ tenderId });
    if (stored) return this.keys.unwrap({ iv: stored.iv, tag: stored.tag, ciphertext: stored.wrappedKey });
    const key = randomBytes(32);
    const wrapped = await this.keys.wrap(key);
    await em.query(
      `INSERT INTO tender_bid_keys (tender_id, key_id, iv, tag, wrapped_key) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tender_id) DO NOTHING`,
      [tenderId, this.keys.keyId, wrapped.iv, wrapped.tag, wrapped.ciphertext],
    );
    // Another first bid may have made the key a moment before: use the one that was stored.
    const kept = await repo.findOneByOrFail({ tenderId });
    return kept.wrappedKey.equals(wrapped.ciphertext) ? key : this.keys.unwrap({ iv: kept.iv, tag: kept.tag, ciphertext: kept.wrappedKey });
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
    return receiptOf(bid);
  }
}
