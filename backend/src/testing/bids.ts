import type { BidClaims } from '@eslabon/contracts';

/** A bid that claims no bonus and no tie-break factor. */
export const NO_CLAIMS: BidClaims = {
  disabilityBonus: false,
  womanHeadOfHousehold: false,
  disabilityPayrollPercent: 0,
  olderWorkersPercent: 0,
  ethnicPayrollPercent: 0,
  reincorporation: false,
  mipymePaymentsPercent: 0,
  bicMipyme: false,
};
