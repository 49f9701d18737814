import { Pipe, PipeTransform } from '@angular/core';
import { DISPLAY_TIME_ZONE, Locale } from '@eslabon/contracts';

/** Formats a UTC instant as date and time in Bogotá, whatever the browser's own zone. */
export function formatBogotaTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: DISPLAY_TIME_ZONE }).format(new Date(iso));
}

@Pipe({ name: 'bogotaTime' })
export class BogotaTimePipe implements PipeTransform {
  transform(iso: string, locale: Locale): string {
    return formatBogotaTime(iso, locale);
  }
}
