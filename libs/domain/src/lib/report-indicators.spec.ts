import {
  EMPTY_TOTALS,
  ReportTotals,
  averageHundredths,
  deriveIndicators,
  meetsFoodMinimum,
  pointChangeBp,
  previousPeriod,
  relativeChangeBp,
  shareBp,
  sumTotals,
} from './report-indicators';

const totals = (over: Partial<ReportTotals>): ReportTotals => ({ ...EMPTY_TOTALS, ...over });

describe('shareBp', () => {
  it.each([
    ['1', '3', 3333],
    ['2', '3', 6667],
    ['1', '8', 1250],
    ['0', '5', 0],
    ['5', '5', 10000],
    ['1', '0', null],
    // Beyond 2^53: BigInt keeps it exact.
    ['450000000000000000', '900000000000000000', 5000],
  ])('%s of %s is %s bp', (part, whole, expected) => expect(shareBp(part, whole)).toBe(expected));
});

describe('averageHundredths', () => {
  it.each([
    ['7', '2', 350],
    ['1', '3', 33],
    ['2', '3', 67],
    ['0', '0', null],
  ])('%s over %s is %s hundredths', (total, count, expected) => expect(averageHundredths(total, count)).toBe(expected));
});

describe('deriveIndicators', () => {
  const t = totals({
    lots: '4',
    awardedLots: '3',
    voidLots: '1',
    bids: '9',
    processes: '2',
    voidProcesses: '1',
    singleBidderProcesses: '1',
    processBidders: '5',
    limitedProcesses: '1',
    estimatedValueCop: '1200',
    awardedValueCop: '1000',
    nationalValueCop: '600',
    microValueCop: '100',
    pequenaValueCop: '200',
    medianaValueCop: '300',
    economiaPopularValueCop: '50',
    womenLedValueCop: '250',
    cooperativeValueCop: '0',
    localValueCop: '400',
    limitedValueCop: '300',
    foodValueCop: '200',
    foodAcfcValueCop: '50',
  });
  const derived = deriveIndicators(t);

  it.each([
    ['nationalShare', 6000],
    ['mipymeShare', 6000],
    ['microShare', 1000],
    ['pequenaShare', 2000],
    ['medianaShare', 3000],
    ['economiaPopularShare', 500],
    ['womenLedShare', 2500],
    ['cooperativeShare', 0],
    ['localShare', 4000],
    ['singleBidderShare', 5000],
    ['voidShare', 5000],
    ['savingsShare', 1667],
    ['foodAcfcShare', 2500],
  ] as const)('%s = %s bp', (name, bp) => expect(derived.shares[name]).toBe(bp));

  it('counts, savings and averages', () => {
    expect(derived).toMatchObject({
      awardedValueCop: '1000',
      awardedCount: 3,
      processes: 2,
      limitedProcesses: 1,
      limitedValueCop: '300',
      savingsCop: '200',
      biddersPerProcess: 250,
      bidsPerLot: 225,
    });
  });

  it('has no shares over nothing awarded', () => {
    expect(Object.values(deriveIndicators(EMPTY_TOTALS).shares).every((s) => s === null)).toBe(true);
  });
});

describe('changes against the previous period', () => {
  it.each([
    ['150', '100', 5000],
    ['50', '100', -5000],
    ['100', '100', 0],
    ['100', '0', null],
  ])('%s after %s is %s bp', (current, previous, expected) => expect(relativeChangeBp(current, previous)).toBe(expected));

  it('compares shares in points', () => {
    expect(pointChangeBp(4500, 4000)).toBe(500);
    expect(pointChangeBp(null, 4000)).toBeNull();
  });
});

describe('Ley 2046 food minimum', () => {
  it.each([
    ['300', '1000', true],
    ['299', '1000', false],
    ['0', '0', null],
  ])('%s of %s from small farmers meets it: %s', (acfc, food, expected) =>
    expect(meetsFoodMinimum({ foodAcfcValueCop: acfc, foodValueCop: food })).toBe(expected),
  );
});

describe('previousPeriod', () => {
  it.each([
    ['2026-01-01', '2026-12-31', '2025-01-01', '2025-12-31'],
    ['2026-04-01', '2026-06-30', '2026-01-01', '2026-03-31'],
    ['2026-03-01', '2026-03-31', '2026-02-01', '2026-02-28'],
    ['2026-03-10', '2026-03-19', '2026-02-28', '2026-03-09'],
  ])('before %s…%s comes %s…%s', (from, to, prevFrom, prevTo) => expect(previousPeriod(from, to)).toEqual({ from: prevFrom, to: prevTo }));
});

it('sums totals exactly', () => {
  expect(sumTotals([totals({ awardedValueCop: '9007199254740993' }), totals({ awardedValueCop: '2' })]).awardedValueCop).toBe(
    '9007199254740995',
  );
});
