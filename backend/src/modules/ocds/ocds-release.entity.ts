import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One published OCDS release: written once when its event happens, never changed (OCDS: releases are immutable). */
@Entity({ name: 'ocds_releases' })
@Index('ix_ocds_releases_ocid_seq', ['ocid', 'seq'])
export class OcdsRelease {
  /** Publication order; the cursor of `links.next`. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq!: string;

  @Index({ unique: true })
  @Column({ type: 'text' })
  releaseId!: string;

  @Column({ type: 'text' })
  ocid!: string;

  @Index()
  @Column({ type: 'uuid' })
  tenderId!: string;

  @Index()
  @Column({ type: 'timestamptz' })
  date!: Date;

  @Column({ type: 'jsonb' })
  release!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  publishedAt!: Date;
}
