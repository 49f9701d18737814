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
  status: Extract<TenderState, 'draft' | 'published_draft' | 'open' | 'closed' | 'under_evaluation' | 'void' | 'cancelled'>;
  lots: LotSeed[];
  /** Demo suppliers (indexes into demoSuppliers()) that ask for the call to be limited to mipymes. */
  limitationRequests?: number[];
  /** A supplier's question and the buyer's answer. */
  question?: { supplier: number; text: string; answer: string };
  /** Demo suppliers that bid on the first lot the day before closing: price as a share of its estimate, and origin. */
  bids?: { supplier: number; percentOfEstimate: number; national: NationalIndustryStatus; componentPercent?: number }[];
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
