/** Buyer profile shapes (issue 4). */

export const BUYER_ENTITY_KINDS = ['national_public', 'territorial_public', 'state_company'] as const;
export type BuyerEntityKind = (typeof BUYER_ENTITY_KINDS)[number];

/** EGCAP: Estatuto General de Contratación de la Administración Pública (Ley 80/1993, Ley 1150/2007). */
export const CONTRACTING_REGIMES = ['egcap', 'special'] as const;
export type ContractingRegime = (typeof CONTRACTING_REGIMES)[number];

/** Apuestas productivas of the Política de Reindustrialización (CONPES 4129), RULES.md §8. */
export const PRODUCTIVE_BETS = ['energy_transition', 'agroindustry', 'health', 'defense', 'territories'] as const;
export type ProductiveBet = (typeof PRODUCTIVE_BETS)[number];

export interface BuyerProfileInput {
  entityKind: BuyerEntityKind;
  regime: ContractingRegime;
  /** For special regimes: the procurement manual that governs it. */
  regimeReference: string | null;
  nit: string;
  checkDigit: string;
  municipality: string;
  /** Annual budget in whole SMMLV. */
  annualBudgetSmmlv: number;
  productiveBets: ProductiveBet[];
}

export interface BuyerProfileView extends BuyerProfileInput {
  organizationId: string;
  legalName: string;
  departmentCode: string;
  /** Menor and mínima cuantía from the budget band, when the regime is EGCAP. */
  cuantias: {
    smmlvYear: number;
    menorCuantiaSmmlv: number;
    menorCuantiaCop: string;
    minimaCuantiaCop: string;
    bandVersionId: string;
  } | null;
  updatedAt: string;
}
