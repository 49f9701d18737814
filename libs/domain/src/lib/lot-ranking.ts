import { BidScore, ScoringBid, ScoringOptions, byPrice, byTotal, places, scoreBids } from './bid-scoring';
import type { EvaluationCriteria } from './evaluation-criteria';
import { SeededDraw, TieBreakBidder, TieBreakOutcome, TieBreakRule, breakTie } from './tie-break';

/**
 * The ranking of one lot's eligible bids (RULES.md §4, §5): scores by the criteria, places by total
 * points — or by price alone in mínima cuantía — and every shared place broken by the Ley 2069 art. 35
 * factors, recorded so the report shows which factor decided.
 */
export interface RankingBid extends ScoringBid {
  tieBreak: Omit<TieBreakBidder, 'id'>;
}

export interface RankedLot {
  /** Best first; `rank` is the position, 1 for the winner. */
  lines: (BidScore & { rank: number })[];
  tieBreaks: { tied: string[]; outcome: TieBreakOutcome }[];
}

export function rankLot(
  criteria: EvaluationCriteria,
  bids: readonly RankingBid[],
  options: ScoringOptions & { priceOnly: boolean },
  rule: TieBreakRule,
  draw: SeededDraw,
): RankedLot {
  const scores = scoreBids(criteria, bids, options);
  const byId = new Map(bids.map((b) => [b.id, b]));
  const scoreOf = new Map(scores.map((s) => [s.id, s]));
  const groups = options.priceOnly ? places(bids, byPrice) : places(scores, byTotal);
  const tieBreaks: RankedLot['tieBreaks'] = [];
  const order = groups.flatMap((ids) => {
    if (ids.length === 1) return ids;
    const outcome = breakTie(
      ids.map((id) => ({ id, ...(byId.get(id) as RankingBid).tieBreak })),
      rule,
      draw,
    );
    tieBreaks.push({ tied: ids, outcome });
    return outcome.ranking;
  });
  return { lines: order.map((id, i) => ({ ...(scoreOf.get(id) as BidScore), rank: i + 1 })), tieBreaks };
}
