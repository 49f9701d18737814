import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PASSWORD_MIN_LENGTH } from '@eslabon/contracts';
import { AccountsClient } from '../../core/api/accounts.client';
import { FieldErrorPipe } from '../../core/forms/form-errors';
import { PasswordField } from '../../core/forms/password-field';
import { Session } from '../../core/session/session.service';
import { TokenPage } from './token-page';

@Component({
  selector: 'esl-accept-invitation-page',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, FieldErrorPipe, PasswordField],
  template: `
    <section class="form-page" aria-labelledby="invitation-title">
      <h1 id="invitation-title">{{ i18n.t('auth.invitationTitle') }}</h1>
      <p>{{ i18n.t('auth.invitationIntro') }}</p>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-form-field>
          <mat-label>{{ i18n.t('auth.name') }}</mat-label>
          <input matInput formControlName="name" autocomplete="name" />
          <mat-error>{{ form.controls.name | fieldError }}</mat-error>
        </mat-form-field>
        <esl-password-field [control]="form.controls.password" />
        @if (failure()) {
          <p class="form-error" role="alert">{{ failure() }}</p>
        }
        <div class="form-actions">
          <button mat-flat-button type="submit" [disabled]="busy()">{{ i18n.t('auth.submitInvitation') }}</button>
        </div>
      </form>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AcceptInvitationPage extends TokenPage {
  private readonly client = inject(AccountsClient);
  private readonly session = inject(Session);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [''],
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
  });

  protected submit(): void {
    const { name, password } = this.form.getRawValue();
    this.send(
      this.form,
      () => this.client.acceptInvitation({ token: this.token(), name: name || undefined, password }),
      (view) => this.session.enter(view),
    );
  }
}
