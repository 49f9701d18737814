import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { MipymeRequestView, TenderView, TerritorialScope } from '@eslabon/contracts';
import { problemOf, showProblem } from '../../core/api/problem';
import { I18n } from '../../core/i18n/i18n.service';
import { PlaceMultiSelect } from '../../core/reference/place-multi-select';
import { BogotaTimePipe } from '../../core/time/bogota-time';
import { TenderErrorPipe, tenderErrorMessage } from './tender-format';
import { TendersClient } from './tenders.client';

/**
 * The requests to limit the call to mipymes, each with why the rule does not count it, the decision,
 * and — once limited — the buyer's optional further limitation to mipymes of the territory.
 */
@Component({
  selector: 'esl-mipyme-requests',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    PlaceMultiSelect,
    BogotaTimePipe,
    TenderErrorPipe,
  ],
  template: `
    <p class="muted">{{ i18n.t('tenders.manage.requestsIntro') }}</p>
    <p data-testid="decision">{{ decision() }}</p>
    <ul class="plain-list" data-testid="requests">
      @for (r of requests(); track r.id) {
        <li>
          <strong>{{ r.supplier.name }}</strong>
          @if (r.supplier.nit) {
            · NIT {{ r.supplier.nit }}
          }
          <br />
          {{ i18n.t('tenders.manage.requestedAt') }}: {{ r.requestedAt | bogotaTime: i18n.locale() }}
          <br />
          {{ i18n.t('tenders.manage.verdict') }}: {{ verdict(r) }}
        </li>
      } @empty {
        <li>{{ i18n.t('tenders.manage.requestsNone') }}</li>
      }
    </ul>
    @if (tender().mipymeLimitation.decision?.limited) {
      <form [formGroup]="form" (ngSubmit)="limit()" class="stacked" novalidate>
        <h3>{{ i18n.t('tenders.manage.territorialTitle') }}</h3>
        <p class="muted">{{ i18n.t('tenders.manage.territorialIntro') }}</p>
        <mat-form-field>
          <mat-label>{{ i18n.t('tenders.wizard.territorialScope') }}</mat-label>
          <mat-select formControlName="scope" (selectionChange)="form.controls.codes.setValue([])">
            <mat-option value="department">{{ i18n.t('tenders.wizard.scopeDepartment') }}</mat-option>
            <mat-option value="municipality">{{ i18n.t('tenders.wizard.scopeMunicipality') }}</mat-option>
          </mat-select>
        </mat-form-field>
        @if (form.controls.scope.value === 'department') {
          <esl-place-multi-select formControlName="codes" level="departments" label="tenders.wizard.limitationDepartments" />
        } @else {
          <esl-place-multi-select formControlName="codes" level="municipalities" label="tenders.wizard.limitationMunicipalities" />
        }
        <mat-form-field>
          <mat-label>{{ i18n.t('tenders.manage.justification') }}</mat-label>
          <textarea matInput rows="3" formControlName="justification"></textarea>
          <mat-error>{{ form.controls.justification | tenderError }}</mat-error>
        </mat-form-field>
        @if (failure()) {
          <p class="form-error" role="alert">{{ failure() }}</p>
        }
        <div class="form-actions">
          <button mat-flat-button type="submit" [disabled]="busy()">{{ i18n.t('tenders.manage.saveTerritorial') }}</button>
        </div>
      </form>
    }
  `,
  styles: '.muted { color: var(--mat-sys-on-surface-variant) } mat-form-field { width: 100% }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MipymeRequests {
  protected readonly i18n = inject(I18n);
  private readonly client = inject(TendersClient);
  readonly tender = input.required<TenderView>();
  readonly requests = input.required<readonly MipymeRequestView[]>();
  readonly limited = output<TenderView>();
  protected readonly busy = signal(false);
  protected readonly failure = signal('');
  protected readonly form = inject(NonNullableFormBuilder).group({
    scope: ['department' as TerritorialScope],
    codes: [[] as string[], Validators.required],
    justification: ['', Validators.required],
  });

  protected decision(): string {
    const decision = this.tender().mipymeLimitation.decision;
    if (!decision) return this.i18n.t('tenders.manage.decisionPending');
    return this.i18n.t(decision.limited ? 'tenders.manage.decisionLimited' : 'tenders.manage.decisionOpen');
  }

  protected verdict(request: MipymeRequestView): string {
    if (!request.refusals.length) return this.i18n.t('tenders.manage.valid');
    return request.refusals
      .map((code) => {
        const key = `tenders.manage.refusals.${code}`;
        return this.i18n.has(key) ? this.i18n.t(key) : code;
      })
      .join('; ');
  }

  protected limit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const value = this.form.getRawValue();
    this.busy.set(true);
    this.failure.set('');
    this.client.limitTerritory(this.tender().id, { ...value, justification: value.justification.trim() }).subscribe({
      next: (view) => {
        this.busy.set(false);
        this.limited.emit(view);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const rest = showProblem(this.form, problemOf(error));
        this.failure.set(rest ? tenderErrorMessage(this.i18n, rest.code) : '');
      },
    });
  }
}
