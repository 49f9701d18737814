import { formatBogotaTime } from './bogota-time';

describe('formatBogotaTime', () => {
  it.each([
    ['2026-11-24T17:05:09Z', 'en', /Nov 24, 2026.*12:05:09\sPM/],
    ['2026-11-25T03:00:00Z', 'en', /Nov 24, 2026.*10:00:00\sPM/],
    ['2026-01-01T04:59:59Z', 'es-CO', /31\/12\/2025.*11:59:59\sp/],
  ] as const)('%s in %s', (iso, locale, expected) => {
    expect(formatBogotaTime(iso, locale)).toMatch(expected);
  });
});
