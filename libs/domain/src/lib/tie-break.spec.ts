import { createHash } from 'node:crypto';
import { LEY_2069_TIE_BREAK, TIE_BREAK_FACTORS, TieBreakBidder, TieBreakFactor, breakTie, seededDraw } from './tie-break';

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');
const draw = seededDraw('acta-2026-0042', sha256Hex);

/** A bidder meeting no factor. */
const bidder = (id: string, over: Partial<TieBreakBidder> = {}): TieBreakBidder => ({
  id,
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
  ...over,
});

describe('breakTie (Ley 2069 de 2020 art. 35)', () => {
  // Each factor decides at least one case: only "a" meets it, "b" meets none.
  const decidingCases: [TieBreakFactor, Partial<TieBreakBidder>][] = [
    ['national_offer', { nationalOffer: true }],
    ['woman_head_of_household', { womanHeadOfHousehold: true }],
    ['disability_payroll', { disabilityPayrollPercent: 10 }],
    ['older_workers', { olderWorkersPercent: 3.5 }],
    ['ethnic_payroll', { ethnicPayrollPercent: 12 }],
    ['reincorporation', { reincorporation: true }],
    ['plural_vulnerable_member', { pluralVulnerableMember: true }],
    ['mipyme', { mipyme: true }],
    ['plural_small_firms', { pluralSmallFirms: true }],
    ['mipyme_payments', { mipymePaymentsPercent: 25 }],
    ['bic_mipyme', { bicMipyme: true }],
  ];

  it('covers every factor of the law in its order', () => {
    expect(decidingCases.map(([factor]) => factor)).toEqual([...TIE_BREAK_FACTORS]);
  });

  it.each(decidingCases)('%s decides when only one bidder meets it', (factor, facts) => {
    const outcome = breakTie([bidder('b'), bidder('a', facts)], LEY_2069_TIE_BREAK, draw);
    expect(outcome.ranking).toEqual(['a', 'b']);
    expect(outcome.decidedBy).toBe(factor);
    expect(outcome.trail.at(-1)).toEqual({ factor, met: ['a'] });
    expect(outcome.trail.slice(0, -1).every((step) => step.met.length === 0)).toBe(true);
  });

  it.each([
    ['disability payroll just under the threshold', { disabilityPayrollPercent: 9.9 }],
    ['ethnic payroll just under the threshold', { ethnicPayrollPercent: 9 }],
    ['payments to mipymes just under the threshold', { mipymePaymentsPercent: 24.9 }],
  ])('%s meets nothing, so the draw decides', (_case, facts) => {
    const outcome = breakTie([bidder('a', facts), bidder('b')], LEY_2069_TIE_BREAK, draw);
    expect(outcome.decidedBy).toBe('random_draw');
    expect(outcome.trail).toHaveLength(TIE_BREAK_FACTORS.length);
  });

  it('keeps only those meeting a shared factor: a later factor cannot lift a foreign offer over national ones', () => {
    const outcome = breakTie(
      [
        bidder('national-1', { nationalOffer: true }),
        bidder('national-2', { nationalOffer: true, mipyme: true }),
        bidder('foreign', { womanHeadOfHousehold: true }),
      ],
      LEY_2069_TIE_BREAK,
      draw,
    );
    expect(outcome.ranking[0]).toBe('national-2');
    expect(outcome.decidedBy).toBe('mipyme');
    expect(outcome.trail.map((s) => s.met)).toEqual([['national-1', 'national-2'], [], [], [], [], [], [], ['national-2']]);
    // Second place is the tie of the other two, broken again: national first.
    expect(outcome.ranking).toEqual(['national-2', 'national-1', 'foreign']);
  });

  it('gives factor 4 to the single highest share of older workers, and goes on when the highest is shared', () => {
    expect(
      breakTie([bidder('a', { olderWorkersPercent: 2 }), bidder('b', { olderWorkersPercent: 4 })], LEY_2069_TIE_BREAK, draw).ranking,
    ).toEqual(['b', 'a']);
    const shared = breakTie(
      [
        bidder('a', { olderWorkersPercent: 4 }),
        bidder('b', { olderWorkersPercent: 4, bicMipyme: true }),
        bidder('c', { olderWorkersPercent: 1, bicMipyme: true }),
      ],
      LEY_2069_TIE_BREAK,
      draw,
    );
    expect(shared.ranking[0]).toBe('b');
    expect(shared.decidedBy).toBe('bic_mipyme');
  });

  it('follows the order of the rule version it is given', () => {
    const facts = [bidder('woman', { womanHeadOfHousehold: true }), bidder('mipyme', { mipyme: true })];
    expect(breakTie(facts, LEY_2069_TIE_BREAK, draw).ranking[0]).toBe('woman');
    const reordered = { ...LEY_2069_TIE_BREAK, order: ['mipyme', 'woman_head_of_household'] as TieBreakFactor[] };
    expect(breakTie(facts, reordered, draw).ranking[0]).toBe('mipyme');
  });

  it('refuses a "tie" of one bidder', () => {
    expect(() => breakTie([bidder('a')], LEY_2069_TIE_BREAK, draw)).toThrow('at least two');
  });
});

describe('seededDraw (factor 12)', () => {
  const ids = ['f2b1c3', '0a9e77', '77d0aa', 'c0ffee'];

  it('is the order of SHA-256 of "seed:id", which anyone can repeat', () => {
    const expected = [...ids].sort((a, b) => (sha256Hex(`acta-2026-0042:${a}`) < sha256Hex(`acta-2026-0042:${b}`) ? -1 : 1));
    expect(draw(ids)).toEqual(expected);
    // The published seed gives the same order however the bids are listed.
    expect(draw([...ids].reverse())).toEqual(expected);
    expect(seededDraw('acta-2026-0042', sha256Hex)(ids)).toEqual(expected);
  });

  it('gives another order for another seed', () => {
    const orders = new Set(['a', 'b', 'c', 'd', 'e'].map((seed) => seededDraw(seed, sha256Hex)(ids).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('decides a tie nothing else breaks, and reports the drawn order', () => {
    const outcome = breakTie(
      ids.map((id) => bidder(id)),
      LEY_2069_TIE_BREAK,
      draw,
    );
    expect(outcome.decidedBy).toBe('random_draw');
    expect(outcome.drawOrder).toEqual(draw(ids));
    expect(outcome.ranking).toEqual(draw(ids));
  });
});
