import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { Role } from '@eslabon/contracts';
import { RouterLink } from '@angular/router';
import { I18n, MessageKey } from '../../core/i18n/i18n.service';
import { Session } from '../../core/session/session.service';

/** Where a signed-in user lands: their organizations, roles and what they can do next. */
@Component({
  selector: 'esl-account-page',
  imports: [RouterLink],
  template: `
    @if (session.user(); as user) {
      <h1>{{ user.name }}</h1>
      <p>{{ user.email }}</p>
      <h2>{{ i18n.t('account.organization') }}</h2>
      <ul class="plain-list" data-testid="memberships">
        @for (m of session.memberships(); track m.organizationId) {
          <li>
            <strong>{{ m.organizationName }}</strong> · {{ roleLabel(m.role) }}
            @if (m.status === 'pending_approval') {
              · <em>{{ i18n.t('account.pending') }}</em>
            }
          </li>
        }
      </ul>
      <nav [attr.aria-label]="i18n.t('app.mainNav')">
        <ul class="plain-list">
          @for (item of session.navItems(); track item.id) {
            @if (item.id !== 'home' && item.id !== 'status') {
              <li>
                <a [routerLink]="item.path">{{ navLabel(item.id) }}</a>
              </li>
            }
          }
        </ul>
      </nav>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountPage {
  protected readonly i18n = inject(I18n);
  protected readonly session = inject(Session);

  protected navLabel(id: string): string {
    return this.i18n.t(`nav.${id}` as MessageKey);
  }

  protected roleLabel(role: Role): string {
    return this.i18n.t(`roles.${role}`);
  }
}
