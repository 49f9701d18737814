import type {
  CoverageScope,
  DocumentType,
  PersonType,
  SupplierType,
  TieBreakFacts,
  VerificationStatus,
  WomenLedInput,
} from '@eslabon/contracts';
import type { Sector, SizeClass } from '@eslabon/domain';
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
import { RuleParameterVersion } from '../rule-parameters/rule-parameter-version.entity';

/**
 * A supplier organization's registry profile. Identity and legal-standing columns stay null until
 * their wizard step is saved; declared facts count as declared until a platform admin verifies them.
 */
@Entity({ name: 'supplier_profiles' })
// The reports' supplier funnel counts registrations by size, domicile and date from this index alone.
@Index('ix_supplier_profiles_report', ['sizeClass', 'domicileDepartment', 'createdAt'])
// Expression and partial indexes of the directory, made by migration 1764500000000 (TypeORM cannot declare them).
@Index('ix_supplier_profiles_directory_order', { synchronize: false })
@Index('ix_supplier_profiles_directory_department', { synchronize: false })
@Index('ix_supplier_profiles_search_trgm', { synchronize: false })
export class SupplierProfile {
  @PrimaryColumn({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'text', nullable: true })
  personType!: PersonType | null;

  @Column({ type: 'text', nullable: true })
  legalName!: string | null;

  @Column({ type: 'text', nullable: true })
  tradeName!: string | null;

  /** Digits only; unique among registered suppliers. */
  @Index({ unique: true })
  @Column({ type: 'text', nullable: true })
  nit!: string | null;

  @Column({ type: 'text', nullable: true })
  checkDigit!: string | null;

  @Column({ type: 'text', nullable: true })
  legalRepresentative!: string | null;

  @Column({ type: 'text', nullable: true })
  contactEmail!: string | null;

  @Column({ type: 'text', nullable: true })
  contactPhone!: string | null;

  @Index()
  @Column({ type: 'text', nullable: true })
  domicileMunicipality!: string | null;

  /** Derived from the municipality on save, so the directory's department filter has an index. */
  @Index()
  @Column({ type: 'text', nullable: true })
  domicileDepartment!: string | null;

  @Column({ type: 'text', default: 'national' })
  coverageScope!: CoverageScope;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  coverageCodes!: string[];

  @Index()
  @Column({ type: 'text', nullable: true })
  supplierType!: SupplierType | null;

  @Column({ type: 'text', nullable: true })
  sector!: Sector | null;

  /** Whole COP; numeric so no float ever touches it. */
  @Column({ type: 'numeric', precision: 20, scale: 0, nullable: true })
  incomeCop!: string | null;

  @Column({ type: 'integer', nullable: true })
  incomeYear!: number | null;

  @Column({ type: 'date', nullable: true })
  constitutedOn!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  womenLed!: WomenLedInput;

  /** Criteria met on the day the evidence was saved (Decreto 1082 art. 2.2.1.2.4.2.14). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  womenLedCriteria!: string[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  tieBreak!: TieBreakFacts;

  /** Declares itself a small producer of the agricultura campesina, familiar y comunitaria (Ley 2046 de 2020). */
  @Column({ type: 'boolean', default: false })
  acfc!: boolean;

  @Column({ type: 'text', nullable: true })
  rupNumber!: string | null;

  @Column({ type: 'date', nullable: true })
  rupExpiresOn!: string | null;

  @Index()
  @Column({ type: 'text', nullable: true })
  sizeClass!: SizeClass | null;

  /** The classification in force; earlier ones stay in supplier_size_classifications. */
  @Column({ type: 'uuid', nullable: true })
  sizeClassificationId!: string | null;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'text', default: '' })
  certifications!: string;

  @Column({ type: 'text', default: '' })
  productionCapacity!: string;

  @Column({ type: 'text', default: 'unverified' })
  verificationStatus!: VerificationStatus;

  @Column({ type: 'text', nullable: true })
  verificationReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  verificationDecidedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  verificationDecidedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** Rows that belong to one supplier organization and go with it. */
abstract class OwnedBySupplier {
  @Index()
  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;
}

/**
 * Every size classification ever made, with its inputs and the rule versions it used (Decreto 957 de
 * 2019, RULES.md §1), so it can be reproduced after the UVT or the thresholds change.
 */
@Entity({ name: 'supplier_size_classifications' })
export class SupplierSizeClassification extends OwnedBySupplier {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  sizeClass!: SizeClass;

  @Column({ type: 'text' })
  sector!: Sector;

  @Column({ type: 'numeric', precision: 20, scale: 0 })
  incomeCop!: string;

  @Column({ type: 'integer' })
  incomeYear!: number;

  @Column({ type: 'integer' })
  uvtCop!: number;

  @Column({ type: 'uuid' })
  uvtVersionId!: string;

  @ManyToOne(() => RuleParameterVersion)
  @JoinColumn({ name: 'uvt_version_id' })
  uvtVersion?: RuleParameterVersion;

  @Column({ type: 'uuid' })
  thresholdsVersionId!: string;

  @ManyToOne(() => RuleParameterVersion)
  @JoinColumn({ name: 'thresholds_version_id' })
  thresholdsVersion?: RuleParameterVersion;

  @Column({ type: 'integer', nullable: true })
  boundFromUvt!: number | null;

  @Column({ type: 'integer', nullable: true })
  boundToUvt!: number | null;

  @Column({ type: 'boolean' })
  mipyme!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  classifiedAt!: Date;
}

/** UNSPSC classes a supplier can supply (Colombian practice registers capabilities at class level). */
@Entity({ name: 'supplier_unspsc_classes' })
// class_code text_pattern_ops, so `LIKE '4321%'` (a family) uses it whatever the database collation.
@Index('ix_supplier_unspsc_classes_class_code_pattern', { synchronize: false })
export class SupplierUnspscClass {
  @PrimaryColumn({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @PrimaryColumn({ type: 'text' })
  classCode!: string;
}

/** A product the supplier makes in Colombia, with its RPBN registration (Decreto 2680 de 2009). */
@Entity({ name: 'supplier_national_products' })
export class SupplierNationalProduct extends OwnedBySupplier {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  unspscClass!: string;

  @Column({ type: 'text' })
  rpbnNumber!: string;

  @Column({ type: 'date' })
  rpbnExpiresOn!: string;
}

/** An uploaded supporting document; the bytes live in object storage under `storageKey`. */
@Entity({ name: 'supplier_documents' })
export class SupplierDocument extends OwnedBySupplier {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  type!: DocumentType;

  @Column({ type: 'text' })
  fileName!: string;

  /** As sniffed from the content, never as claimed by the uploader. */
  @Column({ type: 'text' })
  contentType!: string;

  @Column({ type: 'integer' })
  sizeBytes!: number;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ type: 'text' })
  storageKey!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  uploadedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  uploadedBy!: string | null;
}
