import type { MatchReason } from '@eslabon/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organization } from '../accounts/entities/organization.entity';
import { Tender } from '../tenders/tender.entities';

/** A supplier that can serve at least one lot of a tender, with why: one row per supplier, all lots together. */
@Entity({ name: 'tender_matches' })
export class TenderMatch {
  @PrimaryColumn({ type: 'uuid' })
  tenderId!: string;

  @ManyToOne(() => Tender, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tender_id' })
  tender?: Tender;

  @Index()
  @PrimaryColumn({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  /** The version of the terms the match was computed on. */
  @Column({ type: 'integer' })
  version!: number;

  /** 0–100; see matchScore in @eslabon/domain. */
  @Column({ type: 'integer' })
  score!: number;

  @Column({ type: 'jsonb' })
  reasons!: MatchReason[];

  @Column({ type: 'uuid', array: true })
  lotIds!: string[];

  @Column({ type: 'timestamptz' })
  matchedAt!: Date;
}
