import { Pipe, PipeTransform, inject } from '@angular/core';
import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { isFieldErrorCode } from '@eslabon/contracts';
import { isValidNit } from '@eslabon/domain';
import { FieldErrorPipe, errorMessage } from '../../core/forms/form-errors';
import { I18n } from '../../core/i18n/i18n.service';

/** Angular's own validators, named as the API names the same refusal. */
const ANGULAR_TO_API: Readonly<Record<string, string>> = { min: 'too_small', max: 'too_large', pattern: 'format' };

/**
 * FieldErrorPipe, plus the browser-side checks of this wizard: their error keys are API field-error codes
 * (`nit_check_digit`, `negative_income`, …), so the browser and the server word a refusal the same way.
 */
@Pipe({ name: 'checkError', pure: false })
export class CheckErrorPipe extends FieldErrorPipe implements PipeTransform {
  // The base class keeps its I18n private.
  private readonly messages = inject(I18n);

  override transform(control: AbstractControl | null): string {
    const errors = control?.errors;
    const code =
      errors && !errors['server']
        ? Object.keys(errors)
            .map((key) => ANGULAR_TO_API[key] ?? key)
            .find(isFieldErrorCode)
        : undefined;
    return code ? errorMessage(this.messages, code) : super.transform(control);
  }
}

/** On the check-digit control: it must be the DV of the sibling `nit` (checked again by the server). */
export const checkDigitOfNit: ValidatorFn = (control): ValidationErrors | null => {
  const nit = String(control.parent?.get('nit')?.value ?? '');
  const checkDigit = String(control.value ?? '').trim();
  if (!nit || !checkDigit) return null;
  return isValidNit(nit, checkDigit) ? null : { nit_check_digit: true };
};

/** Pesos as typed ("3.200.000.000", "$ 150000000") to the API's decimal string of whole pesos. */
export function normalizePesos(text: string): string {
  return text.replace(/[\s.$]/g, '');
}

/** Whole pesos, never negative. */
export const wholePesos: ValidatorFn = (control): ValidationErrors | null => {
  const pesos = normalizePesos(String(control.value ?? ''));
  if (!pesos) return null;
  if (pesos.startsWith('-')) return { negative_income: true };
  return /^\d+$/.test(pesos) ? null : { money: true };
};
