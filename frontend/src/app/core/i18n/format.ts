import { Pipe, PipeTransform } from '@angular/core';
import type { Locale } from '@eslabon/contracts';

/**
 * A whole number, or money when `currency` is given, in the reader's language (es-CO: "1.234.567",
 * "$ 1.234.567"). Money arrives as a decimal string of whole pesos: BigInt keeps every digit of it.
 */
export function formatAmount(value: number | string, locale: Locale, currency?: 'COP' | 'USD'): string {
  const options: Intl.NumberFormatOptions = currency
    ? { style: 'currency', currency, maximumFractionDigits: 0 }
    : { maximumFractionDigits: 0 };
  return new Intl.NumberFormat(locale, options).format(typeof value === 'string' ? BigInt(value) : value);
}

/** A calendar date (`YYYY-MM-DD`), read as that day wherever the browser is: no time zone may move it. */
export function formatDay(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

@Pipe({ name: 'amount' })
export class AmountPipe implements PipeTransform {
  transform(value: number | string, locale: Locale, currency?: 'COP' | 'USD'): string {
    return formatAmount(value, locale, currency);
  }
}

@Pipe({ name: 'day' })
export class DayPipe implements PipeTransform {
  transform(isoDate: string, locale: Locale): string {
    return formatDay(isoDate, locale);
  }
}
