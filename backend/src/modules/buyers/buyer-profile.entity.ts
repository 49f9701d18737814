import type { BuyerEntityKind, ContractingRegime, ProductiveBet } from '@eslabon/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Organization } from '../accounts/entities/organization.entity';

/** A state entity's or state company's procurement profile. */
@Entity({ name: 'buyer_profiles' })
export class BuyerProfile {
  @PrimaryColumn({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'text' })
  entityKind!: BuyerEntityKind;

  @Column({ type: 'text' })
  regime!: ContractingRegime;

  @Column({ type: 'text', nullable: true })
  regimeReference!: string | null;

  @Column({ type: 'text' })
  nit!: string;

  @Column({ type: 'text' })
  checkDigit!: string;

  @Column({ type: 'text' })
  municipality!: string;

  @Column({ type: 'text' })
  departmentCode!: string;

  @Column({ type: 'integer' })
  annualBudgetSmmlv!: number;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  productiveBets!: ProductiveBet[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
