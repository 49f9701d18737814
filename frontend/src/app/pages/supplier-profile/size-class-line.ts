import type { Locale, SizeClassificationView } from '@eslabon/contracts';
import type { I18n } from '../../core/i18n/i18n.service';

type Translate = I18n['t'];

/** `useGrouping: true` groups 4-digit figures too ("3.200"), which Spanish leaves ungrouped by default. */
function formatNumber(value: number, locale: Locale, fractionDigits: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits, useGrouping: true }).format(value);
}

/** Pesos as a small firm reads them: whole pesos under a million, else millions (one decimal below 100 millions). */
export function formatIncome(cop: number, locale: Locale, t: Translate): string {
  if (cop < 1_000_000) return t('supplierProfile.size.pesos', { amount: formatNumber(cop, locale, 0) });
  const millions = cop / 1_000_000;
  return t('supplierProfile.size.millions', { amount: formatNumber(millions, locale, millions < 100 ? 1 : 0) });
}

function boundsText({ from, to }: SizeClassificationView['boundsUvt'], locale: Locale, t: Translate): string {
  const uvt = (value: number) => formatNumber(value, locale, 0);
  if (from !== null && to !== null) return t('supplierProfile.size.between', { from: uvt(from), to: uvt(to) });
  if (to !== null) return t('supplierProfile.size.upTo', { to: uvt(to) });
  return t('supplierProfile.size.over', { from: uvt(from ?? 0) });
}

/**
 * The size class with why, in one line: "Pequeña: ingresos 2025 de $3.200 millones en servicios, entre
 * 32.988 y 131.951 UVT". The bounds are the class's own, as the server classified it (Decreto 957 de 2019).
 */
export function sizeClassLine(size: SizeClassificationView, locale: Locale, t: Translate): string {
  return t('supplierProfile.size.line', {
    size: t(`supplierProfile.size.classes.${size.sizeClass}`),
    year: size.incomeYear,
    income: formatIncome(Number(size.incomeCop), locale, t),
    sector: t(`supplierProfile.size.sectors.${size.sector}`),
    bounds: boundsText(size.boundsUvt, locale, t),
  });
}
