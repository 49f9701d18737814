import type { RuleParameter } from '@eslabon/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One version of a rule parameter (RULES.md: figures marked "confirm" are data, not code). Rows are
 * never changed: a correction is a new version, so a classification that points at a row can always
 * be reproduced.
 */
@Entity({ name: 'rule_parameter_versions' })
@Index(['parameter', 'period'])
export class RuleParameterVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  parameter!: RuleParameter;

  /** A year (2026), a biennium (2025-2026) or `all`, by parameter. */
  @Column({ type: 'text' })
  period!: string;

  @Column({ type: 'jsonb' })
  value!: unknown;

  @Column({ type: 'date' })
  validFrom!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;
}
