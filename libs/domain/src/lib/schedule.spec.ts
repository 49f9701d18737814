import { ScheduleRule, defaultSchedule, extendForAdenda, scheduleProblems } from './schedule';

/** Licitación pública defaults as shipped (reference data, "confirm"). */
const LICITACION: ScheduleRule = {
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
const MINIMA: ScheduleRule = {
  draftBeforeOpening: null,
  observationsBeforeOpening: null,
  mipymeRequestBeforeOpening: null,
  openingToClosing: 2,
  questionsBeforeClosing: 1,
  closingToReport: 1,
  commentDays: 1,
  reportToAward: 1,
  adendaBeforeClosing: 1,
};

describe('defaultSchedule', () => {
  it('counts Colombian business days around an opening, skipping weekends and festivos', () => {
    expect(defaultSchedule('2026-11-24', LICITACION)).toEqual({
      draftPublication: '2026-11-09', // 10 business days before; 16 Nov is a festivo
      observationsDeadline: '2026-11-20',
      mipymeRequestDeadline: '2026-11-23',
      opening: '2026-11-24',
      questionsDeadline: '2026-12-03',
      closing: '2026-12-09', // 10 business days after; 8 Dec is a festivo
      evaluationReport: '2026-12-16',
      commentPeriodEnd: '2026-12-23',
      award: '2026-12-29', // 25 Dec is a festivo
    });
  });

  it('moves an opening on a festivo to the next business day and leaves out steps the modality lacks', () => {
    expect(defaultSchedule('2026-12-08', MINIMA)).toEqual({
      opening: '2026-12-09',
      questionsDeadline: '2026-12-10',
      closing: '2026-12-11',
      evaluationReport: '2026-12-14',
      commentPeriodEnd: '2026-12-15',
      award: '2026-12-16',
    });
  });
});

describe('scheduleProblems', () => {
  const base = defaultSchedule('2026-11-24', LICITACION);

  it.each<[string, Partial<Record<string, string | undefined>>, ScheduleRule, [string, string][]]>([
    ['the default schedule', {}, LICITACION, []],
    [
      'a later closing',
      { closing: '2026-12-10', evaluationReport: '2026-12-17', commentPeriodEnd: '2026-12-24', award: '2026-12-30' },
      LICITACION,
      [],
    ],
    [
      'a closing on a festivo, too soon, with questions left too close to it',
      { closing: '2026-12-08' },
      LICITACION,
      [
        ['closing', 'not_business_day'],
        ['closing', 'too_soon'],
        ['questionsDeadline', 'too_soon'],
      ],
    ],
    [
      'a closing before the opening',
      { closing: '2026-11-23' },
      LICITACION,
      [
        ['closing', 'out_of_order'],
        ['closing', 'too_soon'],
        ['questionsDeadline', 'too_soon'],
      ],
    ],
    ['draft terms published too late', { draftPublication: '2026-11-13' }, LICITACION, [['opening', 'too_soon']]],
    [
      'questions open until two business days before closing',
      { questionsDeadline: '2026-12-07' },
      LICITACION,
      [['questionsDeadline', 'too_soon']],
    ],
    ['no closing date', { closing: undefined }, LICITACION, [['closing', 'missing']]],
    [
      'mínima cuantía without draft terms',
      { draftPublication: undefined, observationsDeadline: undefined, mipymeRequestDeadline: undefined },
      MINIMA,
      [],
    ],
  ])('%s', (_case, changes, rule, expected) => {
    const schedule = { ...base, ...changes } as typeof base;
    for (const [k, v] of Object.entries(changes)) if (v === undefined) delete (schedule as Record<string, string>)[k];
    expect(scheduleProblems(schedule, rule).map((p) => [p.milestone, p.code])).toEqual(expected);
  });
});

describe('scheduleProblems without a public call (contratación directa)', () => {
  it.each([
    [{ opening: '2026-11-24', closing: '2026-11-25' }, []],
    [{ opening: '2026-11-24', closing: '2026-11-24' }, [{ milestone: 'closing', code: 'out_of_order' }]],
    [{ opening: '2026-11-24', closing: '2026-12-08' }, [{ milestone: 'closing', code: 'not_business_day' }]],
  ])('%j', (schedule, expected) => {
    expect(scheduleProblems(schedule, null)).toEqual(expected);
  });
});

describe('extendForAdenda', () => {
  const schedule = defaultSchedule('2026-11-24', LICITACION);

  it.each([
    // [adenda issued on, closing after, extended]
    ['2026-12-03', '2026-12-09', false], // exactly 3 business days left (4, 7, 9 Dec; 8 Dec is a festivo)
    ['2026-12-04', '2026-12-10', true], // 2 left: closing moves to the 3rd business day after
    ['2026-12-09', '2026-12-14', true], // on the closing day itself
    ['2026-11-25', '2026-12-09', false],
  ])('an adenda on %s closes on %s (extended: %s)', (today, closing, extended) => {
    const result = extendForAdenda(schedule, today, LICITACION);
    expect(result.schedule.closing).toBe(closing);
    expect(result.extended).toBe(extended);
  });

  it('moves the steps after closing by the same business days and leaves the earlier ones', () => {
    const { schedule: moved } = extendForAdenda(schedule, '2026-12-09', LICITACION);
    expect(moved.opening).toBe(schedule.opening);
    expect(moved.questionsDeadline).toBe(schedule.questionsDeadline);
    // closing moved 3 business days (9 → 14 Dec), and so do the report (16 → 21) and the award (29 Dec → 4 Jan).
    expect(moved.evaluationReport).toBe('2026-12-21');
    expect(moved.award).toBe('2027-01-04'); // 1 Jan is a festivo
    expect(scheduleProblems(moved, LICITACION)).toEqual([]);
  });
});
