import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { NotificationView } from '@eslabon/contracts';
import { I18n } from '../i18n/i18n.service';
import { NotificationCenter } from './notification-center';
import { NotificationSummary } from './notification-summary';
import { NotificationsClient } from './notifications.client';

const LATEST = 5;

/**
 * The bell's panel, downloaded on first open: the latest notifications, each a link to its tender that
 * marks it read (the bell closes the panel on any followed link).
 */
@Component({
  selector: 'esl-notification-panel',
  imports: [RouterLink, NotificationSummary],
  template: `
    <h2 class="heading">{{ i18n.t('notifications.recent') }}</h2>
    @if (failure()) {
      <p class="form-error" role="alert">{{ failure() }}</p>
    } @else if (items(); as items) {
      <ul data-testid="notification-list">
        @for (n of items; track n.id) {
          <li>
            <a [routerLink]="['/procesos', n.tenderId]" [class.unread]="!n.readAt" (click)="open(n)">
              <esl-notification-summary [notification]="n" />
            </a>
          </li>
        } @empty {
          <li class="none">{{ i18n.t('notifications.none') }}</li>
        }
      </ul>
    } @else {
      <p>{{ i18n.t('notifications.loading') }}</p>
    }
    <a class="all" routerLink="/notificaciones">{{ i18n.t('notifications.seeAll') }}</a>
  `,
  styles: `
    :host {
      display: block;
    }
    .heading {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li a {
      display: block;
      padding: 8px;
      border-radius: 8px;
      color: inherit;
      text-decoration: none;
      &:hover,
      &:focus-visible {
        background: var(--mat-sys-surface-container-highest);
      }
      &.unread {
        border-left: 4px solid var(--mat-sys-primary);
      }
    }
    .none {
      padding: 8px;
    }
    .all {
      display: inline-block;
      margin-top: 8px;
      padding: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationPanel implements OnInit {
  protected readonly i18n = inject(I18n);
  private readonly client = inject(NotificationsClient);
  private readonly center = inject(NotificationCenter);
  protected readonly items = signal<NotificationView[] | null>(null);
  protected readonly failure = signal('');

  ngOnInit(): void {
    this.client.list({ page: 1, pageSize: LATEST }).subscribe({
      next: (page) => {
        this.items.set(page.items);
        this.center.set(page.unread);
      },
      error: () => this.failure.set(this.i18n.t('notifications.loadFailed')),
    });
  }

  protected open(notification: NotificationView): void {
    // Kept by the root service, so it completes after the panel has closed.
    if (!notification.readAt) this.center.markRead(notification.id).subscribe({ error: () => undefined });
  }
}
