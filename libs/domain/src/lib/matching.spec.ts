import { MatchCandidate, MatchLot, MatchTender, matchSupplier } from './matching';

const lot = (over: Partial<MatchLot> = {}): MatchLot => ({
  position: 1,
  classes: ['432115'],
  reservedForMipymes: false,
  reservedForEconomiaPopular: false,
  territorialLimitation: null,
  ...over,
});

const tender = (over: Partial<MatchTender> = {}): MatchTender => ({
  department: '05',
  limitedToMipymes: false,
  territorial: null,
  lots: [lot()],
  ...over,
});

const supplier = (over: Partial<MatchCandidate> = {}): MatchCandidate => ({
  classes: ['432115'],
  domicileDepartment: '05',
  domicileMunicipality: '05001',
  coverage: { scope: 'departments', codes: ['05'] },
  mipyme: true,
  economiaPopular: false,
  ...over,
});

describe('matchSupplier', () => {
  it.each([
    ['same class, in the department', tender(), supplier(), 100, ['class_match', 'operates_in']],
    ['same family only', tender(), supplier({ classes: ['432199'] }), 70, ['family_match', 'operates_in']],
    [
      'national coverage from elsewhere',
      tender(),
      supplier({ domicileDepartment: '11', coverage: { scope: 'national', codes: [] } }),
      90,
      ['class_match', 'national_coverage'],
    ],
    [
      'covers a municipality of the department',
      tender(),
      supplier({ domicileDepartment: '11', coverage: { scope: 'municipalities', codes: ['05088'] } }),
      100,
      ['class_match', 'operates_in'],
    ],
    [
      'reserved lot, mipyme',
      tender({ lots: [lot({ reservedForMipymes: true })] }),
      supplier(),
      100,
      ['class_match', 'operates_in', 'reserved_mipymes'],
    ],
    [
      'strong on one lot, weak on another',
      tender({ lots: [lot(), lot({ position: 2, classes: ['432199'] })] }),
      supplier(),
      100,
      ['class_match', 'family_match', 'operates_in'],
    ],
  ])('%s', (_name, t, s, score, codes) => {
    const match = matchSupplier(t, s);
    expect(match?.score).toBe(score);
    expect(match?.reasons.map((r) => r.code)).toEqual(codes);
  });

  it.each([
    ['another segment', tender(), supplier({ classes: ['461816'] })],
    [
      'another department, no national coverage',
      tender(),
      supplier({ domicileDepartment: '11', coverage: { scope: 'departments', codes: ['11'] } }),
    ],
    ['lot reserved for mipymes, large firm', tender({ lots: [lot({ reservedForMipymes: true })] }), supplier({ mipyme: false })],
    ['lot reserved for the economía popular', tender({ lots: [lot({ reservedForEconomiaPopular: true })] }), supplier()],
    ['call limited to mipymes, large firm', tender({ limitedToMipymes: true }), supplier({ mipyme: false })],
    [
      'lot limited to a municipality elsewhere',
      tender({ lots: [lot({ territorialLimitation: { scope: 'municipality', codes: ['05088'] } })] }),
      supplier(),
    ],
  ])('no match: %s', (_name, t, s) => {
    expect(matchSupplier(t, s)).toBeNull();
  });

  it('names the lots it matches and the class that matched', () => {
    const match = matchSupplier(
      tender({ lots: [lot({ classes: ['461816'] }), lot({ position: 2, classes: ['111622', '432115'] })] }),
      supplier(),
    );
    expect(match).toEqual({
      score: 100,
      lots: [2],
      reasons: [
        { code: 'class_match', lot: 2, unspsc: '432115' },
        { code: 'operates_in', department: '05' },
      ],
    });
  });
});
