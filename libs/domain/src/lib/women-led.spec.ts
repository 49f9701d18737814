import { WomenLedCriterion, WomenLedEvidence, oneYearBefore, womenLedCriteriaMet } from './women-led';

const CLOSING = '2026-11-24';
const LONG_AGO = '2020-01-01';

describe('womenLedCriteriaMet (Decreto 1082 art. 2.2.1.2.4.2.14)', () => {
  it.each<[string, WomenLedEvidence, WomenLedCriterion[]]>([
    ['no evidence', {}, []],
    ['51 of 100 shares held by women for years', { ownership: { women: 51, total: 100, since: LONG_AGO } }, ['ownership']],
    ['exactly half the shares is not more than half', { ownership: { women: 50, total: 100, since: LONG_AGO } }, []],
    ['majority held exactly one year', { ownership: { women: 3, total: 5, since: '2025-11-24' } }, ['ownership']],
    ['majority held one day short of a year', { ownership: { women: 3, total: 5, since: '2025-11-25' } }, []],
    ['exactly half of senior management', { management: { women: 2, total: 4, since: LONG_AGO } }, ['management']],
    ['a third of senior management', { management: { women: 1, total: 3, since: LONG_AGO } }, []],
    ['no management posts at all', { management: { women: 0, total: 0, since: LONG_AGO } }, []],
    ['sole proprietor for two years', { soleProprietorSince: '2024-06-01' }, ['sole_proprietor']],
    ['sole proprietor for six months', { soleProprietorSince: '2026-05-24' }, []],
    ['cooperative with 11 women of 20 members', { association: { women: 11, total: 20, since: LONG_AGO } }, ['association']],
    ['cooperative with 10 women of 20 members', { association: { women: 10, total: 20, since: LONG_AGO } }, []],
    [
      'several criteria at once',
      { ownership: { women: 60, total: 100, since: LONG_AGO }, management: { women: 1, total: 2, since: LONG_AGO } },
      ['ownership', 'management'],
    ],
  ])('%s → %j', (_case, evidence, expected) => {
    expect(womenLedCriteriaMet(evidence, CLOSING)).toEqual(expected);
  });
});

describe('oneYearBefore', () => {
  it.each([
    ['2026-11-24', '2025-11-24'],
    ['2028-02-29', '2027-02-28'],
    ['2026-01-01', '2025-01-01'],
  ])('%s → %s', (date, expected) => {
    expect(oneYearBefore(date)).toBe(expected);
  });
});
