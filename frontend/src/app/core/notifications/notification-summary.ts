import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { NotificationView } from '@eslabon/contracts';
import { catchError, of } from 'rxjs';
import { I18n } from '../i18n/i18n.service';
import { ReferenceClient } from '../reference/reference.client';
import { whyText } from './notification-text';

/** What a notification is about and why it came: the tender's title and reference, and the reasons in words. */
@Component({
  selector: 'esl-notification-summary',
  template: `
    <!-- Spaces between the parts keep a link's accessible name readable; the flex layout ignores them. -->
    <span class="title">{{ notification().tenderTitle }}</span>&ngsp;
    <span class="reference">{{ notification().tenderReference }}</span>&ngsp; <span class="why" data-testid="why">{{ why() }}</span>&ngsp;
    @if (!notification().readAt) {
      <span class="unread">{{ i18n.t('notifications.unread') }}</span>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    .title {
      font-weight: 600;
    }
    .reference,
    .why {
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.875rem;
    }
    .unread {
      align-self: flex-start;
      padding: 0 8px;
      border-radius: 8px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
      font-size: 0.75rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationSummary {
  protected readonly i18n = inject(I18n);
  readonly notification = input.required<NotificationView>();
  /** Department names for "Opera en …"; the code until they arrive (the list is fetched once per visit). */
  private readonly departments = toSignal(
    inject(ReferenceClient)
      .departments()
      .pipe(catchError(() => of([]))),
    { initialValue: [] },
  );
  private readonly names = computed(() => new Map(this.departments().map((d) => [d.code, d.name])));
  protected readonly why = computed(() => whyText(this.i18n, this.notification(), (code) => this.names().get(code) ?? code));
}
