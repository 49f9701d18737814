import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { SUPPLIER_ROLES, type PlanLinePage, type PlanLineQuery, type PlanLineView } from '@eslabon/contracts';
import { catchError, of } from 'rxjs';
import { problemOf } from '../../core/api/problem';
import { errorMessage } from '../../core/forms/form-errors';
import { I18n } from '../../core/i18n/i18n.service';
import { ReferenceClient, UnspscNode } from '../../core/reference/reference.client';
import { unspscFilterSearch } from '../../core/reference/unspsc-filter-search';
import { Session } from '../../core/session/session.service';
import { PlanLineFacts } from './plan-line-facts';
import { bogotaYear, planYears } from './plan-text';
import { Pager } from '../../core/ui/pager';
import { PlansClient } from './plans.client';

const PAGE_SIZE = 20;
/** Shorter UNSPSC queries match half the catalogue. */

type Filters = Required<Pick<PlanLineQuery, 'page'>> & Omit<PlanLineQuery, 'page' | 'pageSize'>;

/** The published plans of every buyer, for suppliers to prepare; a signed-in supplier marks what interests it. */
@Component({
  selector: 'esl-public-plans-page',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    PlanLineFacts,
    Pager,
  ],
  templateUrl: './public-plans.page.html',
  styleUrl: './public-plans.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicPlansPage {
  protected readonly i18n = inject(I18n);
  private readonly client = inject(PlansClient);
  private readonly reference = inject(ReferenceClient);
  private readonly session = inject(Session);
  protected readonly years = planYears();
  protected readonly departments = toSignal(this.reference.departments().pipe(catchError(() => of([]))), { initialValue: [] });
  protected readonly isSupplier = computed(() => this.session.roles().some((r) => (SUPPLIER_ROLES as readonly string[]).includes(r)));

  protected readonly filters = signal<Filters>({ year: bogotaYear(), page: 1 });
  protected readonly result = signal<PlanLinePage | null>(null);
  protected readonly failure = signal('');
  /** Lines whose interest is being sent, so a second click waits for the first. */
  protected readonly sending = signal<ReadonlySet<string>>(new Set());

  /** What is typed in the UNSPSC box, or the class or family chosen from its suggestions. */
  protected readonly unspscInput = new FormControl<string | UnspscNode>('', { nonNullable: true });
  protected readonly unspscResults = toSignal(unspscFilterSearch(this.unspscInput.valueChanges, this.reference), {
    initialValue: [] as UnspscNode[],
  });

  constructor() {
    // The session matters too: a supplier that signs in learns which lines it marked.
    effect(() => {
      const filters = this.filters();
      this.session.activeMembership();
      untracked(() => this.load(filters));
    });
    // Typing again in the UNSPSC box drops the class or family chosen before.
    this.unspscInput.valueChanges.pipe(takeUntilDestroyed()).subscribe((value) => {
      if (typeof value === 'string' && this.filters().unspsc) this.change({ unspsc: undefined });
    });
  }

  protected unspscLabel(value: string | UnspscNode): string {
    return typeof value === 'string' ? value : `${value.code} · ${value.name}`;
  }

  protected chooseUnspsc(node: UnspscNode): void {
    this.change({ unspsc: node.code });
  }

  /** Any filter change starts again at the first page. */
  protected change(filters: Omit<Filters, 'page'>): void {
    this.filters.update((current) => ({ ...current, ...filters, page: 1 }));
  }

  protected go(page: number): void {
    this.filters.update((current) => ({ ...current, page }));
  }

  protected clear(): void {
    this.unspscInput.reset('', { emitEvent: false });
    this.filters.set({ year: undefined, page: 1 });
  }

  protected toggleInterest(line: PlanLineView): void {
    if (this.sending().has(line.id)) return;
    const interested = !line.interested;
    this.sending.update((ids) => new Set(ids).add(line.id));
    this.failure.set('');
    const done = () =>
      this.sending.update((ids) => {
        const next = new Set(ids);
        next.delete(line.id);
        return next;
      });
    this.client.setInterest(line.id, interested).subscribe({
      next: () => {
        done();
        this.replace(line.id, (l) => ({ ...l, interested, interestCount: Math.max(0, l.interestCount + (interested ? 1 : -1)) }));
      },
      error: (error: unknown) => {
        done();
        this.failure.set(errorMessage(this.i18n, problemOf(error).code));
      },
    });
  }

  private replace(id: string, change: (line: PlanLineView) => PlanLineView): void {
    this.result.update((result) => result && { ...result, items: result.items.map((l) => (l.id === id ? change(l) : l)) });
  }

  private load(filters: Filters): void {
    this.failure.set('');
    this.client.published({ ...filters, pageSize: PAGE_SIZE }).subscribe({
      next: (result) => this.result.set(result),
      error: (error: unknown) => this.failure.set(errorMessage(this.i18n, problemOf(error).code)),
    });
  }
}
