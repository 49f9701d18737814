import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { EvaluationReport, TenderView } from '@eslabon/contracts';
import { I18n } from '../../core/i18n/i18n.service';
import { Session } from '../../core/session/session.service';
import { TendersClient } from '../tenders/tenders.client';
import { EvaluationClient } from './evaluation.client';
import { EvaluationErrorPipe, commentPeriodOpen, sendForm } from './evaluation-format';
import { EvaluationReportView } from './evaluation-report';

/** The published evaluation report as anyone reads it; a bidder may send observations until the comment period ends. */
@Component({
  selector: 'esl-report-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    EvaluationErrorPipe,
    EvaluationReportView,
  ],
  template: `
    @if (tender(); as t) {
      <h1>{{ t.title }}</h1>
      <p class="muted">{{ t.reference }} · {{ t.buyer.name }}</p>
      <a mat-button [routerLink]="['/procesos', t.id]">{{ i18n.t('evaluation.backToTender') }}</a>
    }
    <h2>{{ i18n.t('evaluation.report.title') }}</h2>
    @if (report(); as r) {
      <esl-evaluation-report [tenderId]="tenderId()" [report]="r" />
      @if (!session.user()) {
        <a mat-stroked-button routerLink="/ingresar" [queryParams]="signInLink()">{{ i18n.t('evaluation.report.signInToObserve') }}</a>
      } @else if (supplier()) {
        @if (commentOpen()) {
          <form [formGroup]="form" (ngSubmit)="observe(observeForm)" #observeForm="ngForm" class="form-page" novalidate>
            <mat-form-field>
              <mat-label>{{ i18n.t('evaluation.report.observationLabel') }}</mat-label>
              <textarea matInput rows="4" formControlName="text" data-testid="observation"></textarea>
              <mat-hint>{{ i18n.t('evaluation.report.observationHint') }}</mat-hint>
              <mat-error>{{ form.controls.text | evaluationError }}</mat-error>
            </mat-form-field>
            @if (failure()) {
              <p class="form-error" role="alert">{{ failure() }}</p>
            }
            <div class="form-actions">
              <button mat-flat-button type="submit" [disabled]="busy()">{{ i18n.t('evaluation.report.submitObservation') }}</button>
            </div>
            <p aria-live="polite">{{ announcement() }}</p>
          </form>
        } @else {
          <p role="note">{{ i18n.t('evaluation.report.commentsClosed') }}</p>
        }
      }
    } @else if (missing()) {
      <p role="note" data-testid="report-missing">{{ i18n.t('evaluation.report.notPublished') }}</p>
    } @else {
      <p>{{ i18n.t('tenders.common.loading') }}</p>
    }
  `,
  styles: `
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    mat-form-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportPage {
  protected readonly i18n = inject(I18n);
  private readonly client = inject(EvaluationClient);
  private readonly tenders = inject(TendersClient);
  protected readonly session = inject(Session);
  readonly tenderId = input.required<string>();

  protected readonly tender = signal<TenderView | null>(null);
  protected readonly report = signal<EvaluationReport | null>(null);
  protected readonly missing = signal(false);
  protected readonly busy = signal(false);
  protected readonly failure = signal('');
  protected readonly announcement = signal('');
  protected readonly form = new FormGroup({ text: new FormControl('', { nonNullable: true, validators: Validators.required }) });

  /** Only suppliers observe; the server checks that this one bid. */
  protected readonly supplier = computed(() => this.session.activeMembership()?.kind === 'supplier' && this.session.roles().length > 0);
  protected readonly commentOpen = computed(() => commentPeriodOpen(this.report()));
  protected readonly signInLink = computed(() => ({ volver: `/procesos/${this.tenderId()}/informe` }));

  constructor() {
    effect(() => {
      const tenderId = this.tenderId();
      untracked(() => this.load(tenderId));
    });
  }

  protected observe(observeForm: FormGroupDirective): void {
    this.announcement.set('');
    const text = this.form.controls.text.value.trim();
    sendForm(
      this.i18n,
      this.form,
      { busy: this.busy, failure: this.failure },
      () => this.client.observe(this.tenderId(), { text }),
      (observation) => {
        this.report.update((r) => r && { ...r, observations: [...r.observations, observation] });
        // Resetting the directive too clears "submitted", so the emptied field is not shown as an error.
        observeForm.resetForm({ text: '' });
        this.announcement.set(this.i18n.t('evaluation.report.observed'));
      },
    );
  }

  private load(tenderId: string): void {
    this.missing.set(false);
    this.tenders.publicView(tenderId).subscribe({ next: (tender) => this.tender.set(tender), error: () => undefined });
    this.client.report(tenderId).subscribe({ next: (report) => this.report.set(report), error: () => this.missing.set(true) });
  }
}
