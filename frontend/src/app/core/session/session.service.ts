import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { MembershipSummary, NAV_ITEMS, Role, SessionView, visibleNavItems } from '@eslabon/contracts';
import { Observable, catchError, firstValueFrom, map, of, tap } from 'rxjs';
import { AccountsClient } from '../api/accounts.client';

type SignedIn = Extract<SessionView, { authenticated: true }>;

/** Who is using the app, as the server sees it; anonymous (no roles) until the visitor signs in. */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly client = inject(AccountsClient);
  private readonly router = inject(Router);
  readonly view = signal<SessionView>({ authenticated: false });

  readonly user = computed(() => (this.view().authenticated ? (this.view() as SignedIn).user : null));
  readonly memberships = computed<MembershipSummary[]>(() => (this.view().authenticated ? (this.view() as SignedIn).memberships : []));
  readonly activeMembership = computed(() => {
    const view = this.view();
    return view.authenticated ? (view.memberships.find((m) => m.organizationId === view.activeOrganizationId) ?? null) : null;
  });
  /** Roles that count: those held in the active organization, once it is active. */
  readonly roles = computed<readonly Role[]>(() => {
    const active = this.activeMembership();
    return active && active.status === 'active' ? [active.role] : [];
  });
  readonly navItems = computed(() => visibleNavItems(NAV_ITEMS, this.roles()));

  /** Loads the session once at start-up; an unreachable server leaves the visitor anonymous. */
  load(): Promise<void> {
    return firstValueFrom(
      this.client.session().pipe(
        tap((view) => this.view.set(view)),
        map(() => undefined),
        catchError(() => of(undefined)),
      ),
    );
  }

  set(view: SessionView): void {
    this.view.set(view);
  }

  /** After signing in (or joining by invitation): keep the session and go on, only to pages of this app. */
  enter(view: SessionView, target?: string): void {
    this.view.set(view);
    void this.router.navigateByUrl(target?.startsWith('/') ? target : '/cuenta');
  }

  switchTo(organizationId: string): Observable<SessionView> {
    return this.client.switchOrganization(organizationId).pipe(tap((view) => this.view.set(view)));
  }

  logout(): Observable<void> {
    return this.client.logout().pipe(tap(() => this.view.set({ authenticated: false })));
  }
}
