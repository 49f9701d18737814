import { Pipe, PipeTransform, inject } from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import { FIELD_ERROR_MESSAGES, isFieldErrorCode } from '@eslabon/contracts';
import { I18n } from '../i18n/i18n.service';

const CLIENT_CHECKS = ['required', 'email', 'minlength'] as const;

/** The message for a server error code; codes the UI does not know get the generic one. */
export function errorMessage(i18n: I18n, code: string | undefined): string {
  const key = `errors.${code}`;
  if (i18n.has(key)) return i18n.t(key);
  return isFieldErrorCode(code) ? FIELD_ERROR_MESSAGES[code][i18n.locale()] : i18n.t('errors.generic');
}

/** The message to show next to a field: the server's verdict first, then the browser-side checks. */
@Pipe({ name: 'fieldError', pure: false })
export class FieldErrorPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(control: AbstractControl | null): string {
    const errors = control?.errors;
    if (!errors) return '';
    if (errors['server']) return errorMessage(this.i18n, errors['server']);
    const check = CLIENT_CHECKS.find((name) => errors[name]);
    return check ? this.i18n.t(`errors.${check}`) : this.i18n.t('errors.generic');
  }
}
