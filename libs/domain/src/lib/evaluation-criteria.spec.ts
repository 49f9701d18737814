import { EvaluationCriteria, criteriaProblems } from './evaluation-criteria';

/** A usual split of 100 points: price, quality, the two 0,25 bonuses, 1 point for disability payroll, national industry. */
const criteria = (over: Partial<EvaluationCriteria> = {}): EvaluationCriteria => ({
  totalPoints: 100,
  parts: [
    { key: 'price', points: 60 },
    { key: 'quality', points: 18.5 },
    { key: 'mipyme', points: 0.25 },
    { key: 'women_led', points: 0.25 },
    { key: 'disability', points: 1 },
  ],
  nationalIndustryPoints: 20,
  foreignComponentPoints: 10,
  ...over,
});

describe('criteriaProblems (Ley 816 de 2003)', () => {
  it.each<[string, Partial<EvaluationCriteria>, [string, string][]]>([
    ['a usual split', {}, []],
    ['national industry at 10%', { nationalIndustryPoints: 10, parts: [{ key: 'price', points: 90 }] }, []],
    [
      'national industry below 10%',
      { nationalIndustryPoints: 9.75, parts: [{ key: 'price', points: 90.25 }] },
      [['nationalIndustryPoints', 'national_industry_band']],
    ],
    [
      'national industry above 20%',
      { nationalIndustryPoints: 20.25, parts: [{ key: 'price', points: 79.75 }] },
      [['nationalIndustryPoints', 'national_industry_band']],
    ],
    ['foreign components at 5%', { foreignComponentPoints: 5 }, []],
    ['foreign components at 15%', { foreignComponentPoints: 15 }, []],
    ['foreign components below 5%', { foreignComponentPoints: 4.75 }, [['foreignComponentPoints', 'foreign_component_band']]],
    ['foreign components above 15%', { foreignComponentPoints: 15.25 }, [['foreignComponentPoints', 'foreign_component_band']]],
    ['parts that do not add up to the total', { nationalIndustryPoints: 19.75 }, [['parts', 'total_mismatch']]],
    [
      'a 1 000-point scale',
      { totalPoints: 1000, parts: [{ key: 'price', points: 850 }], nationalIndustryPoints: 150, foreignComponentPoints: 50 },
      [],
    ],
    [
      'thousandths of a point',
      {
        parts: [
          { key: 'price', points: 79.999 },
          { key: 'x', points: 0.001 },
        ],
      },
      [
        ['parts.0.points', 'points_format'],
        ['parts.1.points', 'points_format'],
      ],
    ],
    ['negative points', { foreignComponentPoints: -1 }, [['foreignComponentPoints', 'points_format']]],
    ['no total', { totalPoints: 0, parts: [], nationalIndustryPoints: 0, foreignComponentPoints: 0 }, [['totalPoints', 'points_format']]],
  ])('%s', (_case, over, expected) => {
    expect(criteriaProblems(criteria(over)).map((p) => [p.field, p.code])).toEqual(expected);
  });
});
