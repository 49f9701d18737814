import type { NationalIndustryStatus } from './bids';
import type { TenderSearchResult } from './search';
import type { ProductiveBet } from './buyers';
import type { TenderModality, TenderSummary } from './tenders';

/** One decided lot as anyone may read it: who won, for how much, and what the winner is. */
export interface OpenAward {
  /** The award's id, as in the OCDS releases. */
  awardId: string;
  ocid: string;
  tenderId: string;
  tenderReference: string;
  tenderTitle: string;
  buyerName: string;
  executionDepartment: string;
  modality: TenderModality;
  lotId: string;
  lotTitle: string;
  outcome: 'awarded' | 'void';
  decidedAt: string;
  supplierName: string | null;
  sizeClass: 'micro' | 'pequena' | 'mediana' | 'grande' | null;
  nationalIndustry: NationalIndustryStatus | null;
  valueCop: string | null;
}

export interface OpenTender extends TenderSummary {
  ocid: string;
  awards: OpenAward[];
}

export interface OpenTenderPage extends Omit<TenderSearchResult, 'items'> {
  items: OpenTender[];
}

/** Decided lots with the filters of the tender search that apply to them, and a decision period. */
export interface OpenAwardQuery {
  decidedFrom?: string;
  decidedTo?: string;
  department?: string;
  modality?: TenderModality;
  productiveBet?: ProductiveBet;
  /** UNSPSC segment, family or class any class of the lot starts with. */
  unspsc?: string;
  page?: number;
  pageSize?: number;
}

export interface OpenAwardPage {
  items: OpenAward[];
  total: number;
  page: number;
  pageSize: number;
}

/** What the open data offers and where: the entry point of the open-data API and page. */
export interface OpenDataIndex {
  ocidPrefix: string;
  publisher: string;
  links: {
    releases: string;
    record: string;
    bulkReleases: string;
    tenders: string;
    awards: string;
    awardsCsv: string;
    docs: string;
  };
}
