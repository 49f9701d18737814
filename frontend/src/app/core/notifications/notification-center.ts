import { DOCUMENT } from '@angular/common';
import { Injectable, computed, effect, inject, signal } from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { EMPTY, Observable, Subject, catchError, filter, fromEvent, interval, merge, startWith, switchMap, tap } from 'rxjs';
import { Session } from '../session/session.service';
import { NotificationsClient } from './notifications.client';

/** How often the bell asks for the unread count. */
export const POLL_MS = 30_000;

/**
 * The unread count behind the bell, for whoever is signed in: asked now, every 30 s, after each
 * navigation and when the tab shows again, and no more once the user signs out. Pages that read or
 * mark notifications keep it current.
 */
@Injectable({ providedIn: 'root' })
export class NotificationCenter {
  private readonly client = inject(NotificationsClient);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly refreshes = new Subject<void>();
  private readonly count = signal(0);
  readonly unread = this.count.asReadonly();

  constructor() {
    // Another user (or none): the polling of the one before stops.
    const userId = computed(() => this.session.user()?.id ?? null);
    effect((onCleanup) => {
      if (!userId()) {
        this.count.set(0);
        return;
      }
      const polling = this.polled().subscribe((count) => this.count.set(count));
      onCleanup(() => polling.unsubscribe());
    });
  }

  /** Asks again now (and restarts the 30 s wait). */
  refresh(): void {
    this.refreshes.next();
  }

  /** A count the server just gave with a page of notifications. */
  set(count: number): void {
    this.count.set(count);
  }

  /** Marks one read; the bell drops it at once and then asks the server. */
  markRead(notificationId: string): Observable<void> {
    return this.client.markRead(notificationId).pipe(
      tap(() => {
        this.count.update((n) => Math.max(0, n - 1));
        this.refresh();
      }),
    );
  }

  markAllRead(): Observable<void> {
    return this.client.markAllRead().pipe(tap(() => this.count.set(0)));
  }

  private polled(): Observable<number> {
    const navigated = this.router.events.pipe(filter((e) => e instanceof NavigationEnd));
    const shown = fromEvent(this.document, 'visibilitychange').pipe(filter(() => !this.document.hidden));
    return merge(navigated, shown, this.refreshes).pipe(
      startWith(undefined),
      switchMap(() => interval(POLL_MS).pipe(startWith(0))),
      // A hidden tab does not ask; it asks again when shown.
      filter(() => !this.document.hidden),
      switchMap(() => this.client.unreadCount().pipe(catchError(() => EMPTY))),
    );
  }
}
