import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { PASSWORD_MIN_LENGTH, SELF_SERVICE_KINDS, SignUpRequest, SignUpResponse } from '@eslabon/contracts';
import { AccountsClient } from '../../core/api/accounts.client';
import { FieldErrorPipe } from '../../core/forms/form-errors';
import { PasswordField } from '../../core/forms/password-field';
import { FormPage } from '../../core/forms/form-page';

@Component({
  selector: 'esl-sign-up-page',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatButtonModule,
    RouterLink,
    FieldErrorPipe,
    PasswordField,
  ],
  templateUrl: './sign-up.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignUpPage extends FormPage {
  private readonly client = inject(AccountsClient);
  protected readonly kinds = SELF_SERVICE_KINDS;

  protected readonly form = inject(NonNullableFormBuilder).group({
    organizationKind: ['supplier' as SignUpRequest['organizationKind'], Validators.required],
    organizationName: ['', Validators.required],
    name: ['', Validators.required],
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
  });
  protected readonly done = signal<(SignUpResponse & { email: string }) | null>(null);

  protected kindLabel(kind: SignUpRequest['organizationKind']): string {
    return this.i18n.t(`kinds.${kind}`);
  }

  protected submit(): void {
    const value = this.form.getRawValue();
    this.send(
      this.form,
      () => this.client.signUp({ ...value, locale: this.i18n.locale() }),
      (result) => this.done.set({ ...result, email: value.email }),
    );
  }
}
