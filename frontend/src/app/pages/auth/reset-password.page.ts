import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { PASSWORD_MIN_LENGTH } from '@eslabon/contracts';
import { AccountsClient } from '../../core/api/accounts.client';
import { PasswordField } from '../../core/forms/password-field';
import { TokenPage } from './token-page';

@Component({
  selector: 'esl-reset-password-page',
  imports: [ReactiveFormsModule, MatButtonModule, RouterLink, PasswordField],
  template: `
    <section class="form-page" aria-labelledby="reset-title">
      <h1 id="reset-title">{{ i18n.t('auth.resetTitle') }}</h1>
      @if (done()) {
        <p role="status">{{ i18n.t('auth.resetDone') }}</p>
        <a mat-flat-button routerLink="/ingresar">{{ i18n.t('auth.goToLogin') }}</a>
      } @else {
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <esl-password-field [control]="form.controls.password" label="auth.newPassword" />
          @if (failure()) {
            <p class="form-error" role="alert">{{ failure() }}</p>
          }
          <div class="form-actions">
            <button mat-flat-button type="submit" [disabled]="busy()">{{ i18n.t('auth.submitReset') }}</button>
          </div>
        </form>
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetPasswordPage extends TokenPage {
  private readonly client = inject(AccountsClient);
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
  });
  protected readonly done = signal(false);

  protected submit(): void {
    this.send(
      this.form,
      () => this.client.resetPassword(this.token(), this.form.getRawValue().password),
      () => this.done.set(true),
    );
  }
}
