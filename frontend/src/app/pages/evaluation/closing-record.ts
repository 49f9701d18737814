import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { ClosingRecord, LotView } from '@eslabon/contracts';
import { I18n } from '../../core/i18n/i18n.service';
import { BogotaTimePipe } from '../../core/time/bogota-time';
import { shortDigest } from './evaluation-format';

/** The acta de cierre: who bid, when (Bogotá clock), on which lots, and the fingerprint of what each sealed. */
@Component({
  selector: 'esl-closing-record',
  imports: [BogotaTimePipe],
  template: `
    @let r = record();
    @let locale = i18n.locale();
    @if (r.closedAt; as closedAt) {
      <p>{{ i18n.t('evaluation.closing.closedAt', { time: (closedAt | bogotaTime: locale) }) }}</p>
    }
    <p data-testid="draw-seed-hash">
      {{ i18n.t('evaluation.closing.drawSeed') }} <code>{{ r.drawSeedSha256 }}</code>
    </p>
    @if (r.bids.length) {
      <div class="scroll">
        <table data-testid="closing-record">
          <caption class="visually-hidden">
            {{
              i18n.t('evaluation.closing.caption')
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ i18n.t('evaluation.closing.bidder') }}</th>
              <th scope="col">{{ i18n.t('evaluation.closing.nit') }}</th>
              <th scope="col">{{ i18n.t('evaluation.closing.submittedAt') }}</th>
              <th scope="col">{{ i18n.t('evaluation.closing.lots') }}</th>
              <th scope="col">{{ i18n.t('evaluation.closing.digest') }}</th>
            </tr>
          </thead>
          <tbody>
            @for (bid of r.bids; track bid.bidId) {
              <tr>
                <th scope="row">
                  {{ bid.supplierName }}
                  @if (bid.status === 'withdrawn') {
                    <span class="muted">({{ i18n.t('evaluation.closing.withdrawn') }})</span>
                  }
                </th>
                <td>{{ bid.supplierNit }}</td>
                <td>{{ bid.submittedAt | bogotaTime: locale }}</td>
                <td>{{ lotNames(bid.lotIds) }}</td>
                <td>
                  <code [title]="bid.digest">{{ short(bid.digest) }}</code>
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    } @else {
      <p>{{ i18n.t('evaluation.closing.none') }}</p>
    }
  `,
  styles: `
    .scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      padding: 4px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: left;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClosingRecordTable {
  protected readonly i18n = inject(I18n);
  readonly record = input.required<ClosingRecord>();
  readonly lots = input.required<readonly LotView[]>();
  protected readonly short = shortDigest;

  protected lotNames(lotIds: readonly string[]): string {
    return lotIds
      .map((id) => this.lots().find((lot) => lot.id === id))
      .map((lot, i) => (lot ? this.i18n.t('tenders.common.lot', { n: lot.position + 1 }) : lotIds[i]))
      .join(', ');
  }
}
