import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TENDER_MILESTONES, type TenderSchedule } from '@eslabon/contracts';
import { I18n } from '../../core/i18n/i18n.service';
import { LongDayPipe, bogotaToday } from './tender-format';

/** The schedule as a timeline in Colombian calendar days; steps already past are marked. */
@Component({
  selector: 'esl-tender-timeline',
  imports: [LongDayPipe],
  template: `
    <ol class="timeline" data-testid="timeline">
      @for (step of steps(); track step.milestone) {
        <li [class.past]="step.date < today">
          <strong>{{ step.label }}</strong>
          <span>
            {{ step.date | longDay: i18n.locale() }}
            @if (step.milestone === 'closing') {
              {{ i18n.t('tenders.common.atTime', { time: closingTime() }) }}
            }
          </span>
        </li>
      }
    </ol>
  `,
  styles: `
    .timeline {
      list-style: none;
      padding: 0 0 0 16px;
      border-left: 3px solid var(--mat-sys-primary);
    }
    li {
      display: flex;
      flex-direction: column;
      padding: 6px 0;
    }
    .past {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TenderTimeline {
  protected readonly i18n = inject(I18n);
  readonly schedule = input.required<Partial<TenderSchedule>>();
  readonly closingTime = input.required<string>();
  protected readonly today = bogotaToday();
  protected readonly steps = computed(() =>
    TENDER_MILESTONES.flatMap((milestone) => {
      const date = this.schedule()[milestone];
      return date ? [{ milestone, date, label: this.i18n.t(`tenders.milestones.${milestone}`) }] : [];
    }),
  );
}
