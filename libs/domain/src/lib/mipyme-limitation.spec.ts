import { LimitationInput, LimitationRequest, mipymeLimitation } from './mipyme-limitation';

/** COP 532.338.092: the published USD 125.000 figure (RULES.md §2, biennium to confirm). */
const THRESHOLD = 532_338_092;
const ok = (id: string, over: Partial<LimitationRequest> = {}): LimitationRequest => ({
  id,
  receivedOn: '2026-11-20',
  colombian: true,
  mipyme: true,
  constitutedOn: '2019-05-01',
  documentsComplete: true,
  ...over,
});
const input = (over: Partial<LimitationInput> = {}): LimitationInput => ({
  modality: 'seleccion_abreviada_menor_cuantia',
  estimatedValueCop: 400_000_000,
  thresholdCop: THRESHOLD,
  requestDeadline: '2026-11-23',
  requests: [ok('a'), ok('b')],
  ...over,
});

describe('mipymeLimitation (Decreto 1860 de 2021)', () => {
  it.each<[string, Partial<LimitationInput>, boolean, boolean]>([
    ['below the threshold, two valid requests', {}, true, true],
    ['one peso below the threshold', { estimatedValueCop: THRESHOLD - 1 }, true, true],
    ['at the threshold (not below)', { estimatedValueCop: THRESHOLD }, false, false],
    ['above the threshold', { estimatedValueCop: THRESHOLD + 1 }, false, false],
    ['one valid request', { requests: [ok('a')] }, true, false],
    ['no request', { requests: [] }, true, false],
    ['three valid requests', { requests: [ok('a'), ok('b'), ok('c')] }, true, true],
    ['contratación directa has no call to limit', { modality: 'contratacion_directa' }, false, false],
    ['mínima cuantía', { modality: 'minima_cuantia' }, true, true],
    ['a special-regime buyer (art. 34)', { modality: 'regimen_especial' }, true, true],
    ['a firm less than a year old does not count', { requests: [ok('a'), ok('b', { constitutedOn: '2025-11-21' })] }, true, false],
    ['a firm exactly one year old counts', { requests: [ok('a'), ok('b', { constitutedOn: '2025-11-20' })] }, true, true],
    ['a non-mipyme request does not count', { requests: [ok('a'), ok('b', { mipyme: false })] }, true, false],
    ['a foreign firm does not count', { requests: [ok('a'), ok('b', { colombian: false })] }, true, false],
    ['a late request does not count', { requests: [ok('a'), ok('b', { receivedOn: '2026-11-24' })] }, true, false],
    ['a request without its documents does not count', { requests: [ok('a'), ok('b', { documentsComplete: false })] }, true, false],
  ])('%s', (_case, over, susceptible, limited) => {
    const outcome = mipymeLimitation(input(over));
    expect([outcome.susceptible, outcome.limited]).toEqual([susceptible, limited]);
  });

  it('says which requests count and why the others do not', () => {
    const outcome = mipymeLimitation(
      input({
        requests: [
          ok('a'),
          ok('b', { mipyme: false, constitutedOn: null }),
          ok('c', { receivedOn: '2026-12-01', documentsComplete: false }),
        ],
      }),
    );
    expect(outcome.validRequestIds).toEqual(['a']);
    expect(outcome.refused).toEqual([
      { id: 'b', reasons: ['not_mipyme', 'younger_than_one_year'] },
      { id: 'c', reasons: ['late', 'documents_missing'] },
    ]);
  });
});
