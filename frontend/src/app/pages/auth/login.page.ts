import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { AccountsClient } from '../../core/api/accounts.client';
import { FieldErrorPipe } from '../../core/forms/form-errors';
import { FormPage } from '../../core/forms/form-page';
import { Session } from '../../core/session/session.service';

@Component({
  selector: 'esl-login-page',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, RouterLink, FieldErrorPipe],
  template: `
    <section class="form-page" aria-labelledby="login-title">
      <h1 id="login-title">{{ i18n.t('auth.loginTitle') }}</h1>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-form-field>
          <mat-label>{{ i18n.t('auth.email') }}</mat-label>
          <input matInput type="email" formControlName="email" autocomplete="username" />
          <mat-error>{{ form.controls.email | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ i18n.t('auth.password') }}</mat-label>
          <input matInput type="password" formControlName="password" autocomplete="current-password" />
          <mat-error>{{ form.controls.password | fieldError }}</mat-error>
        </mat-form-field>
        @if (failure()) {
          <p class="form-error" role="alert">{{ failure() }}</p>
        }
        <div class="form-actions">
          <button mat-flat-button type="submit" [disabled]="busy()">{{ i18n.t('auth.submitLogin') }}</button>
          <a routerLink="/recuperar-clave">{{ i18n.t('auth.forgotPassword') }}</a>
          <a routerLink="/registro">{{ i18n.t('auth.noAccount') }}</a>
        </div>
      </form>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage extends FormPage {
  private readonly client = inject(AccountsClient);
  private readonly session = inject(Session);
  /** Where to go after signing in (query parameter `volver`). */
  readonly volver = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });

  protected submit(): void {
    this.send(
      this.form,
      () => this.client.login(this.form.getRawValue()),
      (view) => this.session.enter(view, this.volver()),
    );
  }
}
