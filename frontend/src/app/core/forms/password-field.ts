import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PASSWORD_MIN_LENGTH } from '@eslabon/contracts';
import { I18n, MessageKey } from '../i18n/i18n.service';
import { FieldErrorPipe } from './form-errors';

/** A new-password field with the length rule stated and its error beside it. */
@Component({
  selector: 'esl-password-field',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, FieldErrorPipe],
  template: `
    <mat-form-field>
      <mat-label>{{ i18n.t(label()) }}</mat-label>
      <input matInput type="password" [formControl]="control()" autocomplete="new-password" />
      <mat-hint>{{ i18n.t('auth.passwordHint', { min: minLength }) }}</mat-hint>
      <mat-error>{{ control() | fieldError }}</mat-error>
    </mat-form-field>
  `,
  styles: ':host { display: block } mat-form-field { width: 100% }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordField {
  protected readonly i18n = inject(I18n);
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  readonly control = input.required<FormControl<string>>();
  readonly label = input<MessageKey>('auth.password');
}
