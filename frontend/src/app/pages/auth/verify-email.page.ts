import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { AccountsClient } from '../../core/api/accounts.client';
import { problemOf } from '../../core/api/problem';
import { errorMessage } from '../../core/forms/form-errors';
import { TokenPage } from './token-page';

@Component({
  selector: 'esl-verify-email-page',
  imports: [MatButtonModule, RouterLink],
  template: `
    <section class="form-page" aria-labelledby="verify-title">
      <h1 id="verify-title">{{ i18n.t('auth.verifyTitle') }}</h1>
      <div aria-live="polite">
        @switch (state()) {
          @case ('working') {
            <p>{{ i18n.t('auth.verifying') }}</p>
          }
          @case ('done') {
            <p role="status">{{ i18n.t('auth.verifiedText') }}</p>
            <a mat-flat-button routerLink="/ingresar">{{ i18n.t('auth.goToLogin') }}</a>
          }
          @default {
            <p class="form-error" role="alert">{{ failure() }}</p>
          }
        }
      </div>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VerifyEmailPage extends TokenPage implements OnInit {
  private readonly client = inject(AccountsClient);
  protected readonly state = signal<'working' | 'done' | 'failed'>('working');

  ngOnInit(): void {
    this.client.verifyEmail(this.token()).subscribe({
      next: () => this.state.set('done'),
      error: (error: unknown) => {
        this.failure.set(errorMessage(this.i18n, problemOf(error).code ?? 'token_invalid'));
        this.state.set('failed');
      },
    });
  }
}
