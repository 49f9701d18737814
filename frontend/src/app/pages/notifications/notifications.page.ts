import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { RouterLink } from '@angular/router';
import type { NotificationPage, NotificationView } from '@eslabon/contracts';
import { problemOf } from '../../core/api/problem';
import { errorMessage } from '../../core/forms/form-errors';
import { I18n } from '../../core/i18n/i18n.service';
import { NotificationCenter } from '../../core/notifications/notification-center';
import { NotificationSummary } from '../../core/notifications/notification-summary';
import { NotificationsClient } from '../../core/notifications/notifications.client';
import { BogotaTimePipe } from '../../core/time/bogota-time';
import { Pager } from '../../core/ui/pager';
import { NotificationPreferencesForm } from './notification-preferences';
import { SavedSearches } from './saved-searches';

const PAGE_SIZE = 20;

/** Everything the bell told the user, page by page, with how it hears by e-mail and the searches it saved. */
@Component({
  selector: 'esl-notifications-page',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    RouterLink,
    BogotaTimePipe,
    NotificationPreferencesForm,
    NotificationSummary,
    Pager,
    SavedSearches,
  ],
  template: `
    <h1>{{ i18n.t('notifications.page.title') }}</h1>
    <p class="intro">{{ i18n.t('notifications.page.intro') }}</p>
    <section aria-labelledby="inbox-title">
      <h2 id="inbox-title">{{ i18n.t('notifications.page.inbox') }}</h2>
      <div class="toolbar">
        <mat-checkbox [checked]="onlyUnread()" (change)="filter($event.checked)">{{
          i18n.t('notifications.page.onlyUnread')
        }}</mat-checkbox>
        <span data-testid="unread-count">{{ i18n.t('notifications.page.unreadCount', { count: center.unread() }) }}</span>
        <button mat-stroked-button type="button" [disabled]="!center.unread()" (click)="markAllRead()">
          {{ i18n.t('notifications.page.markAllRead') }}
        </button>
      </div>
      <p aria-live="polite" class="status-line">{{ message() }}</p>
      @if (failure()) {
        <p class="form-error" role="alert">{{ failure() }}</p>
      }
      @if (page(); as p) {
        <ul class="inbox" data-testid="inbox">
          @for (n of p.items; track n.id) {
            <li [class.unread]="!n.readAt">
              <a [routerLink]="['/procesos', n.tenderId]" (click)="opened(n)"><esl-notification-summary [notification]="n" /></a>
              <span class="when">{{ i18n.t('notifications.page.received', { date: (n.createdAt | bogotaTime: i18n.locale()) }) }}</span>
              @if (!n.readAt) {
                <button
                  mat-button
                  type="button"
                  [attr.aria-label]="i18n.t('notifications.page.markReadLabel', { title: n.tenderTitle })"
                  (click)="markRead(n)"
                >
                  {{ i18n.t('notifications.page.markRead') }}
                </button>
              }
            </li>
          } @empty {
            <li>{{ onlyUnread() ? i18n.t('notifications.page.emptyUnread') : i18n.t('notifications.page.empty') }}</li>
          }
        </ul>
        <esl-pager [result]="p" (go)="pageNumber.set($event)" />
      }
    </section>
    <esl-notification-preferences id="preferencias" />
    <esl-saved-searches id="alertas" />
  `,
  styles: `
    .intro {
      max-width: 70ch;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
    }
    .inbox {
      list-style: none;
      padding: 0;
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 4px 16px;
        padding: 12px 8px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
        &.unread {
          border-left: 4px solid var(--mat-sys-primary);
        }
      }
      a {
        flex: 1 1 260px;
        min-width: 0;
        color: inherit;
        text-decoration: none;
      }
    }
    .when {
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.875rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationsPage {
  protected readonly i18n = inject(I18n);
  protected readonly center = inject(NotificationCenter);
  private readonly client = inject(NotificationsClient);
  protected readonly onlyUnread = signal(false);
  protected readonly pageNumber = signal(1);
  protected readonly page = signal<NotificationPage | null>(null);
  protected readonly failure = signal('');
  protected readonly message = signal('');

  constructor() {
    effect(() => {
      const query = { page: this.pageNumber(), pageSize: PAGE_SIZE, unread: this.onlyUnread() };
      untracked(() => this.load(query));
    });
  }

  protected filter(onlyUnread: boolean): void {
    this.onlyUnread.set(onlyUnread);
    this.pageNumber.set(1);
  }

  protected opened(notification: NotificationView): void {
    if (!notification.readAt) this.center.markRead(notification.id).subscribe({ error: () => undefined });
  }

  protected markRead(notification: NotificationView): void {
    this.center.markRead(notification.id).subscribe({
      next: () => {
        const readAt = new Date().toISOString();
        this.page.update((p) => p && { ...p, items: p.items.map((n) => (n.id === notification.id ? { ...n, readAt } : n)) });
      },
      error: (error: unknown) => this.failure.set(errorMessage(this.i18n, problemOf(error).code)),
    });
  }

  protected markAllRead(): void {
    this.center.markAllRead().subscribe({
      next: () => {
        this.message.set(this.i18n.t('notifications.page.allRead'));
        this.pageNumber.set(1);
        this.load({ page: 1, pageSize: PAGE_SIZE, unread: this.onlyUnread() });
      },
      error: (error: unknown) => this.failure.set(errorMessage(this.i18n, problemOf(error).code)),
    });
  }

  private load(query: { page: number; pageSize: number; unread: boolean }): void {
    this.failure.set('');
    this.client.list(query).subscribe({
      next: (page) => {
        this.page.set(page);
        this.center.set(page.unread);
      },
      error: (error: unknown) => this.failure.set(errorMessage(this.i18n, problemOf(error).code)),
    });
  }
}
