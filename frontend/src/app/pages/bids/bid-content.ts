import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import {
  BID_ENVELOPES,
  type BidClaims,
  type BidEnvelope,
  type BidInput,
  type LotView,
  type NationalIndustryStatus,
  type PluralBidderKind,
} from '@eslabon/contracts';
import { AmountPipe } from '../../core/i18n/format';
import { I18n } from '../../core/i18n/i18n.service';

const FLAGS = ['disabilityBonus', 'womanHeadOfHousehold', 'reincorporation', 'bicMipyme'] as const;
const PERCENTS = ['disabilityPayrollPercent', 'olderWorkersPercent', 'ethnicPayrollPercent', 'mipymePaymentsPercent'] as const;

/**
 * A bid's content as it is (or was) sealed: the review before sealing and the receipt show the same, so
 * what the bidder approved is what it can check later. Documents show with their full SHA-256, as sealed.
 */
@Component({
  selector: 'esl-bid-content',
  imports: [AmountPipe],
  template: `
    <h3>{{ i18n.t('bids.content.lots') }}</h3>
    <table class="sealed-lots" data-testid="sealed-lots">
      <thead>
        <tr>
          <th scope="col">{{ i18n.t('bids.content.lot') }}</th>
          <th scope="col">{{ i18n.t('bids.content.price') }}</th>
          <th scope="col">{{ i18n.t('bids.content.national') }}</th>
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track row.lotId) {
          <tr [attr.data-testid]="'sealed-lot-' + row.n">
            <th scope="row">{{ row.n ? i18n.t('tenders.common.lot', { n: row.n }) + ' · ' + row.title : row.lotId }}</th>
            <td class="money">{{ row.priceCop | amount: i18n.locale() : 'COP' }}</td>
            <td>
              {{ nationalLabel(row.nationalIndustry) }}
              @if (row.nationalComponentPercent !== null) {
                ({{ i18n.t('bids.content.component', { percent: row.nationalComponentPercent }) }})
              }
            </td>
          </tr>
        }
      </tbody>
    </table>

    <h3>{{ i18n.t('bids.content.claims') }}</h3>
    <dl class="claims" data-testid="sealed-claims">
      @for (flag of flags; track flag) {
        <div>
          <dt>{{ claimLabel(flag) }}</dt>
          <dd>{{ i18n.t(content().claims[flag] ? 'bids.content.yes' : 'bids.content.no') }}</dd>
        </div>
      }
      @for (percent of percents; track percent) {
        <div>
          <dt>{{ claimLabel(percent) }}</dt>
          <dd>{{ content().claims[percent] }} %</dd>
        </div>
      }
    </dl>

    <h3>{{ i18n.t('bids.content.plural') }}</h3>
    @if (content().plural; as plural) {
      <p data-testid="sealed-plural">{{ kindLabel(plural.kind) }}: {{ plural.name }}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{{ i18n.t('bids.plural.nit') }}</th>
            <th scope="col">{{ i18n.t('bids.plural.name') }}</th>
            <th scope="col">{{ i18n.t('bids.plural.participation') }}</th>
            <th scope="col">{{ i18n.t('bids.plural.mipyme') }}</th>
          </tr>
        </thead>
        <tbody>
          @for (member of plural.members; track $index) {
            <tr>
              <td>{{ member.nit }}</td>
              <td>{{ member.name }}</td>
              <td>{{ member.participationPercent }} %</td>
              <td>{{ i18n.t(member.mipyme ? 'bids.content.yes' : 'bids.content.no') }}</td>
            </tr>
          }
        </tbody>
      </table>
    } @else {
      <p data-testid="sealed-plural">{{ i18n.t('bids.content.alone') }}</p>
    }

    <h3>{{ i18n.t('bids.documents.title') }}</h3>
    <div class="envelopes" data-testid="sealed-documents">
      @for (group of documentGroups(); track group.envelope) {
        <section [attr.data-testid]="'sealed-documents-' + group.envelope" [attr.aria-label]="envelopeLabel(group.envelope)">
          <h4>{{ envelopeLabel(group.envelope) }}</h4>
          <ul>
            @for (document of group.documents; track document.documentId) {
              <li [attr.data-testid]="'sealed-document-' + group.envelope + '-' + ($index + 1)">
                {{ document.name }}
                <span class="hash">{{ i18n.t('bids.documents.hash', { hash: document.sha256 }) }}</span>
              </li>
            } @empty {
              <li class="none">{{ i18n.t('bids.content.noDocuments') }}</li>
            }
          </ul>
        </section>
      }
    </div>
  `,
  styles: `
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: left;
      padding: 6px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
    }
    .money {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .claims {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
      gap: 4px 16px;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0 0 4px;
      font-weight: 600;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 4px;
    }
    h4 {
      font: var(--mat-sys-label-large);
      margin: 8px 0 2px;
    }
    ul {
      margin: 0;
      padding-left: 20px;
    }
    .hash {
      display: block;
      font-family: ui-monospace, monospace;
      font-size: 0.85em;
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .none {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BidContent {
  protected readonly i18n = inject(I18n);
  readonly content = input.required<BidInput>();
  /** The tender's lots, for their number and title; an offer on a lot no longer listed shows its id. */
  readonly lots = input<readonly LotView[]>([]);
  protected readonly flags: readonly (keyof BidClaims)[] = FLAGS;
  protected readonly percents: readonly (keyof BidClaims)[] = PERCENTS;

  /** The offered lots in the tender's order, numbered as the tender numbers them. */
  protected readonly rows = computed(() => {
    const lots = [...this.lots()].sort((a, b) => a.position - b.position);
    return this.content()
      .lots.map((offer) => {
        const index = lots.findIndex((lot) => lot.id === offer.lotId);
        return { ...offer, n: index + 1, title: lots[index]?.title ?? '' };
      })
      .sort((a, b) => (a.n || Infinity) - (b.n || Infinity));
  });

  /** Every envelope, with the documents the content lists in it (none for content sealed before documents existed). */
  protected readonly documentGroups = computed(() => {
    const documents = this.content().documents ?? [];
    return BID_ENVELOPES.map((envelope) => ({ envelope, documents: documents.filter((d) => d.envelope === envelope) }));
  });

  protected envelopeLabel(envelope: BidEnvelope): string {
    return this.i18n.t(`bids.documents.envelopes.${envelope}`);
  }

  protected nationalLabel(status: NationalIndustryStatus): string {
    return this.i18n.t(`bids.nationalStatuses.${status}`);
  }

  protected claimLabel(claim: keyof BidClaims): string {
    return this.i18n.t(`bids.claims.${claim}`);
  }

  protected kindLabel(kind: PluralBidderKind): string {
    return this.i18n.t(`bids.pluralKinds.${kind}`);
  }
}
