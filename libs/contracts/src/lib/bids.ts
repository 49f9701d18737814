/**
 * Sealed bids (issue 7). Prices are whole COP as decimal strings. Nothing of a bid's content is
 * returned by any API before its tender closes — not to the buyer, an admin or the bidder itself: the
 * bidder's browser keeps the draft and the content it sealed, and the receipt proves it.
 */

/** The national-industry status a bidder declares per lot (Ley 816 de 2003, Decreto 680 de 2021; RULES.md §4). */
/** `national_treatment`: a foreign offer that a trade agreement or reciprocity treats as national (RULES.md §4). */
export const NATIONAL_INDUSTRY_STATUSES = [
  'national_goods',
  'national_service',
  'national_treatment',
  'foreign_with_component',
  'foreign',
] as const;
export type NationalIndustryStatus = (typeof NATIONAL_INDUSTRY_STATUSES)[number];

/** Statuses that score as national (Ley 816 de 2003) and meet tie-break factor 1 (Ley 2069 art. 35). */
export function isNationalOffer(status: NationalIndustryStatus): boolean {
  return status === 'national_goods' || status === 'national_service' || status === 'national_treatment';
}

export interface BidLotInput {
  lotId: string;
  priceCop: string;
  nationalIndustry: NationalIndustryStatus;
  /** Colombian component of a foreign offer, whole percent; null otherwise. */
  nationalComponentPercent: number | null;
}

/**
 * What the bidder declares for the bonuses and the Ley 2069 art. 35 tie-break factors (RULES.md §4, §5);
 * the committee verifies each claim against the evidence. Percentages are whole percent of payroll or
 * of last year's supplier payments. Mipyme status and women-led status come from the supplier's profile.
 */
export interface BidClaims {
  /** Decreto 392 de 2018: the minimum share of staff with disabilities for the bonus. */
  disabilityBonus: boolean;
  womanHeadOfHousehold: boolean;
  disabilityPayrollPercent: number;
  olderWorkersPercent: number;
  ethnicPayrollPercent: number;
  reincorporation: boolean;
  mipymePaymentsPercent: number;
  bicMipyme: boolean;
}

/** Claims of no bonus and no tie-break factor: a new bid's starting point. */
export const NO_CLAIMS: Readonly<BidClaims> = {
  disabilityBonus: false,
  womanHeadOfHousehold: false,
  disabilityPayrollPercent: 0,
  olderWorkersPercent: 0,
  ethnicPayrollPercent: 0,
  reincorporation: false,
  mipymePaymentsPercent: 0,
  bicMipyme: false,
};

export const PLURAL_BIDDER_KINDS = ['consorcio', 'union_temporal'] as const;
export type PluralBidderKind = (typeof PLURAL_BIDDER_KINDS)[number];

/** A member of a consorcio or unión temporal; participations add up to 100. */
export interface PluralMemberInput {
  nit: string;
  name: string;
  participationPercent: number;
  mipyme: boolean;
}

export interface PluralBidderInput {
  kind: PluralBidderKind;
  name: string;
  members: PluralMemberInput[];
}

/** The envelopes of a bid: requisitos habilitantes (pass/fail), technical offer, economic offer. */
export const BID_ENVELOPES = ['habilitantes', 'technical', 'economic'] as const;
export type BidEnvelope = (typeof BID_ENVELOPES)[number];

/** A file uploaded for a bid (`POST /tenders/{id}/bid/documents`), stored encrypted with the tender's data key. */
export interface BidDocumentUpload {
  documentId: string;
  envelope: BidEnvelope;
  contentType: string;
  sizeBytes: number;
  /** Of the file as uploaded: the bid seals it with the name. */
  sha256: string;
}

/** A document as the bid lists it; the name travels only inside the sealed content. */
export interface BidDocumentRef {
  documentId: string;
  envelope: BidEnvelope;
  name: string;
  sha256: string;
}

export interface BidInput {
  lots: BidLotInput[];
  claims: BidClaims;
  /** Null when the organization bids alone. */
  plural: PluralBidderInput | null;
  /** Uploaded documents per envelope (none when omitted). */
  documents?: BidDocumentRef[];
}

export const BID_STATES = ['submitted', 'withdrawn'] as const;
export type BidState = (typeof BID_STATES)[number];

/**
 * Proof of what was submitted and when: the digest is SHA-256 of the canonical JSON of the content,
 * which includes a random `nonce` so the digest cannot be searched for the price.
 */
export interface BidReceipt {
  bidId: string;
  tenderId: string;
  /** Part of the digested content. */
  supplierOrganizationId: string;
  version: number;
  status: BidState;
  /** Server clock, UTC. */
  submittedAt: string;
  /** The same instant on the Bogotá clock, as the receipt e-mail states it: `YYYY-MM-DD HH:MM:SS`. */
  submittedAtBogota: string;
  /** SHA-256 of the canonical JSON of the sealed content; a withdrawal seals `{…, lots: [], claims: null, plural: null, withdrawn: true}`. */
  digest: string;
  /** Random, kept by the supplier with the content it submitted: together they reproduce the digest. */
  nonce: string;
  lotIds: string[];
  /** The version of the tender's terms the bid answered. */
  termsVersion: number;
  /** An adenda changed lots, requirements or criteria after this bid: it is not evaluated unless resubmitted. */
  needsReconfirmation: boolean;
}

/** A row of the supplier's "my bids". */
export interface MyBidView extends BidReceipt {
  tenderReference: string;
  tenderTitle: string;
  tenderStatus: string;
  closingAt: string;
  /** Per lot the supplier offered on, once the tender is decided. */
  outcomes: { lotId: string; lotTitle: string; outcome: 'won' | 'lost' | 'void' }[];
}

/** What the buyer may know before closing. */
export interface BidCount {
  tenderId: string;
  bids: number;
}
