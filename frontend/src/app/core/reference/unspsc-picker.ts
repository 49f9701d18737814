import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { UnspscClassView, UnspscSuggestion } from '@eslabon/contracts';
import { FieldErrorPipe } from '../forms/form-errors';
import { I18n } from '../i18n/i18n.service';
import { typeahead } from '../ui/typeahead';
import { PickerControl } from './picker-control';
import { ReferenceClient, UnspscNode } from './reference.client';

/** Shorter queries match half the catalogue. */
const MIN_QUERY = 2;

/**
 * UNSPSC classes as one form control holding their codes (string[], 6 digits as the API returns them),
 * for a firm that may not know the catalogue: search as you type, browse segment → family → class, or
 * describe what it sells in its own words and add the suggested classes. Only classes can be added.
 *
 *   <esl-unspsc-picker formControlName="unspscClasses" [known]="profile.classes" />
 *
 * `known` names the codes the form starts with; `chosen()` gives every chosen class with its name.
 */
@Component({
  selector: 'esl-unspsc-picker',
  imports: [
    NgTemplateOutlet,
    MatAutocompleteModule,
    MatButtonModule,
    MatChipsModule,
    MatExpansionModule,
    MatFormFieldModule,
    MatInputModule,
    FieldErrorPipe,
  ],
  templateUrl: './unspsc-picker.html',
  styleUrl: './unspsc-picker.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnspscPicker extends PickerControl<string[]> {
  protected readonly i18n = inject(I18n);
  private readonly reference = inject(ReferenceClient);
  readonly known = input<readonly UnspscClassView[]>([]);
  /** Classifying what a buyer needs (a lot) rather than what a supplier sells: only the words differ. */
  readonly forNeed = input(false);
  protected readonly value = signal<string[]>([]);

  /** Names learnt while choosing, for classes not in `known`. */
  private readonly learnt = signal<ReadonlyMap<string, string>>(new Map());
  readonly chosen = computed<UnspscClassView[]>(() => {
    const known = new Map(this.known().map((c) => [c.code, c.name]));
    return this.value().map((code) => ({ code, name: this.learnt().get(code) ?? known.get(code) ?? '' }));
  });

  protected readonly query = signal('');
  protected readonly results = toSignal(
    typeahead(toObservable(this.query), MIN_QUERY, (q) => this.reference.unspscSearch(q)),
    { initialValue: [] as UnspscNode[] },
  );

  /** Children by parent code ('' for the segments), loaded as branches open. */
  protected readonly tree = signal<Readonly<Record<string, UnspscNode[]>>>({});
  protected readonly open = signal<ReadonlySet<string>>(new Set());
  protected readonly treeFailed = signal(false);

  protected readonly description = signal('');
  protected readonly suggestions = signal<UnspscSuggestion[] | null>(null);
  protected readonly suggesting = signal(false);
  protected readonly suggestFailed = signal(false);

  protected empty(): string[] {
    return [];
  }

  protected levelLabel(level: UnspscNode['level']): string {
    return this.i18n.t(`supplierProfile.reference.levels.${level}`);
  }

  protected has(code: string): boolean {
    return this.value().includes(code);
  }

  protected add(code: string, name: string): void {
    if (this.has(code)) return;
    this.learnt.update((names) => new Map(names).set(code, name));
    this.commit([...this.value(), code]);
  }

  protected remove(code: string): void {
    this.commit(this.value().filter((c) => c !== code));
  }

  protected pickResult(event: MatAutocompleteSelectedEvent, input: HTMLInputElement): void {
    const node = event.option.value as UnspscNode;
    this.add(node.code, node.name);
    // Ready for the next search rather than showing the chosen name in the box.
    input.value = '';
    this.query.set('');
  }

  protected toggle(code: string): void {
    const open = new Set(this.open());
    if (open.delete(code)) {
      this.open.set(open);
      return;
    }
    this.open.set(open.add(code));
    this.loadChildren(code);
  }

  /** Loads a branch's children once; '' loads the segments. A failed branch loads again when reopened. */
  protected loadChildren(parent: string): void {
    if (this.tree()[parent]) return;
    this.treeFailed.set(false);
    this.reference.unspscChildren(parent || undefined).subscribe({
      next: (children) => this.tree.update((tree) => ({ ...tree, [parent]: children })),
      error: () => this.treeFailed.set(true),
    });
  }

  protected suggest(): void {
    const text = this.description().trim();
    if (!text) return;
    this.suggesting.set(true);
    this.suggestFailed.set(false);
    this.reference.unspscSuggest(text).subscribe({
      next: (suggestions) => {
        this.suggesting.set(false);
        this.suggestions.set(suggestions);
      },
      error: () => {
        this.suggesting.set(false);
        this.suggestFailed.set(true);
      },
    });
  }
}
