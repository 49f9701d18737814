import type {
  FieldChange,
  ProductiveBet,
  TenderCriteriaInput,
  TenderInput,
  TenderModality,
  TenderSchedule,
  TenderStatus,
  TerritorialScope,
} from '@eslabon/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Organization } from '../accounts/entities/organization.entity';

/** The outcome of the Decreto 1860 rule once the request deadline has passed. */
export interface LimitationDecision {
  limited: boolean;
  decidedAt: string;
  ruleVersionId: string;
  thresholdCop: string;
  validRequestIds: string[];
}

/** A procurement process of a buyer; its terms are versioned in tender_versions once published. */
@Entity({ name: 'tenders' })
@Index('ix_tenders_status_closing_at', ['status', 'closingAt'])
export class Tender {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Human reference shown on every page and document, e.g. ESL-2026-000042. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  reference!: string;

  @Index()
  @Column({ type: 'uuid' })
  buyerOrganizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'buyer_organization_id' })
  buyer?: Organization;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text' })
  modality!: TenderModality;

  @Column({ type: 'text', nullable: true })
  productiveBet!: ProductiveBet | null;

  @Column({ type: 'text' })
  executionDepartment!: string;

  @Column({ type: 'text', nullable: true })
  executionMunicipality!: string | null;

  @Column({ type: 'numeric', precision: 20, scale: 0 })
  estimatedValueCop!: string;

  @Column({ type: 'text', default: 'draft' })
  status!: TenderStatus;

  @Column({ type: 'jsonb' })
  schedule!: TenderSchedule;

  @Column({ type: 'text' })
  closingTime!: string;

  /** The bid deadline as an instant: the schedule's closing date at closingTime in Bogotá. */
  @Column({ type: 'timestamptz' })
  closingAt!: Date;

  @Column({ type: 'jsonb' })
  criteria!: TenderCriteriaInput;

  /** Current version of the published terms (0 while a draft). */
  @Column({ type: 'integer', default: 0 })
  version!: number;

  /** Bids answering an earlier version than this must be resubmitted to be evaluated (an adenda changed lots or requirements). */
  @Column({ type: 'integer', default: 0 })
  reconfirmFromVersion!: number;

  @Column({ type: 'jsonb', nullable: true })
  limitation!: LimitationDecision | null;

  @Column({ type: 'jsonb', nullable: true })
  territorialLimitation!: { scope: TerritorialScope; codes: string[]; justification: string } | null;

  @Column({ type: 'text', nullable: true })
  statusReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** Fixed at closing and revealed in the evaluation report; the acta de cierre shows its SHA-256 beforehand. */
  @Column({ type: 'text', nullable: true })
  drawSeed!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'tender_lots' })
@Index('uq_tender_lots_position', ['tenderId', 'position'], { unique: true })
export class TenderLot {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenderId!: string;

  @ManyToOne(() => Tender, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tender_id' })
  tender?: Tender;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text', array: true })
  unspscClasses!: string[];

  @Column({ type: 'numeric', precision: 20, scale: 0 })
  quantity!: string;

  @Column({ type: 'text' })
  unit!: string;

  @Column({ type: 'numeric', precision: 20, scale: 0 })
  estimatedValueCop!: string;

  @Column({ type: 'boolean', default: false })
  reservedForMipymes!: boolean;

  @Column({ type: 'boolean', default: false })
  reservedForEconomiaPopular!: boolean;

  @Column({ type: 'jsonb', nullable: true })
  territorialLimitation!: { scope: TerritorialScope; codes: string[] } | null;

  @Column({ type: 'integer', nullable: true })
  nationalComponentMinPercent!: number | null;
}

/** One published version of the terms, with what changed from the one before. Never updated. */
@Entity({ name: 'tender_versions' })
export class TenderVersion {
  @PrimaryColumn({ type: 'uuid' })
  tenderId!: string;

  @PrimaryColumn({ type: 'integer' })
  number!: number;

  @ManyToOne(() => Tender, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tender_id' })
  tender?: Tender;

  @Column({ type: 'text' })
  kind!: 'publication' | 'draft_change' | 'adenda';

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'jsonb' })
  changes!: FieldChange[];

  @Column({ type: 'boolean', default: false })
  closingExtended!: boolean;

  @Column({ type: 'jsonb' })
  snapshot!: TenderInput;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'tender_documents' })
export class TenderDocument {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  tenderId!: string;

  @ManyToOne(() => Tender, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tender_id' })
  tender?: Tender;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  fileName!: string;

  @Column({ type: 'text' })
  contentType!: string;

  @Column({ type: 'integer' })
  sizeBytes!: number;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ type: 'text' })
  storageKey!: string;

  @Column({ type: 'uuid', nullable: true })
  uploadedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  uploadedAt!: Date;
}

/** A supplier's question; who asked is kept for the record and never shown to anyone else. */
@Entity({ name: 'tender_questions' })
@Index('ix_tender_questions_tender_asked_at', ['tenderId', 'askedAt'])
export class TenderQuestion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenderId!: string;

  @ManyToOne(() => Tender, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tender_id' })
  tender?: Tender;

  @Column({ type: 'uuid', nullable: true })
  lotId!: string | null;

  @ManyToOne(() => TenderLot, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'lot_id' })
  lot?: TenderLot;

  @Column({ type: 'uuid' })
  askerOrganizationId!: string;

  @Column({ type: 'uuid' })
  askerUserId!: string;

  @Column({ type: 'text' })
  text!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  askedAt!: Date;

  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  answeredBy!: string | null;
}

/** A supplier's request to limit the call to mipymes, with the facts of its profile at that moment. */
@Entity({ name: 'tender_mipyme_requests' })
@Index('uq_tender_mipyme_requests_supplier', ['tenderId', 'supplierOrganizationId'], { unique: true })
export class TenderMipymeRequest {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenderId!: string;

  @ManyToOne(() => Tender, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tender_id' })
  tender?: Tender;

  @Column({ type: 'uuid' })
  supplierOrganizationId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  requestedAt!: Date;

  /** Colombian calendar day the request was received. */
  @Column({ type: 'date' })
  receivedOn!: string;

  @Column({ type: 'boolean' })
  colombian!: boolean;

  @Column({ type: 'boolean' })
  mipyme!: boolean;

  @Column({ type: 'text', nullable: true })
  sizeClass!: string | null;

  @Column({ type: 'uuid', nullable: true })
  sizeClassificationId!: string | null;

  @Column({ type: 'date', nullable: true })
  constitutedOn!: string | null;

  @Column({ type: 'uuid', array: true })
  documentIds!: string[];

  @Column({ type: 'boolean' })
  documentsComplete!: boolean;

  @Column({ type: 'uuid' })
  requestedBy!: string;
}

@Entity({ name: 'tender_followers' })
export class TenderFollower {
  @PrimaryColumn({ type: 'uuid' })
  tenderId!: string;

  @PrimaryColumn({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Tender, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tender_id' })
  tender?: Tender;

  @CreateDateColumn({ type: 'timestamptz' })
  followedAt!: Date;
}
