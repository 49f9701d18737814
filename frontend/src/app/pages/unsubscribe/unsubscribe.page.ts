import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { UnsubscribeCategory } from '@eslabon/contracts';
import { NotificationsClient } from '../../core/notifications/notifications.client';
import { TokenOutcome } from '../auth/token-outcome';
import { TokenPage } from '../auth/token-page';

/** `/baja?token=…`, the link at the foot of every notification e-mail: stops that kind of e-mail, no sign-in needed. */
@Component({
  selector: 'esl-unsubscribe-page',
  imports: [MatButtonModule, RouterLink, TokenOutcome],
  template: `
    <esl-token-outcome
      [heading]="i18n.t('notifications.unsubscribe.title')"
      [working]="i18n.t('notifications.unsubscribe.working')"
      [state]="state()"
      [failure]="failure()"
    >
      <p role="status" data-testid="unsubscribed">{{ done() }}</p>
      <p>{{ i18n.t('notifications.unsubscribe.inApp') }}</p>
      <a mat-stroked-button routerLink="/notificaciones" fragment="preferencias">{{ i18n.t('notifications.unsubscribe.preferences') }}</a>
    </esl-token-outcome>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnsubscribePage extends TokenPage implements OnInit {
  private readonly client = inject(NotificationsClient);
  private readonly category = signal<UnsubscribeCategory | null>(null);
  protected readonly done = computed(() => {
    const category = this.category();
    return category
      ? this.i18n.t('notifications.unsubscribe.done', { category: this.i18n.t(`notifications.unsubscribe.categories.${category}`) })
      : '';
  });

  ngOnInit(): void {
    this.redeem(
      () => this.client.unsubscribe(this.token()),
      (category) => this.category.set(category),
    );
  }
}
