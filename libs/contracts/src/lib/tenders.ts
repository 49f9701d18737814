/**
 * Procurement needs (issue 5): tenders split into lots, their schedule in Colombian business days,
 * mipyme-limited calls, questions and answers, adendas, and the annual procurement plan. Money is whole
 * COP carried as a decimal string; dates are ISO `YYYY-MM-DD` calendar days in Colombia; instants are
 * ISO timestamps in UTC (shown in America/Bogota).
 */
import { MILESTONES, MODALITIES, TENDER_STATES, type Milestone, type Modality, type Schedule, type TenderState } from '@eslabon/domain';
import type { FieldChange } from '@eslabon/domain';
import type { ProductiveBet } from './buyers';
import type { SizeClassificationView, UnspscClassView } from './suppliers';

/** The domain's lists under the API's names: one source for the modalities, states and milestones. */
export const TENDER_MODALITIES = MODALITIES;
export type TenderModality = Modality;
export const TENDER_STATUSES = TENDER_STATES;
export type TenderStatus = TenderState;
export const TENDER_MILESTONES = MILESTONES;
export type TenderMilestone = Milestone;
export type TenderSchedule = Schedule;

export const TERRITORIAL_SCOPES = ['department', 'municipality'] as const;
export type TerritorialScope = (typeof TERRITORIAL_SCOPES)[number];

export interface LotInput {
  title: string;
  description: string;
  /** UNSPSC class codes (6 digits). */
  unspscClasses: string[];
  /** Whole units, as a decimal string. */
  quantity: string;
  unit: string;
  /** Whole COP as a decimal string. */
  estimatedValueCop: string;
  reservedForMipymes: boolean;
  reservedForEconomiaPopular: boolean;
  /** Only suppliers domiciled in these places may bid on the lot; null when the lot is open to the country. */
  territorialLimitation: { scope: TerritorialScope; codes: string[] } | null;
  /** Minimum national component of the offer, whole percent; null when not required. */
  nationalComponentMinPercent: number | null;
}

export interface CriteriaPartInput {
  /** `price`, `quality`, `experience`, … or a bonus: `mipyme_bonus`, `women_led_bonus`, `disability_bonus`. */
  key: string;
  label: string;
  points: number;
}

/** Evaluation criteria; checked by `criteriaProblems` (Ley 816 de 2003 bands) on both sides. */
export interface TenderCriteriaInput {
  totalPoints: number;
  parts: CriteriaPartInput[];
  nationalIndustryPoints: number;
  foreignComponentPoints: number;
}

export interface TenderInput {
  title: string;
  description: string;
  modality: TenderModality;
  productiveBet: ProductiveBet | null;
  /** DIVIPOLA department of execution (2 digits). */
  executionDepartment: string;
  /** DIVIPOLA municipality of execution (5 digits), when the work is in one place. */
  executionMunicipality: string | null;
  /** Whole COP; the sum of the lots' values. */
  estimatedValueCop: string;
  schedule: TenderSchedule;
  /** Time of day bids close on the closing date, America/Bogota, `HH:MM`. */
  closingTime: string;
  criteria: TenderCriteriaInput;
  lots: LotInput[];
}

export interface LotView extends LotInput {
  id: string;
  position: number;
  classes: UnspscClassView[];
}

export interface TenderDocumentView {
  id: string;
  name: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

/** The Decreto 1860 de 2021 verdict for the call, as far as it is known. */
export interface MipymeLimitationView {
  /** Value below the threshold and a modality that allows a limitation. */
  susceptible: boolean;
  thresholdCop: string | null;
  thresholdPeriod: string | null;
  /** Last day suppliers may request the limitation. */
  requestDeadline: string | null;
  /** Requests may still be made today. */
  requestsOpen: boolean;
  requestCount: number;
  /** Set once the deadline has passed and the rule was applied. */
  decision: {
    limited: boolean;
    decidedAt: string;
    ruleVersionId: string;
    validRequestIds: string[];
  } | null;
  /** The buyer's optional further limitation to mipymes domiciled where the work is done. */
  territorial: { scope: TerritorialScope; codes: string[]; justification: string } | null;
}

export interface TenderSummary {
  id: string;
  reference: string;
  title: string;
  buyer: { organizationId: string; name: string };
  modality: TenderModality;
  status: TenderStatus;
  productiveBet: ProductiveBet | null;
  executionDepartment: string;
  executionDepartmentName: string;
  executionMunicipality: string | null;
  executionMunicipalityName: string | null;
  estimatedValueCop: string;
  /** Bids close at this instant (UTC). */
  closingAt: string;
  lotCount: number;
  reservedForMipymes: boolean;
  reservedForEconomiaPopular: boolean;
  limitedToMipymes: boolean;
  publishedAt: string | null;
}

/** What anyone sees of a published tender. */
export interface TenderView extends TenderSummary {
  description: string;
  schedule: TenderSchedule;
  closingTime: string;
  criteria: TenderCriteriaInput;
  lots: LotView[];
  documents: TenderDocumentView[];
  mipymeLimitation: MipymeLimitationView;
  /** The current version: 1 at first publication, one more with each adenda. */
  version: number;
  openedAt: string | null;
  closedAt: string | null;
  cancelledAt: string | null;
  statusReason: string | null;
  /** Transitions the buyer may make now (empty for everyone else). */
  allowedTransitions: TenderTransition[];
  /** For a signed-in supplier: whether it follows the tender, and whether it asked for the limitation. */
  viewer: { following: boolean; requestedLimitation: boolean } | null;
  updatedAt: string;
}

/** What a buyer may do by hand; closing happens by the clock. */
export const TENDER_TRANSITIONS = ['publish_draft', 'open', 'start_evaluation', 'declare_void', 'cancel'] as const;
export type TenderTransition = (typeof TENDER_TRANSITIONS)[number];

export interface TransitionInput {
  transition: TenderTransition;
  /** Required to cancel or declare void. */
  reason?: string;
}

export type { FieldChange };

export interface AmendmentInput {
  tender: TenderInput;
  reason: string;
}

/** One published version of the terms: 1 at publication, then one per adenda (or draft change). */
export interface TenderVersionView {
  number: number;
  /** `publication` (first), `draft_change` (proyecto de pliego revised) or `adenda` (after opening). */
  kind: 'publication' | 'draft_change' | 'adenda';
  reason: string | null;
  changes: FieldChange[];
  /** Closing moved later because of the configured minimum after an adenda. */
  closingExtended: boolean;
  createdAt: string;
  snapshot: TenderInput;
}

export interface QuestionInput {
  text: string;
  /** The lot asked about, or null for the whole tender. */
  lotId: string | null;
}

/** Questions are public with their answers, never with who asked. */
export interface QuestionView {
  id: string;
  lotId: string | null;
  text: string;
  askedAt: string;
  answer: string | null;
  answeredAt: string | null;
  /** True only for the asking organization's own members. */
  mine: boolean;
}

export interface AnswerInput {
  answer: string;
}

export const LIMITATION_DOCUMENTS = ['chamber_certificate', 'legal_representative_id', 'size_certificate'] as const;

export interface MipymeRequestView {
  id: string;
  supplier: { organizationId: string; name: string; nit: string | null };
  requestedAt: string;
  colombian: boolean;
  mipyme: boolean;
  sizeClass: SizeClassificationView['sizeClass'] | null;
  constitutedOn: string | null;
  documentIds: string[];
  documentsComplete: boolean;
  /** Why the rule does not count it; empty for a valid request. */
  refusals: string[];
}

export interface TerritorialLimitationInput {
  scope: TerritorialScope;
  codes: string[];
  justification: string;
}

export interface LotMatchQuery {
  unspscClasses: string[];
  department: string | null;
  reservedForMipymes: boolean;
  reservedForEconomiaPopular: boolean;
}

/** Registered suppliers that could serve a lot, by size: the desagregación tecnológica signal. */
export interface LotMatchCount {
  total: number;
  bySize: Record<SizeClassificationView['sizeClass'] | 'unclassified', number>;
  inDepartment: number;
}

export interface TenderPage {
  items: TenderSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface TenderListQuery {
  status?: TenderStatus;
  page?: number;
  pageSize?: number;
}

/** A line of the Plan Anual de Adquisiciones. */
export interface PlanLineInput {
  year: number;
  description: string;
  unspscClasses: string[];
  estimatedValueCop: string;
  /** 1–12 */
  expectedMonth: number;
  modality: TenderModality;
  productiveBet: ProductiveBet | null;
}

export interface PlanLineView extends PlanLineInput {
  id: string;
  buyer: { organizationId: string; name: string };
  classes: UnspscClassView[];
  published: boolean;
  publishedAt: string | null;
  /** Suppliers that marked interest (the buyer's demand signal). */
  interestCount: number;
  /** For a signed-in supplier: whether it marked interest. */
  interested: boolean;
}

/** The buyer's own lines of one year (all years when omitted), drafts included. */
export interface PlanLineListQuery {
  year?: number;
}

/** Published lines only; `unspsc` is a 6-digit class or a 4-digit family, `department` the buyer's (DIVIPOLA). */
export interface PlanLineQuery {
  year?: number;
  unspsc?: string;
  department?: string;
  page?: number;
  pageSize?: number;
}

export interface PlanLinePage {
  items: PlanLineView[];
  total: number;
  page: number;
  pageSize: number;
}
