import { FINAL_TENDER_STATES, TENDER_STATES, canTransition, nextTenderStates } from './tender-lifecycle';

describe('tender lifecycle', () => {
  it.each([
    ['draft', 'licitacion_publica', ['published_draft']],
    ['draft', 'concurso_de_meritos', ['published_draft']],
    ['draft', 'minima_cuantia', ['open']],
    ['published_draft', 'licitacion_publica', ['open', 'cancelled']],
    ['open', 'licitacion_publica', ['closed', 'cancelled']],
    ['closed', 'licitacion_publica', ['under_evaluation', 'cancelled']],
    ['under_evaluation', 'licitacion_publica', ['awarded', 'void', 'cancelled']],
    ['awarded', 'licitacion_publica', []],
    ['void', 'minima_cuantia', []],
    ['cancelled', 'licitacion_publica', []],
  ] as const)('from %s in %s: %j', (from, modality, next) => {
    expect(nextTenderStates(from, modality)).toEqual(next);
  });

  it.each([
    ['open', 'awarded'],
    ['closed', 'open'],
    ['draft', 'closed'],
    ['awarded', 'cancelled'],
    ['published_draft', 'closed'],
  ] as const)('never goes from %s to %s', (from, to) => {
    expect(canTransition(from, to, 'licitacion_publica')).toBe(false);
  });

  it('reaches every state, and leaves none but the final ones without a way on', () => {
    const reached = new Set<string>(['draft']);
    for (const modality of ['licitacion_publica', 'minima_cuantia'] as const) {
      for (const from of TENDER_STATES) for (const to of nextTenderStates(from, modality)) reached.add(to);
    }
    expect([...reached].sort()).toEqual([...TENDER_STATES].sort());
    const deadEnds = TENDER_STATES.filter((s) => nextTenderStates(s, 'licitacion_publica').length === 0);
    expect(deadEnds).toEqual(FINAL_TENDER_STATES);
  });
});
