import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { ReportFigures, ReportIndicatorKey, ReportQuery } from '@eslabon/contracts';
import type { MessageKey } from '../../core/i18n/i18n.service';
import { indicatorChange } from '@eslabon/contracts';
import { ReportFormat } from './report-format';
import { INDICATOR_MEASURES, type Drill } from './report-query';

/** The headline, in three groups; every indicator of the definitions has its card. */
const GROUPS: { title: MessageKey; keys: ReportIndicatorKey[] }[] = [
  { title: 'reports.groups.value', keys: ['awardedValueCop', 'awardedCount', 'savingsCop', 'savingsShare', 'limitedValueCop'] },
  {
    title: 'reports.groups.participation',
    keys: [
      'nationalShare',
      'mipymeShare',
      'microShare',
      'pequenaShare',
      'medianaShare',
      'economiaPopularShare',
      'womenLedShare',
      'cooperativeShare',
      'localShare',
      'foodAcfcShare',
    ],
  },
  {
    title: 'reports.groups.competition',
    keys: ['processes', 'biddersPerProcess', 'bidsPerLot', 'singleBidderShare', 'voidShare', 'limitedProcesses', 'reservedLots'],
  },
];

/** Headline figures with their change against the previous period; a click lists the processes behind one. */
@Component({
  selector: 'esl-headline-figures',
  imports: [MatTooltipModule],
  template: `
    @for (group of groups(); track group.title) {
      <h3>{{ f.t(group.title) }}</h3>
      <ul class="figures">
        @for (figure of group.figures; track figure.key) {
          <li>
            <button
              type="button"
              class="figure"
              [attr.data-testid]="'figure-' + figure.key"
              [matTooltip]="figure.definition"
              (click)="open(figure.key)"
            >
              <span class="label">{{ figure.label }}</span>
              <span class="value">{{ figure.value }}</span>
              <span class="change">
                <span aria-hidden="true">{{ figure.direction > 0 ? '▲' : figure.direction < 0 ? '▼' : '' }}</span>
                {{ figure.change }}
              </span>
            </button>
          </li>
        }
      </ul>
    }
  `,
  styleUrl: './headline-figures.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HeadlineFigures {
  protected readonly f = inject(ReportFormat);
  readonly current = input.required<ReportFigures>();
  readonly previous = input.required<ReportFigures>();
  readonly query = input.required<ReportQuery>();
  readonly drill = output<Drill>();

  protected readonly groups = computed(() =>
    GROUPS.map((group) => ({
      title: group.title,
      figures: group.keys.map((key) => {
        const change = indicatorChange(key, this.current().indicators, this.previous().indicators);
        return {
          key,
          label: this.f.label(key),
          definition: this.f.definition(key),
          value: this.f.figure(key, this.current().indicators),
          change: this.f.change(change),
          direction: Math.sign(change.bp ?? 0),
        };
      }),
    })),
  );

  protected open(key: ReportIndicatorKey): void {
    this.drill.emit({ query: this.query(), measure: INDICATOR_MEASURES[key], subject: this.f.label(key) });
  }
}
