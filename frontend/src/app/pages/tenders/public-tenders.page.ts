import { ChangeDetectionStrategy, Component, computed, inject, signal, untracked, viewChild } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Params, Router, RouterLink } from '@angular/router';
import {
  SUGGESTION_MIN_LENGTH,
  SUPPLIER_ROLES,
  TENDER_SORTS,
  type SearchSuggestion,
  type TenderSearchQuery,
  type TenderSearchResult,
  type TenderSort,
} from '@eslabon/contracts';
import { Observable, catchError, distinctUntilChanged, map, of, switchMap, tap } from 'rxjs';
import { problemOf, showProblem } from '../../core/api/problem';
import { errorMessage } from '../../core/forms/form-errors';
import { formatAmount } from '../../core/i18n/format';
import { I18n } from '../../core/i18n/i18n.service';
import { ReferenceClient } from '../../core/reference/reference.client';
import { Session } from '../../core/session/session.service';
import { Pager } from '../../core/ui/pager';
import { typeahead } from '../../core/ui/typeahead';
import { SaveSearch } from './save-search';
import { TenderCards } from './tender-cards';
import { TenderFacets } from './tender-facets';
import { TenderErrorPipe, normalizePesos, wholePesos } from './tender-format';
import { chosenFilters, type ChipFilter, type SearchNames } from './tender-search-labels';
import { ANY_STATUS, DEFAULT_STATUS, SEARCH_PAGE_SIZE, searchFromUrl, urlFromSearch } from './tender-search-url';
import { TendersClient } from './tenders.client';

type RangeField = 'budgetMin' | 'budgetMax' | 'closingFrom' | 'closingTo';

/** Looks a list up once, and keeps it empty when the look-up fails: names then show as codes. */
const orEmpty = <T>(list: Observable<T[]>) => list.pipe(catchError(() => of([] as T[])));

/**
 * Published tenders, for visitors and suppliers: words with suggestions, facet counts, ranges, sorts and
 * pages, all in the URL so a search can be bookmarked, shared and gone back to. A URL that names no
 * status finds open calls; `status=all` finds every status. Signed-in suppliers can save the search as an alert.
 */
@Component({
  selector: 'esl-public-tenders-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAutocompleteModule,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    Pager,
    SaveSearch,
    TenderCards,
    TenderErrorPipe,
    TenderFacets,
  ],
  templateUrl: './public-tenders.page.html',
  styleUrl: './public-tenders.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicTendersPage {
  protected readonly i18n = inject(I18n);
  private readonly client = inject(TendersClient);
  private readonly reference = inject(ReferenceClient);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly sorts = TENDER_SORTS;

  protected readonly query = signal<TenderSearchQuery>({ status: DEFAULT_STATUS, page: 1, pageSize: SEARCH_PAGE_SIZE });
  protected readonly result = signal<TenderSearchResult | null>(null);
  protected readonly searching = signal(false);
  protected readonly failure = signal('');
  /** On a phone the filters fold away behind a button. */
  protected readonly filtersOpen = signal(false);
  protected readonly isSupplier = computed(() => this.session.roles().some((r) => (SUPPLIER_ROLES as readonly string[]).includes(r)));
  protected readonly signInLink = computed(() => ({ volver: this.router.url }));

  /** What is typed in the search box, or the suggestion picked from it. */
  protected readonly words = new FormControl<string | SearchSuggestion>('', { nonNullable: true });
  private readonly suggestions = toSignal(
    typeahead(this.words.valueChanges, SUGGESTION_MIN_LENGTH, (q) => this.client.suggestions(q)),
    {
      initialValue: [] as SearchSuggestion[],
    },
  );
  private readonly suggestionTrigger = viewChild.required(MatAutocompleteTrigger);
  protected readonly tenderSuggestions = computed(() => this.suggestions().filter((s) => s.kind === 'tender'));
  protected readonly classSuggestions = computed(() => this.suggestions().filter((s) => s.kind === 'unspsc'));

  protected readonly range = inject(NonNullableFormBuilder).group({
    budgetMin: ['', wholePesos],
    budgetMax: ['', wholePesos],
    closingFrom: [''],
    closingTo: [''],
  });

  private readonly departments = toSignal(orEmpty(this.reference.departments()), { initialValue: [] });
  private readonly segments = toSignal(orEmpty(this.reference.unspscSegments()), { initialValue: [] });
  protected readonly municipalities = toSignal(
    toObservable(computed(() => this.query().department)).pipe(
      distinctUntilChanged(),
      switchMap((department) => (department ? orEmpty(this.reference.municipalities(department)) : of([]))),
    ),
    { initialValue: [] },
  );
  /** UNSPSC names learnt from the suggestions, and the one a shared link names by its code only. */
  private readonly learnt = signal<ReadonlyMap<string, string>>(new Map());
  private readonly linkedUnspsc = toSignal(
    toObservable(computed(() => this.query().unspsc)).pipe(
      distinctUntilChanged(),
      switchMap((code) =>
        !code || untracked(this.learnt).has(code)
          ? of(null)
          : this.reference.unspscNode(code).pipe(map((node) => node && ([node.code, `${node.code} · ${node.name}`] as const))),
      ),
    ),
    { initialValue: null },
  );
  protected readonly names = computed<SearchNames>(() => {
    const departments = new Map(this.departments().map((d) => [d.code, d.name]));
    const municipalities = new Map(this.municipalities().map((m) => [m.code, m.name]));
    const unspsc = new Map([...this.segments().map((s): [string, string] => [s.code, `${s.code} · ${s.name}`]), ...this.learnt()]);
    const linked = this.linkedUnspsc();
    if (linked) unspsc.set(...linked);
    return {
      department: (code) => departments.get(code) ?? code,
      municipality: (code) => municipalities.get(code) ?? code,
      unspsc: (code) => unspsc.get(code) ?? code,
    };
  });
  protected readonly chips = computed(() => chosenFilters(this.i18n, this.query(), this.names()));
  protected readonly total = computed(() => {
    const total = this.result()?.total ?? 0;
    if (total === 1) return this.i18n.t('tenders.search.totalOne');
    return this.i18n.t('tenders.search.total', { total: formatAmount(total, this.i18n.locale()) });
  });

  constructor() {
    this.route.queryParamMap
      .pipe(
        map(searchFromUrl),
        tap((query) => this.show(query)),
        switchMap((query) => this.client.search(query).pipe(catchError((error: unknown) => this.refused(error)))),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.searching.set(false);
        this.result.set(result);
      });
  }

  protected suggestionText(value: string | SearchSuggestion): string {
    return typeof value === 'string' ? value : value.text;
  }

  /** The box is a form control of its own, not of a form group: the browser's submit is stopped here. */
  protected submitWords(event: Event): void {
    event.preventDefault();
    // The results take the place of the suggestions.
    this.suggestionTrigger().closePanel();
    const typed = this.words.value;
    this.navigate({ q: typeof typed === 'string' ? typed.trim() || null : null });
  }

  /** A tender opens it; a UNSPSC class becomes the filter in place of the words typed to find it. */
  protected choose(suggestion: SearchSuggestion): void {
    if (suggestion.kind === 'tender') {
      void this.router.navigate(['/procesos', suggestion.value]);
      return;
    }
    this.learnt.update((names) => new Map(names).set(suggestion.value, suggestion.text));
    this.navigate({ unspsc: suggestion.value, q: null });
  }

  protected applyRange(): void {
    // Checks again, dropping what the server refused last time: one fixed end may settle the other.
    this.range.setValue(this.range.getRawValue());
    this.range.markAllAsTouched();
    if (this.range.invalid) return;
    const r = this.range.getRawValue();
    this.navigate({
      budgetMin: normalizePesos(r.budgetMin) || null,
      budgetMax: normalizePesos(r.budgetMax) || null,
      closingFrom: r.closingFrom || null,
      closingTo: r.closingTo || null,
    });
  }

  protected rangeError(field: RangeField): string | null {
    // The API refuses a range whose end comes before its start on the end's field.
    if (this.range.controls[field].getError('server') !== 'out_of_order') return null;
    return this.i18n.t(field === 'budgetMax' ? 'tenders.search.budgetOrder' : 'tenders.search.closingOrder');
  }

  protected sortLabel(sort: TenderSort): string {
    return this.i18n.t(`tenders.search.sorts.${sort}`);
  }

  protected sortBy(sort: TenderSort): void {
    this.navigate({ sort: sort === 'relevance' ? null : sort });
  }

  protected municipality(code: string): void {
    this.navigate({ municipality: code || null });
  }

  /** Removing the status chip means any status, since no status in the URL means open. */
  protected remove(filter: ChipFilter): void {
    if (filter === 'status') this.navigate({ status: ANY_STATUS });
    else if (filter === 'department') this.navigate({ department: null, municipality: null });
    else this.navigate({ [filter]: null });
  }

  /** Keeps the words and the sort; every filter goes, the status too. */
  protected clearFilters(): void {
    const { q, sort } = this.query();
    void this.router.navigate([], { relativeTo: this.route, queryParams: urlFromSearch({ q, sort }) });
  }

  protected go(page: number): void {
    this.navigate({ page: page > 1 ? page : null });
  }

  /** Changes the URL, back at the first page unless a page is given; the search follows the URL. */
  private navigate(changes: Params): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { page: null, ...changes }, queryParamsHandling: 'merge' });
  }

  /** Shows the URL's search in the box and the range fields, e.g. when a shared link is opened or on Back. */
  private show(query: TenderSearchQuery): void {
    this.query.set(query);
    this.failure.set('');
    this.searching.set(true);
    this.words.setValue(query.q ?? '', { emitEvent: false });
    this.range.reset({
      budgetMin: query.budgetMin ?? '',
      budgetMax: query.budgetMax ?? '',
      closingFrom: query.closingFrom ?? '',
      closingTo: query.closingTo ?? '',
    });
  }

  /** A refused range shows next to its field; anything else above the results. */
  private refused(error: unknown): Observable<null> {
    const rest = showProblem(this.range, problemOf(error));
    if (rest) this.failure.set(errorMessage(this.i18n, rest.code));
    else this.filtersOpen.set(true);
    return of(null);
  }
}
