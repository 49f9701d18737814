import { Pipe, PipeTransform } from '@angular/core';
import { DISPLAY_TIME_ZONE, Locale } from '@eslabon/contracts';

const DAY_MS = 86_400_000;

/** Formats a UTC instant as date and time in Bogotá, whatever the browser's own zone. */
export function formatBogotaTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: DISPLAY_TIME_ZONE }).format(new Date(iso));
}

/** The Colombian calendar day (`YYYY-MM-DD`, the en-CA format) of an instant; today without one. */
export function bogotaDay(instant: string | number = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: DISPLAY_TIME_ZONE }).format(new Date(instant));
}

/** Colombian calendar days from today to the day of `instant`: 0 on that day, negative once it is past. */
export function daysUntil(instant: string, now: number = Date.now()): number {
  const midnight = (day: string) => Date.parse(`${day}T00:00:00Z`);
  return Math.round((midnight(bogotaDay(instant)) - midnight(bogotaDay(now))) / DAY_MS);
}

@Pipe({ name: 'bogotaTime' })
export class BogotaTimePipe implements PipeTransform {
  transform(iso: string, locale: Locale): string {
    return formatBogotaTime(iso, locale);
  }
}
