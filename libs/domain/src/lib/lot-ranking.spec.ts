import { createHash } from 'node:crypto';
import type { EvaluationCriteria } from './evaluation-criteria';
import { RankingBid, rankLot } from './lot-ranking';
import { LEY_2069_TIE_BREAK, seededDraw } from './tie-break';

const criteria: EvaluationCriteria = {
  totalPoints: 100,
  parts: [
    { key: 'price', points: 70 },
    { key: 'quality', points: 18.5 },
    { key: 'mipyme_bonus', points: 0.25 },
    { key: 'women_led_bonus', points: 0.25 },
    { key: 'disability_bonus', points: 1 },
  ],
  nationalIndustryPoints: 10,
  foreignComponentPoints: 5,
};
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const draw = seededDraw('seed-published-in-the-report', sha256);

const noFactors: RankingBid['tieBreak'] = {
  nationalOffer: false,
  womanHeadOfHousehold: false,
  disabilityPayrollPercent: 0,
  olderWorkersPercent: 0,
  ethnicPayrollPercent: 0,
  reincorporation: false,
  pluralVulnerableMember: false,
  mipyme: false,
  pluralSmallFirms: false,
  mipymePaymentsPercent: 0,
  bicMipyme: false,
};
const bid = (id: string, over: Partial<RankingBid> = {}): RankingBid => ({
  id,
  priceCop: '100000000',
  nationalStatus: 'foreign',
  nationalComponentPercent: 0,
  mipyme: false,
  womenLed: false,
  disabilityBonus: false,
  committeeHundredths: { quality: 1850 },
  tieBreak: noFactors,
  ...over,
});
const rank = (bids: RankingBid[], priceOnly = false) =>
  rankLot(criteria, bids, { minNationalComponentPercent: 30, priceOnly }, LEY_2069_TIE_BREAK, draw);

describe('rankLot', () => {
  it('puts a national mipyme ahead of a cheaper foreign firm on national-industry points', () => {
    const ranked = rank([
      bid('foreign-large', { priceCop: '95000000' }),
      bid('national-mipyme', { nationalStatus: 'national_good', mipyme: true }),
    ]);
    expect(ranked.lines.map((l) => [l.id, l.rank, l.total])).toEqual([
      // 70 × 95/100 = 66,50 + 18,50 + 10 national + 0,25 mipyme
      ['national-mipyme', 1, 6650 + 1850 + 1000 + 25],
      ['foreign-large', 2, 7000 + 1850],
    ]);
    expect(ranked.tieBreaks).toEqual([]);
  });

  it.each([
    ['factor 1 (national offer) breaks equal totals', { nationalOffer: true }, {}, 'national_offer', ['a', 'b']],
    ['factor 8 (mipyme) when both lack factors 1–7', {}, { mipyme: true }, 'mipyme', ['b', 'a']],
  ])('%s', (_case, factorsA, factorsB, decidedBy, order) => {
    const ranked = rank([bid('a', { tieBreak: { ...noFactors, ...factorsA } }), bid('b', { tieBreak: { ...noFactors, ...factorsB } })]);
    expect(ranked.lines.map((l) => l.id)).toEqual(order);
    expect(ranked.lines.map((l) => l.rank)).toEqual([1, 2]);
    expect(ranked.tieBreaks).toEqual([expect.objectContaining({ tied: ['a', 'b'], outcome: expect.objectContaining({ decidedBy }) })]);
  });

  it('ranks by price alone in mínima cuantía, ties broken by the factors', () => {
    const ranked = rank(
      [
        bid('dearer-national', { priceCop: '101000000', nationalStatus: 'national_good' }),
        bid('cheap-a', { priceCop: '90000000' }),
        bid('cheap-b', { priceCop: '90000000', tieBreak: { ...noFactors, bicMipyme: true } }),
      ],
      true,
    );
    expect(ranked.lines.map((l) => l.id)).toEqual(['cheap-b', 'cheap-a', 'dearer-national']);
    expect(ranked.tieBreaks[0].outcome.decidedBy).toBe('bic_mipyme');
  });

  it('falls to the seeded draw when no factor separates them, and anyone repeats it from the seed', () => {
    const ranked = rank([bid('x'), bid('y'), bid('z', { priceCop: '200000000' })]);
    const expected = ['x', 'y'].sort((p, q) =>
      sha256(`seed-published-in-the-report:${p}`) < sha256(`seed-published-in-the-report:${q}`) ? -1 : 1,
    );
    expect(ranked.lines.map((l) => l.id)).toEqual([...expected, 'z']);
    expect(ranked.tieBreaks[0].outcome).toMatchObject({ decidedBy: 'random_draw', drawOrder: expected });
  });

  it('ranks nothing when no bid is eligible', () => {
    expect(rank([])).toEqual({ lines: [], tieBreaks: [] });
  });
});
