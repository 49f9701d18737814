import {
  FINAL_TENDER_STATES,
  TENDER_STATES,
  acceptsBids,
  allowedBuyerTransitions,
  bogotaInstant,
  canTransition,
  endOfBogotaDay,
  nextTenderStates,
} from './tender-lifecycle';

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

describe('buyer transitions', () => {
  it.each([
    ['draft', 'licitacion_publica', ['publish_draft']],
    ['draft', 'minima_cuantia', ['open']],
    ['published_draft', 'licitacion_publica', ['open', 'cancel']],
    ['open', 'licitacion_publica', ['cancel']], // closing is the clock's, not the buyer's
    ['closed', 'licitacion_publica', ['start_evaluation', 'cancel']],
    ['under_evaluation', 'concurso_de_meritos', ['declare_void', 'cancel']], // award comes with the evaluation
    ['awarded', 'licitacion_publica', []],
  ] as const)('from %s in %s: %j', (from, modality, expected) => {
    expect(allowedBuyerTransitions(from, modality)).toEqual(expected);
  });
});

describe('acceptsBids', () => {
  const closingAt = bogotaInstant('2026-12-09', '17:00');
  it.each([
    ['open', '2026-12-09T21:59:59.999Z', true],
    ['open', '2026-12-09T22:00:00.000Z', false], // 17:00 in Bogotá is 22:00 UTC
    ['open', '2026-12-09T22:00:01.000Z', false],
    ['published_draft', '2026-12-01T12:00:00.000Z', false],
    ['closed', '2026-12-01T12:00:00.000Z', false],
  ] as const)('%s at %s: %s', (state, now, expected) => {
    expect(acceptsBids(state, closingAt, new Date(now))).toBe(expected);
  });
});

describe('Bogotá instants', () => {
  it('reads a date and time of day in UTC−5', () => {
    expect(bogotaInstant('2026-12-09', '17:00').toISOString()).toBe('2026-12-09T22:00:00.000Z');
    expect(bogotaInstant('2026-12-31', '23:30').toISOString()).toBe('2027-01-01T04:30:00.000Z');
    expect(endOfBogotaDay('2026-11-23').toISOString()).toBe('2026-11-24T04:59:59.999Z');
  });

  it.each(['24:00', '7:00', '17:60', ''])('refuses the time of day %j', (time) => {
    expect(() => bogotaInstant('2026-12-09', time)).toThrow(RangeError);
  });
});
