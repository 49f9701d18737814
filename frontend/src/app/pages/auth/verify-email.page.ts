import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { AccountsClient } from '../../core/api/accounts.client';
import { TokenOutcome } from './token-outcome';
import { TokenPage } from './token-page';

@Component({
  selector: 'esl-verify-email-page',
  imports: [MatButtonModule, RouterLink, TokenOutcome],
  template: `
    <esl-token-outcome [heading]="i18n.t('auth.verifyTitle')" [working]="i18n.t('auth.verifying')" [state]="state()" [failure]="failure()">
      <p role="status">{{ i18n.t('auth.verifiedText') }}</p>
      <a mat-flat-button routerLink="/ingresar">{{ i18n.t('auth.goToLogin') }}</a>
    </esl-token-outcome>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VerifyEmailPage extends TokenPage implements OnInit {
  private readonly client = inject(AccountsClient);

  ngOnInit(): void {
    this.redeem(() => this.client.verifyEmail(this.token()));
  }
}
