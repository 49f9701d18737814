import { ChangeDetectionStrategy, Component, DestroyRef, Pipe, PipeTransform, computed, inject, input, signal } from '@angular/core';
import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { DISPLAY_TIME_ZONE, type Locale, type TenderSummary } from '@eslabon/contracts';
import { FieldErrorPipe, errorMessage } from '../../core/forms/form-errors';
import { I18n } from '../../core/i18n/i18n.service';
import { bogotaDay, daysUntil } from '../../core/time/bogota-time';

/** Today in Bogotá as `YYYY-MM-DD`: the day deadlines are judged on. */
export const bogotaToday = () => bogotaDay();

/** A calendar day with its weekday ("lunes, 16 de marzo de 2026"): deadlines are read against business days. */
export function formatLongDay(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** An instant as a long date and time in Bogotá, e.g. when bids close. */
export function formatBogotaLong(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: DISPLAY_TIME_ZONE }).format(new Date(iso));
}

@Pipe({ name: 'longDay' })
export class LongDayPipe implements PipeTransform {
  transform(isoDate: string, locale: Locale): string {
    return formatLongDay(isoDate, locale);
  }
}

@Pipe({ name: 'bogotaLong' })
export class BogotaLongPipe implements PipeTransform {
  transform(iso: string, locale: Locale): string {
    return formatBogotaLong(iso, locale);
  }
}

/** Pesos as typed ("3.200.000", "$ 150000") to the API's decimal string of whole pesos. */
export const normalizePesos = (text: string) => text.replace(/[\s.$]/g, '');

/** Whole pesos, keyed `server` so the field shows the shared catalog's words for `money`. */
export function wholePesos(control: AbstractControl<string>): ValidationErrors | null {
  return /^\d*$/.test(normalizePesos(control.value)) ? null : { server: 'money' };
}

/** The sum of amounts in whole pesos; BigInt keeps every digit, and what is not yet a number counts as 0. */
export function sumPesos(values: readonly string[]): string {
  return values
    .map(normalizePesos)
    .reduce((sum, value) => sum + (/^\d+$/.test(value) ? BigInt(value) : 0n), 0n)
    .toString();
}

/** The words for a refusal: the tenders catalog first (its rule codes), then the shared one. */
export function tenderErrorMessage(i18n: I18n, code: string | undefined): string {
  const key = `tenders.errors.${code}`;
  return i18n.has(key) ? i18n.t(key) : errorMessage(i18n, code);
}

/** Angular's own validators, named as the API names the same refusal. */
const ANGULAR_TO_API: Readonly<Record<string, string>> = { min: 'too_small', max: 'too_large', pattern: 'format' };

/** FieldErrorPipe, with the words of the tender rules' codes and of Angular's number and pattern checks. */
@Pipe({ name: 'tenderError', pure: false })
export class TenderErrorPipe extends FieldErrorPipe implements PipeTransform {
  // The base class keeps its I18n private.
  private readonly messages = inject(I18n);

  override transform(control: AbstractControl | null): string {
    const errors = control?.errors ?? {};
    const code: string | undefined =
      errors['server'] ??
      Object.keys(errors)
        .map((key) => ANGULAR_TO_API[key])
        .find(Boolean);
    return code ? tenderErrorMessage(this.messages, code) : super.transform(control);
  }
}

/** Where the work is done: "Medellín, Antioquia", or the department alone. */
export function tenderPlace(tender: TenderSummary): string {
  const { executionMunicipalityName: municipality, executionDepartmentName: department } = tender;
  return municipality ? `${municipality}, ${department}` : department;
}

/** "Quedan 5 días" by Colombian calendar days, "Cierra hoy", or "Cerrado para ofertas" once the instant has passed. */
export function daysLeftText(i18n: I18n, closingAt: string, now = Date.now()): string {
  if (Date.parse(closingAt) <= now) return i18n.t('tenders.countdown.closed');
  const days = daysUntil(closingAt, now);
  if (days <= 0) return i18n.t('tenders.search.daysLeft.today');
  return days === 1 ? i18n.t('tenders.search.daysLeft.one') : i18n.t('tenders.search.daysLeft.many', { n: days });
}

const MINUTE = 60_000;

/** "Cierra en 3 días 4 horas", kept current once a minute; "Cerrado" once the instant has passed. */
@Component({
  selector: 'esl-tender-countdown',
  template: `<span data-testid="countdown">{{ text() }}</span>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TenderCountdown {
  private readonly i18n = inject(I18n);
  readonly closingAt = input.required<string>();
  private readonly now = signal(Date.now());

  protected readonly text = computed(() => {
    const minutes = Math.floor((Date.parse(this.closingAt()) - this.now()) / MINUTE);
    if (minutes <= 0) return this.i18n.t('tenders.countdown.closed');
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    // Days and hours while days remain, then hours and minutes.
    const parts = days ? [this.unit('day', days), this.unit('hour', hours)] : [this.unit('hour', hours), this.unit('minute', minutes % 60)];
    return this.i18n.t('tenders.countdown.closesIn', { time: parts.filter(Boolean).join(' ') });
  });

  constructor() {
    const timer = setInterval(() => this.now.set(Date.now()), MINUTE);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  private unit(unit: 'day' | 'hour' | 'minute', n: number): string {
    if (!n) return '';
    return this.i18n.t(n === 1 ? `tenders.countdown.${unit}` : `tenders.countdown.${unit}s`, { n });
  }
}
