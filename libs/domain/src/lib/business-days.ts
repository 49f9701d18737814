import { getHolidaysForYear } from 'colombian-holidays';

/**
 * Colombian business days (días hábiles) for procurement deadlines (RULES.md §6): Monday to Friday,
 * except national holidays as celebrated — Ley 51 de 1983 ("Ley Emiliani") moves most of them to the
 * next Monday; the colombian-holidays package keeps that calendar, Easter-based dates included. Dates
 * are ISO `YYYY-MM-DD` calendar days in Colombia, so no time zone can shift them.
 */

const holidayCache = new Map<number, ReadonlySet<string>>();

function holidays(year: number): ReadonlySet<string> {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(getHolidaysForYear(year).map((h) => h.celebrationDate));
    holidayCache.set(year, set);
  }
  return set;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parse(isoDate: string): Date {
  const m = ISO_DATE.exec(isoDate);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : new Date(NaN);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== isoDate) throw new RangeError(`Not a calendar date: ${isoDate}`);
  return date;
}

const format = (date: Date) => date.toISOString().slice(0, 10);
const shift = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

export function isHoliday(isoDate: string): boolean {
  return holidays(parse(isoDate).getUTCFullYear()).has(isoDate);
}

export function isBusinessDay(isoDate: string): boolean {
  const day = parse(isoDate).getUTCDay();
  return day !== 0 && day !== 6 && !isHoliday(isoDate);
}

/** The date itself when it is a business day, otherwise the next one (a deadline on a festivo moves forward). */
export function nextBusinessDay(isoDate: string): string {
  let date = parse(isoDate);
  while (!isBusinessDay(format(date))) date = shift(date, 1);
  return format(date);
}

/**
 * The date `count` business days after `isoDate` (before it when negative), not counting `isoDate`
 * itself: "5 business days after the 2nd" is the 5th business day following the 2nd.
 */
export function addBusinessDays(isoDate: string, count: number): string {
  if (!Number.isSafeInteger(count)) throw new RangeError('count must be a whole number');
  const step = count < 0 ? -1 : 1;
  let date = parse(isoDate);
  for (let left = Math.abs(count); left > 0;) {
    date = shift(date, step);
    if (isBusinessDay(format(date))) left--;
  }
  return format(date);
}

/** Business days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function businessDaysBetween(from: string, to: string): number {
  let date = parse(from);
  const end = parse(to);
  let count = 0;
  while (date < end) {
    date = shift(date, 1);
    if (isBusinessDay(format(date))) count++;
  }
  return count;
}
