import { addBusinessDays, businessDaysBetween, isBusinessDay, isHoliday, nextBusinessDay } from './business-days';

describe('Colombian business days', () => {
  it.each([
    // Festivos moved to Monday by Ley Emiliani, fixed ones, and the Easter-based ones of 2026 (Easter on 5 April).
    ['2026-01-12', true], // Reyes Magos (6 Jan) celebrated Monday 12
    ['2026-01-06', false],
    ['2026-03-23', true], // San José (19 Mar) celebrated Monday 23
    ['2026-04-02', true], // Jueves Santo
    ['2026-04-03', true], // Viernes Santo
    ['2026-05-01', true],
    ['2026-07-20', true],
    ['2026-08-07', true],
    ['2026-12-08', true],
    ['2026-12-25', true],
    ['2026-12-24', false],
    ['2025-11-17', true], // Independencia de Cartagena (11 Nov) celebrated Monday 17
  ])('%s is a holiday: %s', (date, holiday) => {
    expect(isHoliday(date)).toBe(holiday);
  });

  it.each([
    ['2026-11-24', true], // a Tuesday
    ['2026-11-28', false], // Saturday
    ['2026-11-29', false], // Sunday
    ['2026-12-08', false], // Inmaculada Concepción, a Tuesday
  ])('%s is a business day: %s', (date, business) => {
    expect(isBusinessDay(date)).toBe(business);
  });

  it.each([
    ['2026-11-24', '2026-11-24'], // already a business day
    ['2026-12-08', '2026-12-09'], // a closing on a festivo moves to the next business day
    ['2026-04-02', '2026-04-06'], // Jueves Santo → past Viernes Santo and the weekend
    ['2026-12-25', '2026-12-28'], // Christmas on Friday → Monday
    ['2026-12-31', '2026-12-31'], // 31 December is a working day
  ])('next business day from %s is %s', (date, next) => {
    expect(nextBusinessDay(date)).toBe(next);
  });

  it.each<[string, number, string]>([
    ['2026-11-24', 0, '2026-11-24'],
    ['2026-11-24', 1, '2026-11-25'],
    ['2026-11-27', 1, '2026-11-30'], // Friday + 1 → Monday
    ['2026-12-04', 5, '2026-12-14'], // skips the weekends and 8 December
    ['2026-03-27', 5, '2026-04-07'], // Holy Week: 30, 31 Mar, 1 Apr, Thursday and Friday off, then 6 and 7 Apr
    ['2026-12-14', -5, '2026-12-04'], // counting back skips the same days
    ['2026-11-24', -10, '2026-11-09'], // draft terms 10 business days before an opening on 24 Nov (skips 16 Nov, festivo)
  ])('%s plus %i business days is %s', (date, count, expected) => {
    expect(addBusinessDays(date, count)).toBe(expected);
  });

  it.each([
    ['2026-12-04', '2026-12-14', 5],
    ['2026-12-14', '2026-12-04', 0],
    ['2026-11-24', '2026-11-24', 0],
    ['2026-12-31', '2027-01-04', 1], // New Year's day, then the weekend: Monday 4 January
  ])('business days after %s up to %s: %i', (from, to, count) => {
    expect(businessDaysBetween(from, to)).toBe(count);
  });

  it('refuses what is not a calendar date', () => {
    expect(() => isBusinessDay('2026-02-30')).toThrow(RangeError);
    expect(() => addBusinessDays('24/11/2026', 1)).toThrow(RangeError);
    expect(() => addBusinessDays('2026-11-24', 1.5)).toThrow(RangeError);
  });
});
