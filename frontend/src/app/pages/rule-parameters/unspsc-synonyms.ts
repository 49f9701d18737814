import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { problemOf } from '../../core/api/problem';
import { FieldErrorPipe, errorMessage } from '../../core/forms/form-errors';
import { FormPage } from '../../core/forms/form-page';
import { RuleParametersClient, UnspscSynonym } from './rule-parameters.client';

/** The admin's list of everyday words the UNSPSC search also understands. */
@Component({
  selector: 'esl-unspsc-synonyms',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, FieldErrorPipe],
  template: `
    <section aria-labelledby="synonyms-title" class="form-page">
      <h2 id="synonyms-title">{{ i18n.t('admin.synonyms.title') }}</h2>
      <p>{{ i18n.t('admin.synonyms.intro') }}</p>
      <ul class="plain-list" data-testid="synonyms">
        @for (synonym of synonyms(); track synonym.id) {
          <li>
            <span
              ><strong>{{ synonym.term }}</strong> → {{ synonym.expansion }}</span
            >
            <button mat-button type="button" (click)="remove(synonym)">
              {{ i18n.t('admin.synonyms.remove', { term: synonym.term }) }}
            </button>
          </li>
        } @empty {
          <li>{{ i18n.t('admin.synonyms.none') }}</li>
        }
      </ul>
      <form [formGroup]="form" (ngSubmit)="add()" novalidate>
        <mat-form-field>
          <mat-label>{{ i18n.t('admin.synonyms.term') }}</mat-label>
          <input matInput formControlName="term" autocomplete="off" />
          <mat-error>{{ form.controls.term | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ i18n.t('admin.synonyms.expansion') }}</mat-label>
          <input matInput formControlName="expansion" autocomplete="off" />
          <mat-error>{{ form.controls.expansion | fieldError }}</mat-error>
        </mat-form-field>
        @if (failure()) {
          <p class="form-error" role="alert">{{ failure() }}</p>
        }
        <div class="form-actions">
          <button mat-stroked-button type="submit" [disabled]="busy()">{{ i18n.t('admin.synonyms.add') }}</button>
        </div>
      </form>
    </section>
  `,
  styles: `
    li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnspscSynonyms extends FormPage {
  private readonly client = inject(RuleParametersClient);
  protected readonly synonyms = signal<UnspscSynonym[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group({
    term: ['', Validators.required],
    expansion: ['', Validators.required],
  });

  constructor() {
    super();
    this.client.synonyms().subscribe({
      next: (list) => this.synonyms.set(list),
      error: (error: unknown) => this.failure.set(errorMessage(this.i18n, problemOf(error).code)),
    });
  }

  protected add(): void {
    const { term, expansion } = this.form.getRawValue();
    this.send(
      this.form,
      () => this.client.addSynonym({ term: term.trim(), expansion: expansion.trim() }),
      (created) => {
        this.synonyms.update((list) => [...list, created]);
        this.form.reset();
      },
    );
  }

  protected remove(synonym: UnspscSynonym): void {
    this.failure.set('');
    this.client.removeSynonym(synonym.id).subscribe({
      next: () => this.synonyms.update((list) => list.filter((s) => s.id !== synonym.id)),
      error: (error: unknown) => this.failure.set(errorMessage(this.i18n, problemOf(error).code)),
    });
  }
}
