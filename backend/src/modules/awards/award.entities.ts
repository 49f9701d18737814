import type { ContractRatingInput, ContractState, NationalIndustryStatus } from '@eslabon/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from '../accounts/entities/organization.entity';
import { Bid } from '../bids/bid.entities';
import { Tender, TenderLot } from '../tenders/tender.entities';

/** The decision on one lot: awarded to a bid, or void (desierto) with its reason. */
@Entity({ name: 'awards' })
export class Award {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  tenderId!: string;

  @ManyToOne(() => Tender, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tender_id' })
  tender?: Tender;

  /** One decision per lot. */
  @Index({ unique: true })
  @Column({ type: 'uuid' })
  lotId!: string;

  @ManyToOne(() => TenderLot, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lot_id' })
  lot?: TenderLot;

  @Column({ type: 'text' })
  outcome!: 'awarded' | 'void';

  @Column({ type: 'uuid', nullable: true })
  bidId!: string | null;

  @ManyToOne(() => Bid, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'bid_id' })
  bid?: Bid;

  @Column({ type: 'uuid', nullable: true })
  supplierOrganizationId!: string | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supplier_organization_id' })
  supplier?: Organization;

  @Column({ type: 'numeric', precision: 20, scale: 0, nullable: true })
  valueCop!: string | null;

  @Column({ type: 'text', nullable: true })
  nationalIndustry!: NationalIndustryStatus | null;

  /** The winner's size class when awarded, kept as it was: reports must not change when a profile does. */
  @Column({ type: 'text', nullable: true })
  sizeClass!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'uuid' })
  decidedBy!: string;

  @Column({ type: 'timestamptz' })
  decidedAt!: Date;
}

/** The contract signed for an awarded lot, and how it ended. */
@Entity({ name: 'contracts' })
export class Contract {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'uuid' })
  awardId!: string;

  @ManyToOne(() => Award, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'award_id' })
  award?: Award;

  @Index()
  @Column({ type: 'uuid' })
  buyerOrganizationId!: string;

  @Index()
  @Column({ type: 'uuid' })
  supplierOrganizationId!: string;

  @Column({ type: 'numeric', precision: 20, scale: 0 })
  valueCop!: string;

  @Column({ type: 'date' })
  startDate!: string;

  @Column({ type: 'date' })
  endDate!: string;

  @Column({ type: 'integer' })
  nationalComponentPercent!: number;

  @Column({ type: 'text', default: 'active' })
  status!: ContractState;

  @Column({ type: 'jsonb', nullable: true })
  rating!: ContractRatingInput | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  terminationReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
