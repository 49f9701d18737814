import { bogotaDay, daysUntil, formatBogotaTime } from './bogota-time';

describe('formatBogotaTime', () => {
  it.each([
    ['2026-11-24T17:05:09Z', 'en', /Nov 24, 2026.*12:05:09\sPM/],
    ['2026-11-25T03:00:00Z', 'en', /Nov 24, 2026.*10:00:00\sPM/],
    ['2026-01-01T04:59:59Z', 'es-CO', /31\/12\/2025.*11:59:59\sp/],
  ] as const)('%s in %s', (iso, locale, expected) => {
    expect(formatBogotaTime(iso, locale)).toMatch(expected);
  });
});

describe('Bogotá calendar days', () => {
  it('reads the day in Colombia, not in UTC', () => {
    expect(bogotaDay('2026-11-25T03:00:00Z')).toBe('2026-11-24');
    expect(bogotaDay('2026-11-25T05:00:00Z')).toBe('2026-11-25');
  });

  it('counts days left by Colombian days: 10 p.m. tonight is still today', () => {
    const now = Date.parse('2026-11-24T14:00:00Z'); // 9 a.m. in Bogotá
    expect(daysUntil('2026-11-25T03:00:00Z', now)).toBe(0);
    expect(daysUntil('2026-11-25T22:00:00Z', now)).toBe(1);
    expect(daysUntil('2026-12-04T22:00:00Z', now)).toBe(10);
    expect(daysUntil('2026-11-23T22:00:00Z', now)).toBe(-1);
  });
});
