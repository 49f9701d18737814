import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { LotRanking, NationalIndustryStatus } from '@eslabon/contracts';
import { AmountPipe } from '../../core/i18n/format';
import { I18n } from '../../core/i18n/i18n.service';
import { PointsPipe, factorLabel, nationalIndustryLabel } from './evaluation-format';

/**
 * Per lot: the eligible bids best first with each part of their score, the bids left out and why, and
 * how each tie was broken — which bidders met each factor, and the drawn order with the bid ids anyone
 * needs to repeat the draw.
 */
@Component({
  selector: 'esl-lot-rankings',
  imports: [AmountPipe, PointsPipe],
  template: `
    @let locale = i18n.locale();
    @for (lot of rankings(); track lot.lotId) {
      <section class="lot" data-testid="lot-ranking">
        <h3>{{ lot.lotTitle }}</h3>
        @if (lot.lines.length) {
          <div class="scroll">
            <table>
              <caption class="visually-hidden">
                {{
                  i18n.t('evaluation.rankings.caption', { lot: lot.lotTitle })
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ i18n.t('evaluation.rankings.rank') }}</th>
                  <th scope="col">{{ i18n.t('evaluation.rankings.supplier') }}</th>
                  <th scope="col">{{ i18n.t('evaluation.rankings.priceCop') }}</th>
                  <th scope="col">{{ i18n.t('evaluation.rankings.nationalIndustry') }}</th>
                  <th scope="col">{{ i18n.t('evaluation.rankings.price') }}</th>
                  <th scope="col">{{ i18n.t('evaluation.rankings.nationalIndustryPoints') }}</th>
                  <th scope="col">{{ i18n.t('evaluation.rankings.bonuses') }}</th>
                  <th scope="col">{{ i18n.t('evaluation.rankings.committee') }}</th>
                  <th scope="col">{{ i18n.t('evaluation.rankings.total') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (line of lot.lines; track line.bidId) {
                  <tr data-testid="rank-row">
                    <td>{{ line.rank }}</td>
                    <th scope="row">{{ line.supplierName }}</th>
                    <td>{{ line.priceCop | amount: locale : 'COP' }}</td>
                    <td>{{ nationalLabel(line.nationalIndustry) }}</td>
                    <td>{{ line.price | points: locale }}</td>
                    <td>{{ line.nationalIndustryPoints | points: locale }}</td>
                    <td>{{ line.bonuses | points: locale }}</td>
                    <td>{{ line.committee | points: locale }}</td>
                    <td>
                      <strong>{{ line.total | points: locale }}</strong>
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        } @else {
          <p>{{ i18n.t('evaluation.rankings.none') }}</p>
        }
        @if (lot.excluded.length) {
          <h4>{{ i18n.t('evaluation.rankings.excludedTitle') }}</h4>
          <ul class="plain-list" data-testid="excluded">
            @for (bid of lot.excluded; track bid.bidId) {
              <li>{{ bid.supplierName }}: {{ exclusion(bid.reason) }}</li>
            }
          </ul>
        }
        @if (lot.tieBreaks.length) {
          <h4>{{ i18n.t('evaluation.rankings.tieBreaksTitle') }}</h4>
          @for (tie of lot.tieBreaks; track $index) {
            <div class="tie" data-testid="tie-break">
              <p>{{ i18n.t('evaluation.rankings.tied', { names: names(lot, tie.tied) }) }}</p>
              <ol>
                @for (step of tie.trail; track step.factor) {
                  <li>
                    @if (step.met.length) {
                      {{ i18n.t('evaluation.rankings.met', { factor: factor(step.factor), names: names(lot, step.met) }) }}
                    } @else {
                      {{ i18n.t('evaluation.rankings.metNone', { factor: factor(step.factor) }) }}
                    }
                  </li>
                }
              </ol>
              @if (tie.drawOrder; as order) {
                <p data-testid="draw-order">{{ i18n.t('evaluation.rankings.drawOrder', { names: drawn(lot, order) }) }}</p>
              }
              <p>
                <strong>{{ i18n.t('evaluation.rankings.decidedBy', { factor: factor(tie.decidedBy) }) }}</strong>
              </p>
              <p>{{ i18n.t('evaluation.rankings.ranking', { names: names(lot, tie.ranking) }) }}</p>
            </div>
          }
        }
      </section>
    }
  `,
  styles: `
    .scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding: 4px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: right;
    }
    th[scope='row'],
    th:nth-child(2),
    td:nth-child(4) {
      text-align: left;
    }
    .tie {
      border-left: 3px solid var(--mat-sys-tertiary);
      padding-left: 12px;
      margin-bottom: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LotRankings {
  protected readonly i18n = inject(I18n);
  readonly rankings = input.required<readonly LotRanking[]>();

  protected nationalLabel(status: NationalIndustryStatus): string {
    return nationalIndustryLabel(this.i18n, status);
  }

  protected exclusion(reason: string): string {
    const key = `evaluation.excluded.${reason}`;
    return this.i18n.has(key) ? this.i18n.t(key) : reason;
  }

  protected factor(factor: string): string {
    return factorLabel(this.i18n, factor);
  }

  /** Tie-breaks name bids by id; every tied bid is an eligible line of the lot. */
  protected names(lot: LotRanking, bidIds: readonly string[]): string {
    return bidIds.map((id) => this.nameOf(lot, id)).join(', ');
  }

  /** The drawn order with each bid's id, the input of `sha256(seed:bidId)`. */
  protected drawn(lot: LotRanking, bidIds: readonly string[]): string {
    return bidIds.map((id) => `${this.nameOf(lot, id)} (${id})`).join(', ');
  }

  private nameOf(lot: LotRanking, bidId: string): string {
    return lot.lines.find((line) => line.bidId === bidId)?.supplierName ?? bidId;
  }
}
