import type { BidEnvelope } from '@eslabon/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from '../accounts/entities/organization.entity';
import { Tender } from '../tenders/tender.entities';

/**
 * A tender's data key, wrapped by the master key (BID_MASTER_KEY or a KMS). Kept apart from the bids:
 * the table holds only what the master key can open.
 */
@Entity({ name: 'tender_bid_keys' })
export class TenderBidKey {
  @PrimaryColumn({ type: 'uuid' })
  tenderId!: string;

  @ManyToOne(() => Tender, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tender_id' })
  tender?: Tender;

  @Column({ type: 'text' })
  keyId!: string;

  @Column({ type: 'bytea' })
  iv!: Buffer;

  @Column({ type: 'bytea' })
  tag!: Buffer;

  @Column({ type: 'bytea' })
  wrappedKey!: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

export interface BidderRecord {
  sizeClass: 'micro' | 'pequena' | 'mediana' | 'grande' | null;
  mipyme: boolean;
  womenLed: boolean;
}

/** One supplier's offer on one tender; its content sealed with the tender's data key until closing. */
@Entity({ name: 'bids' })
@Index('uq_bids_tender_supplier', ['tenderId', 'supplierOrganizationId'], { unique: true })
export class Bid {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenderId!: string;

  @ManyToOne(() => Tender, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tender_id' })
  tender?: Tender;

  @Column({ type: 'uuid' })
  supplierOrganizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supplier_organization_id' })
  supplier?: Organization;

  @Column({ type: 'text' })
  status!: 'submitted' | 'withdrawn';

  /** The version of the tender's terms the bid answered (an adenda may ask for a reconfirmation). */
  @Column({ type: 'integer', default: 1 })
  termsVersion!: number;

  /** 1 at the first submission, one more with each change before closing. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'bytea' })
  iv!: Buffer;

  @Column({ type: 'bytea' })
  tag!: Buffer;

  @Column({ type: 'bytea' })
  sealedContent!: Buffer;

  /**
   * SHA-256 of the canonical JSON of the content, as the receipt states it. The content carries a
   * random nonce: without it, trying every price against the digest would reveal the sealed one.
   */
  @Column({ type: 'text' })
  digest!: string;

  @Column({ type: 'text' })
  nonce!: string;

  /**
   * What the registry said of the bidder when it submitted (size, mipyme, women-led): the bonuses and
   * tie-break factors rest on this, so a profile edited after seeing the opened prices changes nothing.
   */
  @Column({ type: 'jsonb' })
  bidderFacts!: BidderRecord;

  /** Which lots it offers on: not secret (the acta de cierre names them), and needed to count. */
  @Column({ type: 'uuid', array: true })
  lotIds!: string[];

  /** The client's key for this submission: a retried request returns the same receipt. */
  @Column({ type: 'text' })
  idempotencyKey!: string;

  @Column({ type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ type: 'uuid' })
  submittedBy!: string;
}

/**
 * A file for a bid's envelope, stored in object storage sealed with the tender's data key (its name
 * only inside the bid's sealed content). Bidders upload before closing; only the committee reads after.
 */
@Entity({ name: 'bid_documents' })
@Index('ix_bid_documents_tender_supplier', ['tenderId', 'supplierOrganizationId'])
export class BidDocument {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  tenderId!: string;

  @ManyToOne(() => Tender, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tender_id' })
  tender?: Tender;

  @Column({ type: 'uuid' })
  supplierOrganizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supplier_organization_id' })
  supplier?: Organization;

  @Column({ type: 'text' })
  envelope!: BidEnvelope;

  @Column({ type: 'text' })
  storageKey!: string;

  @Column({ type: 'text' })
  contentType!: string;

  @Column({ type: 'integer' })
  sizeBytes!: number;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ type: 'uuid' })
  uploadedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  uploadedAt!: Date;
}
