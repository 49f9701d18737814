/**
 * Sealed bids (issue 7, first part: intake). Prices are whole COP as decimal strings. Nothing of a
 * bid's content is returned by any API before its tender closes; the supplier keeps the receipt.
 */

/** The national-industry status a bidder declares per lot (Ley 816 de 2003, Decreto 680 de 2021; RULES.md §4). */
export const NATIONAL_INDUSTRY_STATUSES = ['national_goods', 'national_service', 'foreign_with_component', 'foreign'] as const;
export type NationalIndustryStatus = (typeof NATIONAL_INDUSTRY_STATUSES)[number];

export interface BidLotInput {
  lotId: string;
  priceCop: string;
  nationalIndustry: NationalIndustryStatus;
  /** Colombian component of a foreign offer, whole percent; null otherwise. */
  nationalComponentPercent: number | null;
}

export interface BidInput {
  lots: BidLotInput[];
}

/**
 * Proof of what was submitted and when: the digest is SHA-256 of the canonical JSON of the content,
 * which includes a random `nonce` so the digest cannot be searched for the price.
 */
export interface BidReceipt {
  bidId: string;
  tenderId: string;
  version: number;
  status: 'submitted' | 'withdrawn';
  /** Server clock, UTC. */
  submittedAt: string;
  digest: string;
  /** Random, kept by the supplier with the content it submitted: together they reproduce the digest. */
  nonce: string;
  lotIds: string[];
}

/** What the buyer may know before closing. */
export interface BidCount {
  tenderId: string;
  bids: number;
}
