import type { NationalIndustryStatus, ProductiveBet, TenderModality } from '@eslabon/contracts';
import type { TenderState } from '@eslabon/domain';

/** The shape of a demo tender (demo-tenders.ts): what a buyer would type, and the status it reaches. */
export interface LotSeed {
  title: string;
  classes: string[];
  quantity: number;
  unit: string;
  millions: number;
  mipymes?: boolean;
  popular?: boolean;
  nationalPercent?: number;
}

export interface DemoTenderSeed {
  /** Index into demoBuyers(). */
  buyer: number;
  title: string;
  description: string;
  modality: TenderModality;
  bet: ProductiveBet | null;
  department: string;
  municipality: string | null;
  status: Extract<TenderState, 'draft' | 'published_draft' | 'open' | 'closed' | 'under_evaluation' | 'awarded' | 'void' | 'cancelled'>;
  lots: LotSeed[];
  /** Demo suppliers (indexes into demoSuppliers()) that ask for the call to be limited to mipymes. */
  limitationRequests?: number[];
  /** A supplier's question and the buyer's answer. */
  question?: { supplier: number; text: string; answer: string };
  /**
   * Demo suppliers that bid the day before closing, each on one lot (the first unless `lot`): price as a
   * share of its estimate, and origin; `fails` is the committee's note when the bid fails a habilitante check.
   */
  bids?: {
    supplier: number;
    percentOfEstimate: number;
    national: NationalIndustryStatus;
    componentPercent?: number;
    lot?: number;
    fails?: string;
  }[];
  /**
   * When an awarded (or, with bids, void) tender was decided: so many business days before the day the
   * demo is loaded, kept within this year, or the 15th of a month of last year.
   */
  decided?: { businessDaysAgo: number } | { lastYearMonth: number };
  /** Length of the contracts of its awarded lots; a contract already over is closed with the buyer's rating. */
  contractMonths?: number;
  /** Why the tender or its lots without an eligible bid are void. */
  reason?: string;
}

export const lot = (
  title: string,
  classes: string[],
  quantity: number,
  unit: string,
  millions: number,
  flags: Partial<LotSeed> = {},
): LotSeed => ({
  title,
  classes,
  quantity,
  unit,
  millions,
  ...flags,
});
