import { fieldChanges, requiresReconfirmation } from './field-changes';

const tender = {
  title: 'Dotación',
  schedule: { opening: '2026-11-24', closing: '2026-12-09' },
  lots: [
    { title: 'Botas', unspscClasses: ['461816'], estimatedValueCop: '1000' },
    { title: 'Overoles', unspscClasses: ['531027'], estimatedValueCop: '2000' },
  ],
};

describe('fieldChanges', () => {
  it.each([
    ['nothing changed', tender, []],
    ['a text', { ...tender, title: 'Dotación 2027' }, [{ path: 'title', before: 'Dotación', after: 'Dotación 2027' }]],
    [
      'the closing date',
      { ...tender, schedule: { ...tender.schedule, closing: '2026-12-14' } },
      [{ path: 'schedule.closing', before: '2026-12-09', after: '2026-12-14' }],
    ],
    [
      "a lot's value and classes",
      { ...tender, lots: [tender.lots[0], { ...tender.lots[1], unspscClasses: ['531027', '531028'], estimatedValueCop: '2500' }] },
      [
        { path: 'lots.1.unspscClasses', before: ['531027'], after: ['531027', '531028'] },
        { path: 'lots.1.estimatedValueCop', before: '2000', after: '2500' },
      ],
    ],
    ['a lot removed', { ...tender, lots: [tender.lots[0]] }, [{ path: 'lots.1', before: tender.lots[1], after: null }]],
    [
      'a lot added',
      { ...tender, lots: [...tender.lots, { title: 'Guantes' }] },
      [{ path: 'lots.2', before: null, after: { title: 'Guantes' } }],
    ],
    ['a field that appears', { ...tender, productiveBet: 'health' }, [{ path: 'productiveBet', before: null, after: 'health' }]],
    ['an optional field sent as null that was missing', { ...tender, productiveBet: null }, []],
  ])('%s', (_, after, expected) => {
    expect(fieldChanges(tender, after)).toEqual(expected);
  });
});

describe('requiresReconfirmation', () => {
  it.each([
    [['title'], false],
    [['description', 'schedule.questionsDeadline'], false],
    [['schedule.closing'], true],
    [['closingTime'], true],
    [['lots.0.quantity'], true],
    [['criteria.parts.0.points'], true],
    [['lotsNote'], false], // a prefix of the name is not the lots
  ])('%j: %s', (paths, expected) => {
    expect(requiresReconfirmation(paths.map((path) => ({ path, before: 1, after: 2 })))).toBe(expected);
  });
});
