import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { AccountsClient } from '../../core/api/accounts.client';
import { FieldErrorPipe } from '../../core/forms/form-errors';
import { FormPage } from '../../core/forms/form-page';

@Component({
  selector: 'esl-forgot-password-page',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, FieldErrorPipe],
  template: `
    <section class="form-page" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{{ i18n.t('auth.forgotTitle') }}</h1>
      @if (sent()) {
        <p role="status">{{ i18n.t('auth.forgotDone') }}</p>
      } @else {
        <p>{{ i18n.t('auth.forgotIntro') }}</p>
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <mat-form-field>
            <mat-label>{{ i18n.t('auth.email') }}</mat-label>
            <input matInput type="email" formControlName="email" autocomplete="email" />
            <mat-error>{{ form.controls.email | fieldError }}</mat-error>
          </mat-form-field>
          @if (failure()) {
            <p class="form-error" role="alert">{{ failure() }}</p>
          }
          <div class="form-actions">
            <button mat-flat-button type="submit" [disabled]="busy()">{{ i18n.t('auth.submitForgot') }}</button>
          </div>
        </form>
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForgotPasswordPage extends FormPage {
  private readonly client = inject(AccountsClient);
  protected readonly form = inject(NonNullableFormBuilder).group({ email: ['', [Validators.required, Validators.email]] });
  protected readonly sent = signal(false);

  protected submit(): void {
    this.send(
      this.form,
      () => this.client.requestPasswordReset(this.form.getRawValue().email),
      () => this.sent.set(true),
    );
  }
}
