import {
  NO_CLAIMS,
  isNationalOffer,
  type BidClaims,
  type LotRanking,
  type NationalIndustryStatus,
  type VerifiedClaims,
} from '@eslabon/contracts';
import { NationalStatus, RankingBid, TieBreakRule, rankLot, seededDraw } from '@eslabon/domain';
import { createHash } from 'node:crypto';
import type { Tender, TenderLot } from '../tenders/tender.entities';
import type { BidderRecord } from '../bids/bid.entities';
import type { OpenedContent } from '../bids/bids.service';
import type { BidReview } from './evaluation.entities';

/** Who bid, by bid: name and NIT from the registry, size, mipyme and women-led as recorded with the bid. */
export interface BidderProfile extends BidderRecord {
  organizationId: string;
  name: string;
  nit: string;
}

const STATUS: Record<NationalIndustryStatus, NationalStatus> = {
  national_goods: 'national_good',
  national_service: 'national_service',
  national_treatment: 'national_treatment',
  foreign_with_component: 'foreign_with_component',
  foreign: 'foreign',
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const points = (hundredths: number) => hundredths / 100;

/** Until the committee records otherwise, the claims stand as declared and the national status as verified. */
export function defaultVerified(claims: BidClaims | null): VerifiedClaims {
  return {
    ...NO_CLAIMS,
    ...claims,
    nationalStatusVerified: true,
  };
}

/** Why a bid is left out of a lot's ranking, or null when it is ranked. */
function exclusion(opened: OpenedContent, review: BidReview | undefined): string | null {
  if (opened.needsReconfirmation) return 'needs_reconfirmation';
  const state = review?.habilitante ?? 'pending';
  if (state === 'pass') return null;
  return state === 'fail' ? 'habilitante_fail' : state === 'needs_correction' ? 'needs_correction' : 'pending_review';
}

/**
 * Each lot's ranking from the opened bids and the committee's records (RULES.md §4, §5): only bids that
 * passed the habilitante checks and answer the current terms are ranked; mínima cuantía ranks by price.
 */
export function lotRankings(
  tender: Tender,
  lots: TenderLot[],
  opened: OpenedContent[],
  reviews: Map<string, BidReview>,
  bidders: Map<string, BidderProfile>,
  rule: TieBreakRule,
  seed: string,
): LotRanking[] {
  const draw = seededDraw(seed, sha256);
  return lots.map((lot) => {
    const offers = opened.filter((o) => o.bid.status === 'submitted' && o.content.lots.some((l) => l.lotId === lot.id));
    const excluded: LotRanking['excluded'] = [];
    const ranking: RankingBid[] = [];
    const offerOf = new Map<string, { priceCop: string; nationalIndustry: NationalIndustryStatus; supplierName: string }>();
    for (const o of offers) {
      const bidder = bidders.get(o.bid.id) as BidderProfile;
      const line = o.content.lots.find((l) => l.lotId === lot.id) as OpenedContent['content']['lots'][number];
      offerOf.set(o.bid.id, { priceCop: line.priceCop, nationalIndustry: line.nationalIndustry, supplierName: bidder.name });
      const review = reviews.get(o.bid.id);
      const reason = exclusion(o, review);
      if (reason) {
        excluded.push({ bidId: o.bid.id, supplierName: bidder.name, reason });
        continue;
      }
      const verified = review?.verified ?? defaultVerified(o.content.claims);
      const status: NationalStatus = verified.nationalStatusVerified ? STATUS[line.nationalIndustry] : 'foreign';
      const plural = o.content.plural;
      ranking.push({
        id: o.bid.id,
        priceCop: line.priceCop,
        nationalStatus: status,
        nationalComponentPercent: line.nationalComponentPercent ?? 0,
        mipyme: bidder.mipyme,
        womenLed: bidder.womenLed,
        disabilityBonus: verified.disabilityBonus,
        committeeHundredths: review?.scoresHundredths[lot.id] ?? {},
        tieBreak: {
          nationalOffer: verified.nationalStatusVerified && isNationalOffer(line.nationalIndustry),
          womanHeadOfHousehold: verified.womanHeadOfHousehold,
          disabilityPayrollPercent: verified.disabilityPayrollPercent,
          olderWorkersPercent: verified.olderWorkersPercent,
          ethnicPayrollPercent: verified.ethnicPayrollPercent,
          reincorporation: verified.reincorporation,
          // Factor 7 needs the members' own evidence, which plural bidders do not yet attach.
          pluralVulnerableMember: false,
          mipyme: plural ? plural.members.every((m) => m.mipyme) : bidder.mipyme,
          pluralSmallFirms: false,
          mipymePaymentsPercent: verified.mipymePaymentsPercent,
          bicMipyme: verified.bicMipyme && bidder.mipyme,
        },
      });
    }
    const ranked = rankLot(
      tender.criteria,
      ranking,
      { minNationalComponentPercent: lot.nationalComponentMinPercent ?? 1, priceOnly: tender.modality === 'minima_cuantia' },
      rule,
      draw,
    );
    return {
      lotId: lot.id,
      lotTitle: lot.title,
      lines: ranked.lines.map((l) => {
        const offer = offerOf.get(l.id) as { priceCop: string; nationalIndustry: NationalIndustryStatus; supplierName: string };
        return {
          bidId: l.id,
          supplierName: offer.supplierName,
          priceCop: offer.priceCop,
          nationalIndustry: offer.nationalIndustry,
          price: points(l.price),
          nationalIndustryPoints: points(l.nationalIndustry),
          bonuses: points(l.bonuses),
          committee: points(l.committee),
          total: points(l.total),
          rank: l.rank,
        };
      }),
      tieBreaks: ranked.tieBreaks.map((t) => ({
        tied: t.tied,
        ranking: t.outcome.ranking,
        decidedBy: t.outcome.decidedBy,
        trail: t.outcome.trail,
        drawOrder: t.outcome.drawOrder ?? null,
      })),
      excluded,
    };
  });
}
