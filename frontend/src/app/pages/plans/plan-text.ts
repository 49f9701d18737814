import { DISPLAY_TIME_ZONE, type Locale } from '@eslabon/contracts';

/** The year in Bogotá: the plan year a buyer is most likely working on. */
export const bogotaYear = (now = new Date()) =>
  Number(new Intl.DateTimeFormat('en-CA', { timeZone: DISPLAY_TIME_ZONE, year: 'numeric' }).format(now));

/** Last year's plan, this year's and the next two: the years a buyer or a supplier looks at. */
export const planYears = (now = new Date()) => [0, 1, 2, 3].map((offset) => bogotaYear(now) - 1 + offset);

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** The name of a month (1–12) in the reader's language, e.g. "marzo". */
export function monthName(month: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
}
