/**
 * Tie-break between bids with equal total points (in mínima cuantía: equal price) — Ley 2069 de 2020
 * art. 35, RULES.md §5. The factors apply in order; the first one met by exactly one of the tied
 * bidders decides. When several meet a factor, only they stay tied for the next ones (the factors are
 * "sucesivos y excluyentes": a bidder that lacks an earlier factor cannot win on a later one). Factor 12
 * is a draw seeded before it runs, so anyone can repeat it. The order and the thresholds are a rule
 * version (RULES.md marks the wording of 3 and 5–11 "confirm"), passed in rather than built in.
 */

export const TIE_BREAK_FACTORS = [
  'national_offer',
  'woman_head_of_household',
  'disability_payroll',
  'older_workers',
  'ethnic_payroll',
  'reincorporation',
  'plural_vulnerable_member',
  'mipyme',
  'plural_small_firms',
  'mipyme_payments',
  'bic_mipyme',
] as const;
export type TieBreakFactor = (typeof TIE_BREAK_FACTORS)[number];

export interface TieBreakRule {
  /** Factors 1–11 in the order they apply; the seeded draw (factor 12) always comes last. */
  order: readonly TieBreakFactor[];
  /** Factor 3: at least this share of payroll are persons with disabilities. */
  disabilityPayrollMinPercent: number;
  /** Factor 5: at least this share of payroll from ethnic populations. */
  ethnicPayrollMinPercent: number;
  /** Factor 10: at least this share of last year's supplier payments went to mipymes, cooperatives or mutuals. */
  mipymePaymentsMinPercent: number;
}

/** The law's numbering and figures (Ley 2069 de 2020 art. 35). */
export const LEY_2069_TIE_BREAK: TieBreakRule = {
  order: TIE_BREAK_FACTORS,
  disabilityPayrollMinPercent: 10,
  ethnicPayrollMinPercent: 10,
  mipymePaymentsMinPercent: 25,
};

/** What a tied bid proved with its evidence; percentages are whole or decimal percent. */
export interface TieBreakBidder {
  id: string;
  /** 1. National goods or services (or national treatment) rather than foreign. */
  nationalOffer: boolean;
  /** 2. A woman head of household or victim of domestic violence, a firm she controls, or a plural bidder of them. */
  womanHeadOfHousehold: boolean;
  /** 3. */
  disabilityPayrollPercent: number;
  /** 4. Share of payroll who are older workers without a pension: the highest wins. */
  olderWorkersPercent: number;
  /** 5. */
  ethnicPayrollPercent: number;
  /** 6. Persons in reintegration or reincorporation, or a firm they control. */
  reincorporation: boolean;
  /** 7. A plural bidder where such a member holds ≥ 25 % and brings ≥ 25 % of the experience. */
  pluralVulnerableMember: boolean;
  /** 8. A mipyme, cooperative or mutual association, or a plural bidder of them. */
  mipyme: boolean;
  /** 9. A plural bidder made only of micro or small firms, cooperatives or mutuals. */
  pluralSmallFirms: boolean;
  /** 10. */
  mipymePaymentsPercent: number;
  /** 11. A Sociedad BIC of the mipyme segment. */
  bicMipyme: boolean;
}

export interface TieBreakStep {
  factor: TieBreakFactor;
  /** The tied bidders that met it, in the order given. */
  met: string[];
}

export interface TieBreakOutcome {
  /** Every tied bidder, first the winner; each next place is the tie-break of those left. */
  ranking: string[];
  /** What put the winner first. */
  decidedBy: TieBreakFactor | 'random_draw';
  /** Each factor tried for first place, in order, up to the deciding one. */
  trail: TieBreakStep[];
  /** When the draw decided first place: the tied bidders in drawn order. */
  drawOrder?: string[];
}

/** Orders ids by a hash of seed and id: the same seed and ids give the same order on any machine. */
export type SeededDraw = (ids: readonly string[]) => string[];

/**
 * The draw of factor 12: ids sorted by the hex SHA-256 of `${seed}:${id}` (then by id), so anyone can
 * repeat it with `printf '%s' "$seed:$id" | sha256sum`. The hash comes from the caller (Node's crypto
 * on the server), which keeps this library free of platform code.
 */
export function seededDraw(seed: string, sha256Hex: (text: string) => string): SeededDraw {
  return (ids) =>
    ids
      .map((id) => ({ id, key: sha256Hex(`${seed}:${id}`) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((x) => x.id);
}

function meeting(factor: TieBreakFactor, tied: readonly TieBreakBidder[], rule: TieBreakRule): TieBreakBidder[] {
  switch (factor) {
    case 'national_offer':
      return tied.filter((b) => b.nationalOffer);
    case 'woman_head_of_household':
      return tied.filter((b) => b.womanHeadOfHousehold);
    case 'disability_payroll':
      return tied.filter((b) => b.disabilityPayrollPercent >= rule.disabilityPayrollMinPercent);
    case 'older_workers': {
      // "The higher proportion": those with the highest share, when anyone has some.
      const highest = Math.max(...tied.map((b) => b.olderWorkersPercent));
      return highest > 0 ? tied.filter((b) => b.olderWorkersPercent === highest) : [];
    }
    case 'ethnic_payroll':
      return tied.filter((b) => b.ethnicPayrollPercent >= rule.ethnicPayrollMinPercent);
    case 'reincorporation':
      return tied.filter((b) => b.reincorporation);
    case 'plural_vulnerable_member':
      return tied.filter((b) => b.pluralVulnerableMember);
    case 'mipyme':
      return tied.filter((b) => b.mipyme);
    case 'plural_small_firms':
      return tied.filter((b) => b.pluralSmallFirms);
    case 'mipyme_payments':
      return tied.filter((b) => b.mipymePaymentsPercent >= rule.mipymePaymentsMinPercent);
    case 'bic_mipyme':
      return tied.filter((b) => b.bicMipyme);
  }
}

/** First place among tied bidders, with the factors tried. */
function firstPlace(
  tied: readonly TieBreakBidder[],
  rule: TieBreakRule,
  draw: SeededDraw,
): Omit<TieBreakOutcome, 'ranking'> & { winner: string } {
  const trail: TieBreakStep[] = [];
  let remaining = tied;
  for (const factor of rule.order) {
    const met = meeting(factor, remaining, rule);
    trail.push({ factor, met: met.map((b) => b.id) });
    if (met.length === 1) return { winner: met[0].id, decidedBy: factor, trail };
    if (met.length > 1) remaining = met;
  }
  const drawOrder = draw(remaining.map((b) => b.id));
  return { winner: drawOrder[0], decidedBy: 'random_draw', trail, drawOrder };
}

/** Breaks a tie among two or more bidders; places after the first are broken the same way among those left. */
export function breakTie(tied: readonly TieBreakBidder[], rule: TieBreakRule, draw: SeededDraw): TieBreakOutcome {
  if (tied.length < 2) throw new Error('A tie needs at least two bidders');
  const first = firstPlace(tied, rule, draw);
  const rest = tied.filter((b) => b.id !== first.winner);
  const ranking = [first.winner, ...(rest.length === 1 ? [rest[0].id] : breakTie(rest, rule, draw).ranking)];
  return { ranking, decidedBy: first.decidedBy, trail: first.trail, ...(first.drawOrder ? { drawOrder: first.drawOrder } : {}) };
}
