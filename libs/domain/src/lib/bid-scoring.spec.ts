import {
  BidScore,
  NationalStatus,
  ScoringBid,
  byPrice,
  byTotal,
  committeeProblems,
  nationalIndustryHundredths,
  places,
  priceHundredths,
  scoreBids,
} from './bid-scoring';
import type { EvaluationCriteria } from './evaluation-criteria';

/** The demo tenders' criteria (backend/src/demo/seed-demo-tenders.ts). */
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
const options = { minNationalComponentPercent: 30 };

const bid = (id: string, over: Partial<ScoringBid> = {}): ScoringBid => ({
  id,
  priceCop: '100000000',
  nationalStatus: 'foreign',
  nationalComponentPercent: 0,
  mipyme: false,
  womenLed: false,
  disabilityBonus: false,
  committeeHundredths: {},
  ...over,
});

describe('priceHundredths', () => {
  it.each([
    ['the lowest price', 7000, '90000000', '90000000', 7000],
    ['10 % dearer', 7000, '90000000', '99000000', 6364],
    ['twice the price', 7000, '50000000', '100000000', 3500],
    ['rounds half up', 1, '1', '2', 1],
    ['rounds down below half', 100, '1', '3', 33],
    ['keeps whole pesos of very large prices exact', 7000, '99999999999999', '100000000000000', 7000],
  ])('%s', (_case, max, lowest, price, expected) => {
    expect(priceHundredths(max, lowest, price)).toBe(expected);
  });

  it('refuses a price of zero', () => {
    expect(() => priceHundredths(7000, '0', '0')).toThrow(RangeError);
  });
});

describe('nationalIndustryHundredths (Ley 816 de 2003)', () => {
  it.each<[NationalStatus, number, number]>([
    ['national_good', 0, 1000],
    ['national_service', 0, 1000],
    ['national_treatment', 0, 1000],
    ['foreign_with_component', 30, 500],
    ['foreign_with_component', 29, 0],
    ['foreign', 80, 0],
  ])('%s with %i %% Colombian components gets %i hundredths', (status, percent, expected) => {
    expect(nationalIndustryHundredths(criteria, bid('x', { nationalStatus: status, nationalComponentPercent: percent }), options)).toBe(
      expected,
    );
  });
});

describe('committeeProblems', () => {
  it.each([
    ['a part within its points', { quality: 1850 }, []],
    ['zero', { quality: 0 }, []],
    ['above the part', { quality: 1851 }, [{ field: 'quality', code: 'points_range' }]],
    ['negative', { quality: -1 }, [{ field: 'quality', code: 'points_range' }]],
    ['finer than a hundredth', { quality: 10.5 }, [{ field: 'quality', code: 'points_range' }]],
    ['the price, which the system scores', { price: 7000 }, [{ field: 'price', code: 'unknown_part' }]],
    ['a bonus, which the evidence decides', { mipyme_bonus: 25 }, [{ field: 'mipyme_bonus', code: 'unknown_part' }]],
    ['a part the tender does not have', { experience: 100 }, [{ field: 'experience', code: 'unknown_part' }]],
  ])('%s', (_case, scores, expected) => {
    expect(committeeProblems(criteria, scores)).toEqual(expected);
  });
});

describe('scoreBids', () => {
  it('adds price, national-industry, bonus and committee points, so national industry can outweigh a lower price', () => {
    const scores = scoreBids(
      criteria,
      [
        bid('mipyme-nacional', {
          priceCop: '104000000',
          nationalStatus: 'national_good',
          mipyme: true,
          womenLed: true,
          committeeHundredths: { quality: 1700 },
        }),
        bid('grande-extranjera', {
          priceCop: '96000000',
          nationalStatus: 'foreign_with_component',
          nationalComponentPercent: 40,
          disabilityBonus: true,
          committeeHundredths: { quality: 1800 },
        }),
      ],
      options,
    );
    expect(scores).toEqual([
      { id: 'mipyme-nacional', price: 6462, nationalIndustry: 1000, bonuses: 50, committee: 1700, total: 9212 },
      { id: 'grande-extranjera', price: 7000, nationalIndustry: 500, bonuses: 100, committee: 1800, total: 9400 },
    ]);
    // 92,12 against 94,00: 8 % cheaper and better rated, the foreign-component firm still wins…
    expect(places(scores, byTotal)).toEqual([['grande-extranjera'], ['mipyme-nacional']]);
    // …but 4 % cheaper with the same quality, it loses on the national-industry points.
    const closer = scoreBids(
      criteria,
      [
        bid('mipyme-nacional', {
          priceCop: '100000000',
          nationalStatus: 'national_good',
          mipyme: true,
          committeeHundredths: { quality: 1800 },
        }),
        bid('grande-extranjera', {
          priceCop: '96000000',
          nationalStatus: 'foreign_with_component',
          nationalComponentPercent: 40,
          committeeHundredths: { quality: 1800 },
        }),
      ],
      options,
    );
    expect(closer.map((s) => s.total)).toEqual([6720 + 1000 + 25 + 1800, 7000 + 500 + 1800]);
    expect(places(closer, byTotal)).toEqual([['mipyme-nacional'], ['grande-extranjera']]);
  });

  it('scores nothing when no bid is eligible', () => {
    expect(scoreBids(criteria, [], options)).toEqual([]);
  });
});

describe('places', () => {
  const score = (id: string, total: number): BidScore => ({ id, price: 0, nationalIndustry: 0, bonuses: 0, committee: 0, total });

  it.each([
    ['distinct totals', [score('a', 9000), score('b', 9500)], [['b'], ['a']]],
    ['a tie for first', [score('a', 9000), score('b', 9000), score('c', 8000)], [['a', 'b'], ['c']]],
    ['a tie further down', [score('a', 9900), score('b', 8000), score('c', 8000)], [['a'], ['b', 'c']]],
  ])('by total: %s', (_case, scores, expected) => {
    expect(places(scores, byTotal)).toEqual(expected);
  });

  it('ranks mínima cuantía by price alone, lowest first, equal prices tied', () => {
    const bids = [bid('a', { priceCop: '5000000' }), bid('b', { priceCop: '4800000' }), bid('c', { priceCop: '5000000' })];
    expect(places(bids, byPrice)).toEqual([['b'], ['a', 'c']]);
  });
});
