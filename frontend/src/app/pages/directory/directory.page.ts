import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, ParamMap, Router, RouterLink } from '@angular/router';
import {
  SUPPLIER_TYPES,
  type SupplierDirectoryPage,
  type SupplierDirectoryQuery,
  type SupplierPublicView,
  type SupplierType,
} from '@eslabon/contracts';
import { SIZE_CLASSES, type SizeClass } from '@eslabon/domain';
import { catchError, map, of, switchMap, tap } from 'rxjs';
import { problemOf } from '../../core/api/problem';
import { errorMessage } from '../../core/forms/form-errors';
import { I18n } from '../../core/i18n/i18n.service';
import { ReferenceClient, UnspscNode } from '../../core/reference/reference.client';
import { unspscFilterSearch } from '../../core/reference/unspsc-filter-search';
import { urlParams, urlReader } from '../../core/ui/url-query';
import { DirectoryClient } from './directory.client';
import { SupplierSummary } from './supplier-summary';
import { AmountPipe } from '../../core/i18n/format';

const PAGE_SIZE = 20;
const SHOWN_CLASSES = 3;

/** The filters as the URL carries them (the API's own names), so a filtered view can be shared. */
function queryOf(params: ParamMap): SupplierDirectoryQuery {
  const url = urlReader(params);
  return {
    q: url.text('q'),
    unspsc: url.text('unspsc'),
    department: url.text('department'),
    size: url.oneOf('size', SIZE_CLASSES),
    supplierType: url.oneOf('supplierType', SUPPLIER_TYPES),
    womenLed: url.flag('womenLed'),
    nationalProducts: url.flag('nationalProducts'),
    page: url.page(),
    pageSize: PAGE_SIZE,
  };
}

/** Buyers and officers find suppliers by what they sell, where they are and who they are. */
@Component({
  selector: 'esl-directory-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAutocompleteModule,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    SupplierSummary,
    AmountPipe,
  ],
  templateUrl: './directory.page.html',
  styleUrl: './directory.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DirectoryPage {
  protected readonly i18n = inject(I18n);
  private readonly client = inject(DirectoryClient);
  private readonly reference = inject(ReferenceClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly sizes = SIZE_CLASSES;
  protected readonly supplierTypes = SUPPLIER_TYPES;
  protected readonly departments = toSignal(this.reference.departments().pipe(catchError(() => of([]))), { initialValue: [] });

  protected readonly filters = inject(NonNullableFormBuilder).group({
    q: [''],
    unspsc: [''],
    department: [''],
    size: ['' as SizeClass | ''],
    supplierType: ['' as SupplierType | ''],
    womenLed: [false],
    nationalProducts: [false],
  });
  /** What is typed in the UNSPSC box, or the class or family chosen from its suggestions. */
  protected readonly unspscInput = new FormControl<string | UnspscNode>('', { nonNullable: true });
  protected readonly unspscResults = toSignal(unspscFilterSearch(this.unspscInput.valueChanges, this.reference), {
    initialValue: [] as UnspscNode[],
  });

  protected readonly result = signal<SupplierDirectoryPage | null>(null);
  protected readonly failure = signal('');
  protected readonly pages = computed(() => {
    const result = this.result();
    return result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;
  });

  constructor() {
    this.route.queryParamMap
      .pipe(
        map(queryOf),
        tap((query) => this.showFilters(query)),
        switchMap((query) =>
          this.client.search(query).pipe(
            catchError((error: unknown) => {
              this.failure.set(errorMessage(this.i18n, problemOf(error).code));
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => this.result.set(result));
    // Typing again in the UNSPSC box drops the class or family chosen before.
    this.unspscInput.valueChanges.pipe(takeUntilDestroyed()).subscribe((value) => {
      if (typeof value === 'string' && this.filters.controls.unspsc.value) {
        this.filters.controls.unspsc.setValue('');
        this.apply();
      }
    });
  }

  protected unspscLabel(value: string | UnspscNode): string {
    return typeof value === 'string' ? value : `${value.code} · ${value.name}`;
  }

  protected chooseUnspsc(node: UnspscNode): void {
    this.filters.controls.unspsc.setValue(node.code);
    this.apply();
  }

  protected sizeLabel(size: SizeClass): string {
    return this.i18n.t(`directory.sizes.${size}`);
  }

  protected typeLabel(type: SupplierType): string {
    return this.i18n.t(`directory.types.${type}`);
  }

  protected shownClasses(supplier: SupplierPublicView): string {
    const names = supplier.classes.slice(0, SHOWN_CLASSES).map((c) => c.name);
    const more = supplier.classes.length - SHOWN_CLASSES;
    return more > 0 ? `${names.join(', ')} ${this.i18n.t('directory.moreClasses', { count: more })}` : names.join(', ');
  }

  protected validNationalProducts(supplier: SupplierPublicView): number {
    return supplier.nationalProducts.filter((p) => !p.expired).length;
  }

  /** Puts the filters in the URL; the search follows the URL. */
  protected apply(page = 1): void {
    const f = this.filters.getRawValue();
    void this.router.navigate([], { relativeTo: this.route, queryParams: urlParams({ ...f, q: f.q.trim(), page }) });
  }

  protected clear(): void {
    this.filters.reset();
    this.unspscInput.reset('', { emitEvent: false });
    this.apply();
  }

  /** Shows the URL's filters in the form, e.g. when a shared link is opened. */
  private showFilters(query: SupplierDirectoryQuery): void {
    this.failure.set('');
    this.filters.reset({
      q: query.q ?? '',
      unspsc: query.unspsc ?? '',
      department: query.department ?? '',
      size: query.size ?? '',
      supplierType: query.supplierType ?? '',
      womenLed: query.womenLed ?? false,
      nationalProducts: query.nationalProducts ?? false,
    });
    const chosen = this.unspscInput.value;
    if (query.unspsc && (typeof chosen === 'string' || chosen.code !== query.unspsc)) this.nameUnspsc(query.unspsc);
    if (!query.unspsc && typeof chosen !== 'string') this.unspscInput.reset('', { emitEvent: false });
  }

  /** A shared link carries only the code: look its name up (the search also matches the start of a code). */
  private nameUnspsc(code: string): void {
    this.unspscInput.setValue(code, { emitEvent: false });
    // Unknown, or not found: the code alone still says what is filtered.
    this.reference.unspscNode(code).subscribe((node) => {
      if (node && this.filters.controls.unspsc.value === code) this.unspscInput.setValue(node, { emitEvent: false });
    });
  }
}
