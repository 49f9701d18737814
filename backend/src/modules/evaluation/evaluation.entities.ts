import type { EvaluationReport as ReportContent, HabilitanteState, VerifiedClaims } from '@eslabon/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from '../accounts/entities/organization.entity';
import { User } from '../accounts/entities/user.entity';
import { Bid } from '../bids/bid.entities';
import { Tender } from '../tenders/tender.entities';

/** A buyer user assigned to evaluate a tender: only they open its bids after closing. */
@Entity({ name: 'tender_committee_members' })
export class TenderCommitteeMember {
  @PrimaryColumn({ type: 'uuid' })
  tenderId!: string;

  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => Tender, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tender_id' })
  tender?: Tender;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  assignedAt!: Date;
}

/** The committee's record of one bid: habilitante check, its own scores, the claims as verified. */
@Entity({ name: 'bid_reviews' })
export class BidReview {
  @PrimaryColumn({ type: 'uuid' })
  bidId!: string;

  @ManyToOne(() => Bid, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bid_id' })
  bid?: Bid;

  @Column({ type: 'text' })
  habilitante!: HabilitanteState;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** Hundredths of a point per lot id, then per criteria part key. */
  @Column({ type: 'jsonb' })
  scoresHundredths!: Record<string, Record<string, number>>;

  @Column({ type: 'jsonb' })
  verified!: VerifiedClaims;

  @Column({ type: 'uuid' })
  reviewedBy!: string;

  @Column({ type: 'timestamptz' })
  reviewedAt!: Date;
}

/** A published evaluation report; never updated, a correction is a new version. */
@Entity({ name: 'evaluation_reports' })
export class EvaluationReportRecord {
  @PrimaryColumn({ type: 'uuid' })
  tenderId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @ManyToOne(() => Tender, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tender_id' })
  tender?: Tender;

  @Column({ type: 'text' })
  seed!: string;

  @Column({ type: 'date' })
  commentUntil!: string;

  /** The report as published (rankings, tie-break trails, rule used), without its observations. */
  @Column({ type: 'jsonb' })
  content!: Omit<ReportContent, 'observations'>;

  @Column({ type: 'uuid' })
  publishedBy!: string;

  @Column({ type: 'timestamptz' })
  publishedAt!: Date;
}

/** A bidder's observation on the evaluation report, and the committee's answer. */
@Entity({ name: 'evaluation_observations' })
@Index('ix_evaluation_observations_tender', ['tenderId', 'createdAt'])
export class EvaluationObservation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenderId!: string;

  @ManyToOne(() => Tender, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tender_id' })
  tender?: Tender;

  @Column({ type: 'integer' })
  reportVersion!: number;

  @Column({ type: 'uuid' })
  supplierOrganizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supplier_organization_id' })
  supplier?: Organization;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  @Column({ type: 'uuid', nullable: true })
  answeredBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;
}
