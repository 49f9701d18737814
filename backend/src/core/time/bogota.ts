import { DISPLAY_TIME_ZONE } from '@eslabon/contracts';

const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: DISPLAY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Colombia (ISO `YYYY-MM-DD`): legal dates (validity, expiry, "one year before") are Colombian calendar days. */
export function bogotaToday(now: Date = new Date()): string {
  return DAY.format(now);
}
