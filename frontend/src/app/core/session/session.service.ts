import { Injectable, computed, signal } from '@angular/core';
import { NAV_ITEMS, Role, visibleNavItems } from '@eslabon/contracts';

/** Who is using the app. Anonymous (no roles) until the visitor signs in. */
@Injectable({ providedIn: 'root' })
export class Session {
  readonly roles = signal<readonly Role[]>([]);
  readonly navItems = computed(() => visibleNavItems(NAV_ITEMS, this.roles()));
}
