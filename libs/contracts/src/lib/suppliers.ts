/**
 * The supplier registry's API shapes (issue 4). Money is whole COP carried as a decimal string, so a
 * figure never passes through floating point; dates are ISO `YYYY-MM-DD`.
 */

export const PERSON_TYPES = ['natural', 'legal'] as const;
export type PersonType = (typeof PERSON_TYPES)[number];

/** `cooperative` covers cooperatives and other economía solidaria entities (art. 23 Ley 2069 de 2020). */
export const SUPPLIER_TYPES = ['company', 'cooperative', 'economia_popular', 'natural_person'] as const;
export type SupplierType = (typeof SUPPLIER_TYPES)[number];

export const COVERAGE_SCOPES = ['national', 'departments', 'municipalities'] as const;
export type CoverageScope = (typeof COVERAGE_SCOPES)[number];

export const VERIFICATION_STATUSES = ['unverified', 'verified', 'rejected'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export const DOCUMENT_TYPES = [
  'rut',
  'chamber_certificate',
  'legal_representative_id',
  'size_certificate',
  'rpbn_certificate',
  'women_led_evidence',
  'tie_break_evidence',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The wizard's steps, in order; each is saved on its own. */
export const PROFILE_STEPS = ['identity', 'legal', 'capabilities', 'documents'] as const;
export type ProfileStep = (typeof PROFILE_STEPS)[number];

export interface SupplierIdentity {
  personType: PersonType;
  legalName: string;
  tradeName: string | null;
  /** Digits only, without the check digit. */
  nit: string;
  checkDigit: string;
  legalRepresentative: string;
  contactEmail: string;
  contactPhone: string;
  /** DIVIPOLA municipality code (5 digits). */
  domicileMunicipality: string;
  coverageScope: CoverageScope;
  /** Department (2-digit) or municipality (5-digit) codes, by scope; empty when national. */
  coverageCodes: string[];
}

export interface ShareHeldInput {
  women: number;
  total: number;
  since: string;
}

export interface WomenLedInput {
  ownership?: ShareHeldInput;
  management?: ShareHeldInput;
  soleProprietorSince?: string;
  association?: ShareHeldInput;
}

/** Tie-break facts (Ley 2069 de 2020 art. 35) the supplier declares; evidence is uploaded as documents. */
export interface TieBreakFacts {
  /** Share of payroll who are persons with disabilities, in whole percent. */
  disabilityPayrollPercent?: number;
  /** Sociedad de Beneficio e Interés Colectivo. */
  bic?: boolean;
  /** Share of payroll from ethnic populations (indigenous, Black, Afro-Colombian, raizal, palenquero, Rrom), whole percent. */
  ethnicPayrollPercent?: number;
  /** Woman head of household or victim of domestic violence controls the firm. */
  womanHeadOfHousehold?: boolean;
  /** Persons in reintegration or reincorporation control the firm. */
  reincorporation?: boolean;
}

export interface SupplierLegalStanding {
  supplierType: SupplierType;
  sector: 'manufactura' | 'servicios' | 'comercio';
  /** Ordinary income of `incomeYear`, whole COP as a decimal string. */
  incomeCop: string;
  incomeYear: number;
  constitutedOn: string;
  womenLed: WomenLedInput;
  tieBreak: TieBreakFacts;
  /** A small producer of the agricultura campesina, familiar y comunitaria (Ley 2046 de 2020), self-declared. */
  acfc?: boolean;
  rupNumber: string | null;
  rupExpiresOn: string | null;
}

export interface NationalProductInput {
  name: string;
  unspscClass: string;
  rpbnNumber: string;
  rpbnExpiresOn: string;
}

export interface SupplierCapabilities {
  /** UNSPSC class codes (6 digits or 8 with trailing 00). */
  unspscClasses: string[];
  description: string;
  certifications: string;
  productionCapacity: string;
  nationalProducts: NationalProductInput[];
}

export interface SizeClassificationView {
  sizeClass: 'micro' | 'pequena' | 'mediana' | 'grande';
  sector: 'manufactura' | 'servicios' | 'comercio';
  incomeCop: string;
  incomeYear: number;
  uvtCop: number;
  uvtVersionId: string;
  thresholdsVersionId: string;
  boundsUvt: { from: number | null; to: number | null };
  /** Mipyme for the law: by size, or as a cooperative whatever its size. */
  mipyme: boolean;
  classifiedAt: string;
}

export interface NationalProductView extends NationalProductInput {
  id: string;
  unspscName: string | null;
  /** Expired registrations are shown but never count as national industry. */
  expired: boolean;
}

export interface UnspscClassView {
  code: string;
  name: string;
}

export interface SupplierDocumentView {
  id: string;
  type: DocumentType;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: string;
}

export interface Completeness {
  percent: number;
  /** Steps with every required field filled. */
  completedSteps: ProfileStep[];
  /** Field names still missing, for the indicator's hint. */
  missing: string[];
}

/** What a supplier's own members, platform admins and officers see. */
export interface SupplierProfileView {
  organizationId: string;
  identity: SupplierIdentity | null;
  legal: SupplierLegalStanding | null;
  capabilities: SupplierCapabilities;
  classes: UnspscClassView[];
  nationalProducts: NationalProductView[];
  size: SizeClassificationView | null;
  womenLedCriteria: string[];
  documents: SupplierDocumentView[];
  completeness: Completeness;
  verification: { status: VerificationStatus; reason: string | null; decidedAt: string | null };
  updatedAt: string;
}

/** What other organizations see: no income, no documents, no contact person's details beyond the firm's. */
export interface SupplierPublicView {
  organizationId: string;
  legalName: string;
  tradeName: string | null;
  nit: string;
  checkDigit: string;
  supplierType: SupplierType | null;
  sizeClass: SizeClassificationView['sizeClass'] | null;
  mipyme: boolean;
  womenLed: boolean;
  domicile: { code: string; name: string; departmentCode: string; departmentName: string } | null;
  coverageScope: CoverageScope;
  coverageCodes: string[];
  classes: UnspscClassView[];
  nationalProducts: NationalProductView[];
  description: string;
  certifications: string;
  contactEmail: string;
  contactPhone: string;
  verificationStatus: VerificationStatus;
}

/** Size classes as the directory filters them (Decreto 957 de 2019). */
export const SIZE_CLASS_FILTERS = ['micro', 'pequena', 'mediana', 'grande'] as const;

export interface SupplierDirectoryQuery {
  q?: string;
  /** A class (6 digits) or a family (4 digits). */
  unspsc?: string;
  department?: string;
  size?: SizeClassificationView['sizeClass'];
  supplierType?: SupplierType;
  womenLed?: boolean;
  nationalProducts?: boolean;
  page?: number;
  pageSize?: number;
}

export interface SupplierDirectoryPage {
  items: SupplierPublicView[];
  /** Matches, counted up to a cap; `totalCapped` says there are more than `total`. */
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

export interface VerificationRequest {
  status: Exclude<VerificationStatus, 'unverified'>;
  reason?: string;
}

/** A DIVIPOLA department (2-digit code) and the mean position of its municipal seats (for maps). */
export interface DepartmentView {
  code: string;
  name: string;
  longitude: number | null;
  latitude: number | null;
}

export interface UnspscSuggestion {
  code: string;
  name: string;
  familyName: string;
  segmentName: string;
  score: number;
}
