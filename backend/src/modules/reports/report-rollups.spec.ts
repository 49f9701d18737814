import { ALL_DIMENSIONS, ROLLUP_SETS, rollupSetFor } from './report-facts';
import { monthMasks } from './reports.service';

describe('report rollups', () => {
  it('keeps none, each one, each pair and all five dimensions', () => {
    expect(ROLLUP_SETS).toHaveLength(1 + 5 + 10 + 1);
    expect(new Set(ROLLUP_SETS).size).toBe(ROLLUP_SETS.length);
  });

  it.each([
    [0, 0],
    [2, 2], // department
    [2 | 8, 10], // department and productive bet
    [1 | 16, 17], // buyer and modality
    [2 | 8 | 16, ALL_DIMENSIONS], // three dimensions read all five
  ])('reads set %i from set %i', (bits, set) => expect(rollupSetFor(bits)).toBe(set));
});

describe('monthMasks', () => {
  it.each([
    ['2026-01-01', '2026-12-31', [{ year: 2026, mask: 0b111111111111 }]],
    ['2026-04-01', '2026-06-30', [{ year: 2026, mask: 0b000000111000 }]],
    ['2026-03-15', '2026-03-20', [{ year: 2026, mask: 0b000000000100 }]],
    [
      '2025-11-01',
      '2026-02-28',
      [
        { year: 2025, mask: 0b110000000000 },
        { year: 2026, mask: 0b000000000011 },
      ],
    ],
  ])('%s to %s', (from, to, expected) => expect(monthMasks(from, to)).toEqual(expected));
});
