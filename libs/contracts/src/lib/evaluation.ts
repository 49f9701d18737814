/**
 * Opening, evaluation, award and contract (issue 7; RULES.md §4–§6). Points travel as numbers with at
 * most two decimals (the API computes in integer hundredths); money as whole COP strings.
 */
import type { BidClaims, BidDocumentRef, BidLotInput, NationalIndustryStatus, PluralBidderInput } from './bids';

/** Acta de cierre: who bid and when, public once the tender has closed. */
export interface ClosingRecord {
  tenderId: string;
  reference: string;
  /** SHA-256 of the tie-break draw's seed, fixed at closing; the report reveals the seed. */
  drawSeedSha256: string;
  closingAt: string;
  closedAt: string | null;
  bids: {
    bidId: string;
    supplierName: string;
    supplierNit: string;
    submittedAt: string;
    version: number;
    lotIds: string[];
    digest: string;
    status: 'submitted' | 'withdrawn';
  }[];
}

export const HABILITANTE_STATES = ['pending', 'pass', 'fail', 'needs_correction'] as const;
export type HabilitanteState = (typeof HABILITANTE_STATES)[number];

/** What the committee verified of a bid's claims (Ley 2069 art. 35 factors and bonuses). */
export type VerifiedClaims = BidClaims & { nationalStatusVerified: boolean };

/** The committee's record of one bid. */
export interface BidReviewInput {
  habilitante: HabilitanteState;
  /** Why it fails or what must be corrected (subsanación); required unless it passes. */
  note: string | null;
  /** Points for the parts the committee scores (quality, experience…), per lot id then part key. */
  scores: Record<string, Record<string, number>>;
  /** The claims as verified: a claim without evidence is set false / 0. */
  verified: VerifiedClaims;
}

export interface BidReviewView extends BidReviewInput {
  reviewedAt: string | null;
  /** Subsanación: the bidder may correct until the end of the report's comment period. */
  correctionDueAt: string | null;
}

/** A bid opened for the committee after closing. */
export interface OpenedBid {
  bidId: string;
  supplierOrganizationId: string;
  supplierName: string;
  supplierNit: string;
  sizeClass: 'micro' | 'pequena' | 'mediana' | 'grande' | null;
  mipyme: boolean;
  womenLed: boolean;
  submittedAt: string;
  version: number;
  digest: string;
  needsReconfirmation: boolean;
  lots: BidLotInput[];
  claims: BidClaims;
  plural: PluralBidderInput | null;
  /** Download each with `GET /tenders/{id}/evaluation/bids/{bidId}/documents/{documentId}`. */
  documents: BidDocumentRef[];
  review: BidReviewView;
}

export interface ScoreLine {
  bidId: string;
  supplierName: string;
  priceCop: string;
  nationalIndustry: NationalIndustryStatus;
  price: number;
  nationalIndustryPoints: number;
  bonuses: number;
  committee: number;
  total: number;
  /** 1 for the first; equal places were broken by the tie-break. */
  rank: number;
}

export interface TieBreakRecord {
  /** The bids that were tied for a place, in the order given. */
  tied: string[];
  ranking: string[];
  decidedBy: string;
  trail: { factor: string; met: string[] }[];
  drawOrder: string[] | null;
}

export interface LotRanking {
  lotId: string;
  lotTitle: string;
  /** Eligible bids (habilitante pass, not awaiting reconfirmation), best first. */
  lines: ScoreLine[];
  tieBreaks: TieBreakRecord[];
  /** Bids left out, with why: `habilitante_fail`, `needs_correction`, `pending_review`, `needs_reconfirmation`. */
  excluded: { bidId: string; supplierName: string; reason: string }[];
}

/** The committee's workspace: the opened bids and the ranking they give now. */
export interface EvaluationWorkspace {
  tenderId: string;
  reference: string;
  title: string;
  status: string;
  modality: string;
  committee: CommitteeMember[];
  bids: OpenedBid[];
  rankings: LotRanking[];
  report: EvaluationReport | null;
}

export interface CommitteeMember {
  userId: string;
  name: string;
  email: string;
}

export interface CommitteeInput {
  userIds: string[];
}

export interface PublishReportInput {
  /** Last day (Bogotá) bidders may send observations; at least the schedule's comment days. */
  commentUntil: string;
}

/** The published evaluation report, fixed when it is published; the seed is in it before any draw uses it. */
export interface EvaluationReport {
  tenderId: string;
  version: number;
  publishedAt: string;
  /** Observations are received until the end of this Bogotá day. */
  commentUntil: string;
  /** Factor 12 seed: anyone repeats the draw by sorting the tied bid ids by sha256(`${seed}:${bidId}`). */
  seed: string;
  tieBreakRule: { order: string[]; disabilityPayrollMinPercent: number; ethnicPayrollMinPercent: number; mipymePaymentsMinPercent: number };
  rankings: LotRanking[];
  observations: ObservationView[];
}

export interface ObservationInput {
  text: string;
}

export interface ObservationView {
  id: string;
  supplierName: string;
  text: string;
  createdAt: string;
  answer: string | null;
  answeredAt: string | null;
}

export interface AwardDecisionInput {
  lotId: string;
  outcome: 'awarded' | 'void';
  /** Required when void (declaratoria de desierto). */
  reason: string | null;
  /** Contract dates (Bogotá calendar days) for an awarded lot. */
  startDate: string | null;
  endDate: string | null;
}

export interface AwardInput {
  decisions: AwardDecisionInput[];
}

export const CONTRACT_STATES = ['active', 'completed', 'terminated'] as const;
export type ContractState = (typeof CONTRACT_STATES)[number];

export interface ContractView {
  id: string;
  status: ContractState;
  valueCop: string;
  startDate: string;
  endDate: string;
  /** Colombian component the supplier committed to, whole percent. */
  nationalComponentPercent: number;
  rating: ContractRatingInput | null;
  completedAt: string | null;
  terminationReason: string | null;
}

/** Public: what was decided per lot. */
export interface AwardView {
  lotId: string;
  lotTitle: string;
  outcome: 'awarded' | 'void';
  reason: string | null;
  decidedAt: string;
  supplierOrganizationId: string | null;
  supplierName: string | null;
  supplierNit: string | null;
  sizeClass: 'micro' | 'pequena' | 'mediana' | 'grande' | null;
  valueCop: string | null;
  nationalIndustry: NationalIndustryStatus | null;
  /** Only the buyer sees the contract's record here. */
  contract: ContractView | null;
}

/** Buyer's rating of the supplier's performance, 1 (poor) to 5 (excellent). */
export interface ContractRatingInput {
  onTime: number;
  quality: number;
  documentation: number;
}

export interface ContractCloseInput {
  outcome: 'completed' | 'terminated';
  rating: ContractRatingInput | null;
  reason: string | null;
}
