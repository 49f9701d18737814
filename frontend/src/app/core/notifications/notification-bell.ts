import { CdkConnectedOverlay, CdkOverlayOrigin, type ConnectedPosition } from '@angular/cdk/overlay';
import { NgComponentOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  Type,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { NavigationEnd, Router } from '@angular/router';
import { filter } from 'rxjs';
import { I18n } from '../i18n/i18n.service';
import { NotificationCenter } from './notification-center';

const POSITIONS: ConnectedPosition[] = [
  { originX: 'end', originY: 'bottom', overlayX: 'end', overlayY: 'top', offsetY: 4 },
  { originX: 'start', originY: 'bottom', overlayX: 'start', overlayY: 'top', offsetY: 4 },
];

/**
 * The toolbar's bell for signed-in users: the unread count as a badge and in its accessible name
 * ("Notificaciones, 3 sin leer"). It opens a panel with the latest notifications whose code is only
 * downloaded on first open: the start-up bundle carries just the button and the count.
 */
@Component({
  selector: 'esl-notification-bell',
  imports: [CdkConnectedOverlay, CdkOverlayOrigin, MatButtonModule, NgComponentOutlet],
  template: `
    <button
      #bell
      mat-icon-button
      type="button"
      cdkOverlayOrigin
      #origin="cdkOverlayOrigin"
      data-testid="bell"
      [attr.aria-label]="label()"
      aria-haspopup="dialog"
      [attr.aria-expanded]="open()"
      [attr.aria-controls]="open() ? 'notification-panel' : null"
      (click)="toggle()"
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2 2 0 0 0 2-2h-4a2 2 0 0 0 2 2Zm6-6V11c0-3.07-1.64-5.64-4.5-6.32V4a1.5 1.5 0 0 0-3 0v.68C7.63 5.36 6 7.92 6 11v5l-2 2v1h16v-1l-2-2Z"
        />
      </svg>
    </button>
    @if (center.unread()) {
      <span class="badge" aria-hidden="true" data-testid="badge">{{ badge() }}</span>
    }
    <ng-template
      cdkConnectedOverlay
      [cdkConnectedOverlayOrigin]="origin"
      [cdkConnectedOverlayOpen]="open()"
      [cdkConnectedOverlayPositions]="positions"
      [cdkConnectedOverlayPush]="true"
      [cdkConnectedOverlayViewportMargin]="8"
      (overlayOutsideClick)="outside($event)"
      (overlayKeydown)="keydown($event)"
      (attach)="focusPanel()"
      (detach)="open.set(false)"
    >
      <div
        #panel
        id="notification-panel"
        class="notification-panel"
        role="dialog"
        tabindex="-1"
        [attr.aria-label]="i18n.t('notifications.recent')"
      >
        @if (panelType(); as panelType) {
          <ng-container *ngComponentOutlet="panelType" />
        } @else {
          <p>{{ i18n.t('notifications.loading') }}</p>
        }
      </div>
    </ng-template>
  `,
  styles: `
    :host {
      position: relative;
      display: inline-flex;
    }
    .badge {
      position: absolute;
      top: 2px;
      right: 0;
      min-width: 18px;
      height: 18px;
      padding: 0 4px;
      box-sizing: border-box;
      border-radius: 9px;
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
      font-size: 0.6875rem;
      font-weight: 700;
      line-height: 18px;
      text-align: center;
      pointer-events: none;
    }
    .notification-panel {
      outline: none;
      box-sizing: border-box;
      width: min(360px, calc(100vw - 16px));
      max-height: min(480px, calc(100vh - 96px));
      overflow-y: auto;
      padding: 12px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
      color: var(--mat-sys-on-surface);
      box-shadow: var(--mat-sys-level3);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationBell {
  protected readonly i18n = inject(I18n);
  protected readonly center = inject(NotificationCenter);
  private readonly injector = inject(Injector);
  protected readonly positions = POSITIONS;
  protected readonly open = signal(false);
  /** The panel's component, once its chunk has arrived. */
  protected readonly panelType = signal<Type<unknown> | null>(null);
  // The button is also a MatIconButton: read its element, not the component.
  private readonly bell = viewChild.required('bell', { read: ElementRef<HTMLButtonElement> });
  private readonly panel = viewChild<ElementRef<HTMLElement>>('panel');

  constructor() {
    // A followed link closes the panel, by mouse or keyboard; its own handler has marked the notification read.
    inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.open.set(false));
  }

  protected readonly badge = computed(() => (this.center.unread() > 99 ? '99+' : String(this.center.unread())));
  protected readonly label = computed(() => {
    const count = this.center.unread();
    if (!count) return this.i18n.t('notifications.bell');
    return count === 1 ? this.i18n.t('notifications.bellUnreadOne') : this.i18n.t('notifications.bellUnread', { count });
  });

  protected toggle(): void {
    this.open.update((open) => !open);
    if (!this.panelType()) void import('./notification-panel').then((m) => this.panelType.set(m.NotificationPanel));
  }

  /** The panel is at the end of the page: focus moves into it, and Escape brings it back to the bell. */
  protected focusPanel(): void {
    afterNextRender(() => this.panel()?.nativeElement.focus(), { injector: this.injector });
  }

  /** A click on the bell itself toggles; any other click outside closes. */
  protected outside(event: MouseEvent): void {
    if (!this.bell().nativeElement.contains(event.target as Node)) this.open.set(false);
  }

  protected keydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.open.set(false);
    this.bell().nativeElement.focus();
  }
}
