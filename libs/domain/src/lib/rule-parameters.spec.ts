import { LEY_2069_TIE_BREAK } from './tie-break';
import { currentVersions, ruleParameterProblems } from './rule-parameters';

const THRESHOLDS = {
  manufactura: { micro: 23_563, pequena: 204_995, mediana: 1_736_565 },
  servicios: { micro: 32_988, pequena: 131_951, mediana: 483_034 },
  comercio: { micro: 44_769, pequena: 431_196, mediana: 2_160_692 },
};

const RULE = {
  draftBeforeOpening: 10,
  observationsBeforeOpening: 2,
  mipymeRequestBeforeOpening: 1,
  openingToClosing: 10,
  questionsBeforeClosing: 3,
  closingToReport: 5,
  commentDays: 5,
  reportToAward: 3,
  adendaBeforeClosing: 3,
};
const SCHEDULES = {
  licitacion_publica: RULE,
  seleccion_abreviada_menor_cuantia: RULE,
  seleccion_abreviada_subasta_inversa: RULE,
  concurso_de_meritos: RULE,
  minima_cuantia: { ...RULE, draftBeforeOpening: null, observationsBeforeOpening: null, mipymeRequestBeforeOpening: null },
  contratacion_directa: null,
  regimen_especial: RULE,
};

describe('ruleParameterProblems', () => {
  it.each<[string, string, unknown, [string, string][]]>([
    ['uvt', '2026', 52_374, []],
    ['uvt', '26', 52_374, [['period', 'period_format']]],
    ['uvt', '2026', 523.74, [['value', 'positive_integer']]],
    ['smmlv', '2026', 0, [['value', 'positive_integer']]],
    ['size_thresholds', 'all', THRESHOLDS, []],
    ['size_thresholds', '2026', THRESHOLDS, [['period', 'period_format']]],
    [
      'size_thresholds',
      'all',
      { ...THRESHOLDS, servicios: { micro: 5, pequena: 4, mediana: 6 } },
      [['value.servicios', 'thresholds_order']],
    ],
    [
      'size_thresholds',
      'all',
      { ...THRESHOLDS, comercio: { micro: 1 } },
      [
        ['value.comercio.pequena', 'positive_integer'],
        ['value.comercio.mediana', 'positive_integer'],
      ],
    ],
    ['mipyme_call_threshold', '2024-2025', { usd: 125_000, cop: 532_338_092 }, []],
    ['mipyme_call_threshold', '2024-2026', { usd: 125_000, cop: 532_338_092 }, [['period', 'period_format']]],
    ['mipyme_call_threshold', '2024-2025', { usd: 125_000 }, [['value.cop', 'positive_integer']]],
    [
      'menor_cuantia_bands',
      'all',
      [
        { fromSmmlv: 0, menorCuantiaSmmlv: 280 },
        { fromSmmlv: 120_000, menorCuantiaSmmlv: 450 },
      ],
      [],
    ],
    ['menor_cuantia_bands', 'all', [{ fromSmmlv: 10, menorCuantiaSmmlv: 280 }], [['value', 'bands_order']]],
    [
      'menor_cuantia_bands',
      'all',
      [
        { fromSmmlv: 0, menorCuantiaSmmlv: 450 },
        { fromSmmlv: 120_000, menorCuantiaSmmlv: 280 },
      ],
      [['value', 'bands_order']],
    ],
    ['menor_cuantia_bands', 'all', [], [['value', 'required']]],
    ['schedule_defaults', 'all', SCHEDULES, []],
    [
      'schedule_defaults',
      'all',
      { ...SCHEDULES, minima_cuantia: { ...SCHEDULES.licitacion_publica, openingToClosing: -1 } },
      [['value.minima_cuantia.openingToClosing', 'business_days']],
    ],
    ['schedule_defaults', 'all', { ...SCHEDULES, concurso_de_meritos: undefined }, [['value.concurso_de_meritos', 'required']]],
    [
      'schedule_defaults',
      'all',
      { ...SCHEDULES, licitacion_publica: { ...SCHEDULES.licitacion_publica, closingToReport: null } },
      [['value.licitacion_publica.closingToReport', 'business_days']],
    ],
    ['tie_break', 'all', LEY_2069_TIE_BREAK, []],
    ['tie_break', 'all', { ...LEY_2069_TIE_BREAK, order: [...LEY_2069_TIE_BREAK.order].reverse() }, []],
    [
      'tie_break',
      'all',
      { ...LEY_2069_TIE_BREAK, order: ['mipyme', ...LEY_2069_TIE_BREAK.order.slice(1)] },
      [['value.order', 'factor_order']],
    ],
    ['tie_break', 'all', { ...LEY_2069_TIE_BREAK, order: LEY_2069_TIE_BREAK.order.slice(1) }, [['value.order', 'factor_order']]],
    [
      'tie_break',
      'all',
      { ...LEY_2069_TIE_BREAK, ethnicPayrollMinPercent: 0, mipymePaymentsMinPercent: 101 },
      [
        ['value.ethnicPayrollMinPercent', 'percent'],
        ['value.mipymePaymentsMinPercent', 'percent'],
      ],
    ],
    ['tie_break', '2026', LEY_2069_TIE_BREAK, [['period', 'period_format']]],
  ])('%s %s %j → %j', (parameter, period, value, expected) => {
    expect(ruleParameterProblems(parameter, period, value).map((p) => [p.field, p.code])).toEqual(expected);
  });
});

describe('currentVersions', () => {
  const v = (id: string, period: string, validFrom: string, createdAt: string) => ({ id, period, validFrom, createdAt });
  const versions = [
    v('a', '2025', '2025-01-01', '2024-12-01T00:00:00Z'),
    v('b', '2025', '2025-01-01', '2025-03-01T00:00:00Z'),
    v('c', '2026', '2026-01-01', '2025-12-01T00:00:00Z'),
    v('d', '2026', '2027-01-01', '2026-06-01T00:00:00Z'),
  ];

  it.each([
    ['2026-11-24', ['b', 'c']],
    ['2025-06-01', ['b']],
    ['2027-02-01', ['b', 'd']],
    ['2024-06-01', []],
  ])('on %s the versions in force are %j (a later correction wins; a future one waits)', (today, ids) => {
    expect(
      currentVersions(versions, today)
        .map((x) => x.id)
        .sort(),
    ).toEqual(ids);
  });
});
