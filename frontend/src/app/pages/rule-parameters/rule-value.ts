import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { RuleParameter } from '@eslabon/contracts';
import {
  MODALITIES,
  SCHEDULE_RULE_FIELDS,
  SECTORS,
  type CuantiaBand,
  type Modality,
  type ScheduleDefaults,
  type ScheduleRule,
  type MipymeCallThresholdValue,
  type Sector,
  type SectorThresholds,
  type SizeThresholdsValue,
} from '@eslabon/domain';
import { AmountPipe } from '../../core/i18n/format';
import { I18n } from '../../core/i18n/i18n.service';

/** The stored value in the shape its parameter gives it, so the template can lay each one out. */
type ValueView =
  | { kind: 'pesos'; cop: number }
  | { kind: 'usdCop'; usd: number; cop: number }
  | { kind: 'thresholds'; rows: ({ sector: Sector } & SectorThresholds)[] }
  | { kind: 'bands'; rows: CuantiaBand[] }
  | { kind: 'schedule'; rows: { modality: Modality; rule: ScheduleRule | null }[] };

/** One version's value, readable: pesos, a sector table of thresholds, budget bands, or schedules by modality. */
@Component({
  selector: 'esl-rule-value',
  imports: [AmountPipe],
  template: `
    @let v = view();
    @let locale = i18n.locale();
    @if (v.kind === 'pesos') {
      <p class="amount">{{ v.cop | amount: locale : 'COP' }}</p>
    } @else if (v.kind === 'usdCop') {
      <p class="amount">{{ v.usd | amount: locale : 'USD' }} · {{ v.cop | amount: locale : 'COP' }}</p>
    } @else if (v.kind === 'thresholds') {
      <table>
        <thead>
          <tr>
            <th scope="col">{{ i18n.t('admin.ruleParameters.sector') }}</th>
            <th scope="col">{{ i18n.t('admin.ruleParameters.upTo', { size: i18n.t('directory.sizes.micro') }) }}</th>
            <th scope="col">{{ i18n.t('admin.ruleParameters.upTo', { size: i18n.t('directory.sizes.pequena') }) }}</th>
            <th scope="col">{{ i18n.t('admin.ruleParameters.upTo', { size: i18n.t('directory.sizes.mediana') }) }}</th>
          </tr>
        </thead>
        <tbody>
          @for (row of v.rows; track row.sector) {
            <tr>
              <th scope="row">{{ sectorLabel(row.sector) }}</th>
              <td>{{ row.micro | amount: locale }}</td>
              <td>{{ row.pequena | amount: locale }}</td>
              <td>{{ row.mediana | amount: locale }}</td>
            </tr>
          }
        </tbody>
      </table>
    } @else if (v.kind === 'schedule') {
      <table>
        <thead>
          <tr>
            <th scope="col">{{ i18n.t('admin.ruleParameters.modality') }}</th>
            @for (field of scheduleFields; track field) {
              <th scope="col">{{ fieldLabel(field) }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of v.rows; track row.modality) {
            <tr>
              <th scope="row">{{ modalityLabel(row.modality) }}</th>
              @if (row.rule; as rule) {
                @for (field of scheduleFields; track field) {
                  <td>{{ rule[field] ?? '—' }}</td>
                }
              } @else {
                <td [attr.colspan]="scheduleFields.length">{{ i18n.t('admin.ruleParameters.noCall') }}</td>
              }
            </tr>
          }
        </tbody>
      </table>
    } @else {
      <table>
        <thead>
          <tr>
            <th scope="col">{{ i18n.t('admin.ruleParameters.fromSmmlv') }}</th>
            <th scope="col">{{ i18n.t('admin.ruleParameters.menorCuantiaSmmlv') }}</th>
          </tr>
        </thead>
        <tbody>
          @for (band of v.rows; track band.fromSmmlv) {
            <tr>
              <td>{{ band.fromSmmlv | amount: locale }}</td>
              <td>{{ band.menorCuantiaSmmlv | amount: locale }}</td>
            </tr>
          }
        </tbody>
      </table>
    }
  `,
  styles: `
    .amount {
      font: var(--mat-sys-title-medium);
      margin: 0;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding: 4px 6px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: right;
    }
    th[scope='row'],
    th:first-child {
      text-align: left;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RuleValue {
  protected readonly i18n = inject(I18n);
  readonly parameter = input.required<RuleParameter>();
  readonly value = input.required<unknown>();

  protected readonly scheduleFields = SCHEDULE_RULE_FIELDS;

  protected fieldLabel(field: keyof ScheduleRule): string {
    return this.i18n.t(`admin.ruleParameters.scheduleFields.${field}`);
  }

  protected modalityLabel(modality: Modality): string {
    return this.i18n.t(`admin.ruleParameters.modalities.${modality}`);
  }

  protected sectorLabel(sector: Sector): string {
    return this.i18n.t(`admin.ruleParameters.sectors.${sector}`);
  }

  // The server checked the value's shape against its parameter before storing it.
  protected readonly view = computed((): ValueView => {
    const value = this.value();
    switch (this.parameter()) {
      case 'size_thresholds':
        return { kind: 'thresholds', rows: SECTORS.map((sector) => ({ sector, ...(value as SizeThresholdsValue)[sector] })) };
      case 'menor_cuantia_bands':
        return { kind: 'bands', rows: value as CuantiaBand[] };
      case 'mipyme_call_threshold':
        return { kind: 'usdCop', ...(value as MipymeCallThresholdValue) };
      case 'schedule_defaults':
        return { kind: 'schedule', rows: MODALITIES.map((modality) => ({ modality, rule: (value as ScheduleDefaults)[modality] })) };
      default:
        return { kind: 'pesos', cop: value as number };
    }
  });
}
