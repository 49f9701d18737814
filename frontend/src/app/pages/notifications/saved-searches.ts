import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { SavedSearchView } from '@eslabon/contracts';
import { catchError, of } from 'rxjs';
import { problemOf } from '../../core/api/problem';
import { errorMessage } from '../../core/forms/form-errors';
import { I18n } from '../../core/i18n/i18n.service';
import { NotificationsClient } from '../../core/notifications/notifications.client';
import { ReferenceClient } from '../../core/reference/reference.client';
import { BogotaTimePipe } from '../../core/time/bogota-time';
import { chosenFilters, type SearchNames } from '../tenders/tender-search-labels';
import { urlFromSearch } from '../tenders/tender-search-url';

/** The user's saved searches (alerts): what each looks for, a link to its results now, and deleting it. */
@Component({
  selector: 'esl-saved-searches',
  imports: [MatButtonModule, RouterLink, BogotaTimePipe],
  template: `
    <section aria-labelledby="saved-searches-title">
      <h2 id="saved-searches-title">{{ i18n.t('notifications.savedSearches.title') }}</h2>
      <p>{{ i18n.t('notifications.savedSearches.intro') }}</p>
      <p aria-live="polite" class="status-line">{{ message() }}</p>
      @if (failure()) {
        <p class="form-error" role="alert">{{ failure() }}</p>
      }
      @if (searches(); as searches) {
        <ul class="plain-list" data-testid="saved-searches">
          @for (search of searches; track search.id) {
            <li>
              <strong>{{ search.name }}</strong>
              <span class="summary">{{ summary(search) }}</span>
              <span class="summary">{{
                i18n.t('notifications.savedSearches.created', { date: (search.createdAt | bogotaTime: i18n.locale()) })
              }}</span>
              <span class="actions">
                <a
                  mat-stroked-button
                  routerLink="/procesos"
                  [queryParams]="link(search)"
                  [attr.aria-label]="i18n.t('notifications.savedSearches.openLabel', { name: search.name })"
                  >{{ i18n.t('notifications.savedSearches.open') }}</a
                >
                <button
                  mat-button
                  type="button"
                  [attr.aria-label]="i18n.t('notifications.savedSearches.removeLabel', { name: search.name })"
                  (click)="remove(search)"
                >
                  {{ i18n.t('notifications.savedSearches.remove') }}
                </button>
              </span>
            </li>
          } @empty {
            <li>{{ i18n.t('notifications.savedSearches.none') }}</li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    li {
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    .summary {
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SavedSearches implements OnInit {
  protected readonly i18n = inject(I18n);
  private readonly client = inject(NotificationsClient);
  protected readonly searches = signal<SavedSearchView[] | null>(null);
  protected readonly failure = signal('');
  protected readonly message = signal('');
  private readonly departments = toSignal(
    inject(ReferenceClient)
      .departments()
      .pipe(catchError(() => of([]))),
    { initialValue: [] },
  );
  private readonly names = computed<SearchNames>(() => {
    const departments = new Map(this.departments().map((d) => [d.code, d.name]));
    return { department: (code) => departments.get(code) ?? code, municipality: (code) => code, unspsc: (code) => code };
  });

  ngOnInit(): void {
    this.client.savedSearches().subscribe({
      next: (searches) => this.searches.set(searches),
      error: (error: unknown) => this.failure.set(errorMessage(this.i18n, problemOf(error).code)),
    });
  }

  /** «uniformes» · Estado: Abierto · Departamento: ANTIOQUIA */
  protected summary(search: SavedSearchView): string {
    const words = search.query.q ? [this.i18n.t('notifications.savedSearches.words', { q: search.query.q })] : [];
    const parts = [...words, ...chosenFilters(this.i18n, search.query, this.names()).map((f) => f.label)];
    return parts.length ? parts.join(' · ') : this.i18n.t('notifications.savedSearches.everything');
  }

  protected link(search: SavedSearchView) {
    return urlFromSearch(search.query);
  }

  protected remove(search: SavedSearchView): void {
    this.failure.set('');
    this.client.deleteSavedSearch(search.id).subscribe({
      next: () => {
        this.searches.update((list) => list && list.filter((s) => s.id !== search.id));
        this.message.set(this.i18n.t('notifications.savedSearches.removed', { name: search.name }));
      },
      error: (error: unknown) => this.failure.set(errorMessage(this.i18n, problemOf(error).code)),
    });
  }
}
