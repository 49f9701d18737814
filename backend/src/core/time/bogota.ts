import { DISPLAY_TIME_ZONE } from '@eslabon/contracts';

const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: DISPLAY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Colombia (ISO `YYYY-MM-DD`): legal dates (validity, expiry, "one year before") are Colombian calendar days. */
export function bogotaToday(now: Date = new Date()): string {
  return DAY.format(now);
}

const STAMP = new Intl.DateTimeFormat('en-CA', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant on the Bogotá clock, `YYYY-MM-DD HH:MM:SS`, as receipts and actas state it. */
export function bogotaTimestamp(instant: Date): string {
  const p = Object.fromEntries(STAMP.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}
