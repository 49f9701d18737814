import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import {
  DISPLAY_TIME_ZONE,
  SUPPLIER_TYPES,
  SupplierLegalStanding,
  SupplierProfileView,
  SupplierType,
  TieBreakFacts,
  WomenLedInput,
} from '@eslabon/contracts';
import { SECTORS, Sector, WOMEN_LED_CRITERIA, WomenLedCriterion } from '@eslabon/domain';
import type { I18n } from '../../core/i18n/i18n.service';
import { CheckErrorPipe, normalizePesos, wholePesos } from './checks';
import { ProfileStep, StepActions } from './profile-step';
import { formatIncome } from './size-class-line';

/** Where each women-led criterion lives in WomenLedInput (and in the form, whose paths the API's field errors use). */
const WOMEN_LED_FIELDS = {
  ownership: 'ownership',
  management: 'management',
  sole_proprietor: 'soleProprietorSince',
  association: 'association',
} as const satisfies Record<WomenLedCriterion, keyof WomenLedInput>;

type ShareCriterion = Exclude<WomenLedCriterion, 'sole_proprietor'>;

const TIE_BREAK_FLAGS = ['bic', 'womanHeadOfHousehold', 'reincorporation'] as const;
const TIE_BREAK_PERCENTS = ['disabilityPayrollPercent', 'ethnicPayrollPercent'] as const;

const THIS_YEAR = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: DISPLAY_TIME_ZONE }).format(new Date()));

/** Step 2: what the law looks at: size, type, women-led criteria, tie-break facts, RUP. */
@Component({
  selector: 'esl-legal-step',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatRadioModule, MatCheckboxModule, CheckErrorPipe, StepActions],
  templateUrl: './legal-step.html',
  styleUrl: './steps.scss',
  host: { class: 'form-page' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LegalStep extends ProfileStep {
  protected readonly supplierTypes = SUPPLIER_TYPES;
  protected readonly sectors = SECTORS;
  protected readonly criteria = WOMEN_LED_CRITERIA;
  protected readonly tieBreakFlags = TIE_BREAK_FLAGS;
  protected readonly tieBreakPercents = TIE_BREAK_PERCENTS;
  protected readonly shareFields = ['women', 'total', 'since'] as const;
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly form = this.fb.group({
    supplierType: this.fb.control<SupplierType | null>(null, Validators.required),
    sector: this.fb.control<Sector | null>(null, Validators.required),
    incomeCop: ['', [Validators.required, wholePesos]],
    // Incomes are declared for a closed year, the last one by default; a future year has none.
    incomeYear: [THIS_YEAR - 1, [Validators.required, Validators.max(THIS_YEAR)]],
    constitutedOn: ['', Validators.required],
    womenLed: this.fb.group({
      ownership: this.share(),
      management: this.share(),
      soleProprietorSince: this.fb.control({ value: '', disabled: true }, Validators.required),
      association: this.share(),
    }),
    tieBreak: this.fb.group({
      disabilityPayrollPercent: this.fb.control<number | null>(null, [Validators.min(0), Validators.max(100)]),
      ethnicPayrollPercent: this.fb.control<number | null>(null, [Validators.min(0), Validators.max(100)]),
      bic: [false],
      womanHeadOfHousehold: [false],
      reincorporation: [false],
    }),
    acfc: [false],
    rupNumber: [''],
    rupExpiresOn: [''],
  });
  /** Which criteria the supplier declares; the fields of the others are disabled, so neither checked nor sent. */
  protected readonly declared = this.fb.group({ ownership: [false], management: [false], sole_proprietor: [false], association: [false] });

  private readonly translate: I18n['t'] = (key, params) => this.i18n.t(key, params);
  private readonly income = toSignal(this.form.controls.incomeCop.valueChanges, { initialValue: '' });
  protected readonly incomeHint = computed(() => {
    const pesos = normalizePesos(this.income());
    return /^\d+$/.test(pesos)
      ? this.i18n.t('supplierProfile.legal.incomeHint', { amount: formatIncome(Number(pesos), this.i18n.locale(), this.translate) })
      : this.i18n.t('supplierProfile.legal.incomeHintEmpty');
  });

  constructor() {
    super();
    this.declared.valueChanges.pipe(takeUntilDestroyed()).subscribe((declared) => {
      for (const criterion of WOMEN_LED_CRITERIA) {
        const control = this.form.controls.womenLed.controls[WOMEN_LED_FIELDS[criterion]];
        if (declared[criterion]) control.enable();
        else control.disable();
      }
    });
  }

  protected supplierTypeLabel(type: SupplierType): string {
    return this.i18n.t(`supplierProfile.legal.supplierTypes.${type}`);
  }

  protected sectorLabel(sector: Sector): string {
    return this.i18n.t(`supplierProfile.legal.sectors.${sector}`);
  }

  protected criterionLabel(criterion: WomenLedCriterion): string {
    return this.i18n.t(`supplierProfile.legal.women.${criterion}.declare`);
  }

  protected tieBreakLabel(fact: keyof TieBreakFacts): string {
    return this.i18n.t(`supplierProfile.legal.tieBreak.${fact}`);
  }

  protected shareFieldLabel(criterion: ShareCriterion, field: 'women' | 'total' | 'since'): string {
    return this.i18n.t(`supplierProfile.legal.women.${criterion}.${field}`);
  }

  protected override fill({ legal }: SupplierProfileView): void {
    if (!legal) return;
    this.declared.setValue({
      ownership: !!legal.womenLed.ownership,
      management: !!legal.womenLed.management,
      sole_proprietor: !!legal.womenLed.soleProprietorSince,
      association: !!legal.womenLed.association,
    });
    this.form.patchValue({ ...legal, acfc: legal.acfc ?? false, rupNumber: legal.rupNumber ?? '', rupExpiresOn: legal.rupExpiresOn ?? '' });
  }

  protected submit(): void {
    this.save(this.form, (organizationId) => {
      const value = this.form.getRawValue();
      const womenLed = this.form.controls.womenLed.controls;
      const tieBreak: TieBreakFacts = {
        ...value.tieBreak,
        disabilityPayrollPercent: value.tieBreak.disabilityPayrollPercent ?? undefined,
        ethnicPayrollPercent: value.tieBreak.ethnicPayrollPercent ?? undefined,
      };
      // The form is valid here, so the required choices are made and the declared shares are numbers.
      const legal = {
        ...value,
        incomeCop: normalizePesos(value.incomeCop),
        womenLed: Object.fromEntries(
          Object.entries(womenLed)
            .filter(([, control]) => control.enabled)
            .map(([field, control]) => [field, control.getRawValue()]),
        ),
        tieBreak,
        rupNumber: value.rupNumber.trim() || null,
        rupExpiresOn: value.rupExpiresOn || null,
      } as SupplierLegalStanding;
      return this.client.saveLegal(organizationId, legal);
    });
  }

  /** Women out of a total since a date; disabled until its criterion is declared. */
  private share() {
    const share = this.fb.group({
      women: this.fb.control<number | null>(null, [Validators.required, Validators.min(0)]),
      total: this.fb.control<number | null>(null, [Validators.required, Validators.min(1)]),
      since: ['', Validators.required],
    });
    share.disable();
    return share;
  }
}
