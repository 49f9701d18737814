import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Which version of each shipped or uploaded dataset is loaded, and where it came from. */
@Entity({ name: 'reference_datasets' })
export class ReferenceDataset {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  /** Content hash of the loaded file. */
  @Column({ type: 'text' })
  version!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'integer' })
  rowCount!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  loadedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  loadedBy!: string | null;
}

@Entity({ name: 'unspsc_codes' })
export class UnspscCode {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  level!: 'segment' | 'family' | 'class';

  @Column({ type: 'text' })
  name!: string;

  @Index()
  @Column({ type: 'text', nullable: true })
  parentCode!: string | null;

  /**
   * For classes: the words of the class name (weight A), its family's (B) and segment's (C), stemmed
   * and unaccented. Filled when the dataset is loaded, since it spans three rows; read by suggest().
   */
  @Index({ type: 'gin' })
  @Column({ type: 'tsvector', nullable: true, select: false })
  searchDocument!: string | null;
}

/**
 * Everyday words for what official UNSPSC names say differently ("tapabocas" → "protección respiración").
 * Matched against a supplier's description by stem; the expansion replaces the term's words.
 */
@Entity({ name: 'unspsc_synonyms' })
export class UnspscSynonym {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Lower case, without accents, single spaces. */
  @Column({ type: 'text', unique: true })
  term!: string;

  /** Words of the official names the term stands for, and/or 6-digit class codes. */
  @Column({ type: 'text' })
  expansion!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;
}

/** DIVIPOLA codes are strings with leading zeros (05001 Medellín), never numbers. */
@Entity({ name: 'divipola_municipalities' })
export class DivipolaMunicipality {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Index()
  @Column({ type: 'text' })
  departmentCode!: string;

  @Column({ type: 'text' })
  departmentName!: string;

  @Column({ type: 'numeric', precision: 12, scale: 8, nullable: true })
  longitude!: string | null;

  @Column({ type: 'numeric', precision: 12, scale: 8, nullable: true })
  latitude!: string | null;
}
