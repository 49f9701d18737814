import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { AwardView, NationalIndustryStatus } from '@eslabon/contracts';
import { AmountPipe } from '../../core/i18n/format';
import { I18n } from '../../core/i18n/i18n.service';
import { EvaluationClient } from './evaluation.client';
import { nationalIndustryLabel, sizeLabel } from './evaluation-format';

/**
 * What was decided per lot, as anyone reads it: the winner with the value, the origin of what it offers
 * and its size (what the public spending reached), or "Desierto" with the reasons.
 */
@Component({
  selector: 'esl-tender-awards',
  imports: [RouterLink, MatButtonModule, AmountPipe],
  template: `
    <ul class="plain-list" data-testid="awards">
      @for (award of awards(); track award.lotId) {
        <li [attr.data-testid]="'award-' + award.lotId">
          <h3>{{ award.lotTitle }}</h3>
          @if (award.outcome === 'awarded') {
            <dl>
              <dt>{{ i18n.t('evaluation.award.winner') }}</dt>
              <dd data-testid="award-winner">{{ award.supplierName }}</dd>
              @if (award.valueCop; as value) {
                <dt>{{ i18n.t('evaluation.award.value') }}</dt>
                <dd data-testid="award-value">{{ value | amount: i18n.locale() : 'COP' }}</dd>
              }
              @if (award.nationalIndustry; as status) {
                <dt>{{ i18n.t('evaluation.award.nationalIndustry') }}</dt>
                <dd data-testid="award-origin">{{ originLabel(status) }}</dd>
              }
              <dt>{{ i18n.t('evaluation.award.size') }}</dt>
              <dd data-testid="award-size">{{ sizeLabel(award) }}</dd>
            </dl>
          } @else {
            <p data-testid="award-void">
              <strong>{{
                award.reason ? i18n.t('evaluation.award.voidReason', { reason: award.reason }) : i18n.t('evaluation.award.void')
              }}</strong>
            </p>
          }
        </li>
      }
    </ul>
    <a mat-button [routerLink]="['/procesos', tenderId(), 'informe']" data-testid="report-link">{{ i18n.t('evaluation.reportLink') }}</a>
  `,
  styles: `
    h3 {
      margin: 0 0 4px;
    }
    dl {
      display: grid;
      grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
      gap: 2px 16px;
      margin: 0;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TenderAwards {
  protected readonly i18n = inject(I18n);
  private readonly client = inject(EvaluationClient);
  readonly tenderId = input.required<string>();
  protected readonly awards = signal<AwardView[]>([]);

  constructor() {
    effect(() => {
      const tenderId = this.tenderId();
      untracked(() =>
        this.client.awards(tenderId).subscribe({ next: (awards) => this.awards.set(awards), error: () => this.awards.set([]) }),
      );
    });
  }

  protected originLabel(status: NationalIndustryStatus): string {
    return nationalIndustryLabel(this.i18n, status);
  }

  protected sizeLabel(award: AwardView): string {
    return sizeLabel(this.i18n, award.sizeClass);
  }
}
