import type { ProductiveBet, TenderModality } from '@eslabon/contracts';
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

/** A line of a buyer's Plan Anual de Adquisiciones (Decreto 1082 de 2015 art. 2.2.1.1.1.4.1). */
@Entity({ name: 'procurement_plan_lines' })
@Index('ix_procurement_plan_lines_buyer_year', ['buyerOrganizationId', 'year'])
export class PlanLine {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  buyerOrganizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'buyer_organization_id' })
  buyer?: Organization;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text', array: true })
  unspscClasses!: string[];

  @Column({ type: 'numeric', precision: 20, scale: 0 })
  estimatedValueCop!: string;

  @Column({ type: 'integer' })
  expectedMonth!: number;

  @Column({ type: 'text' })
  modality!: TenderModality;

  @Column({ type: 'text', nullable: true })
  productiveBet!: ProductiveBet | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** A supplier's mark of interest in a plan line: the demand signal the buyer sees. */
@Entity({ name: 'procurement_plan_interests' })
export class PlanLineInterest {
  @PrimaryColumn({ type: 'uuid' })
  planLineId!: string;

  @PrimaryColumn({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => PlanLine, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_line_id' })
  planLine?: PlanLine;

  @CreateDateColumn({ type: 'timestamptz' })
  markedAt!: Date;
}
