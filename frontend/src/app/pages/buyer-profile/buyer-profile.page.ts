import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import {
  BUYER_ENTITY_KINDS,
  CONTRACTING_REGIMES,
  PRODUCTIVE_BETS,
  type BuyerEntityKind,
  type BuyerProfileView,
  type ContractingRegime,
  type ProductiveBet,
} from '@eslabon/contracts';
import { isValidNit, normalizeNit } from '@eslabon/domain';
import { problemOf } from '../../core/api/problem';
import { FieldErrorPipe, errorMessage } from '../../core/forms/form-errors';
import { FormPage } from '../../core/forms/form-page';
import { AmountPipe } from '../../core/i18n/format';
import { MunicipalityPicker } from '../../core/reference/municipality-picker';
import { Session } from '../../core/session/session.service';
import { BuyerProfileClient } from './buyer-profile.client';

// Browser-side checks keyed `server` so the field shows the shared catalog's words: they are the server's own verdicts.

/** The check digit must match the NIT beside it (DIAN modulo 11). */
function checkDigitMatches(control: AbstractControl<string>): ValidationErrors | null {
  const nit: string = control.parent?.get('nit')?.value ?? '';
  return normalizeNit(nit) && control.value && !isValidNit(nit, control.value) ? { server: 'nit_check_digit' } : null;
}

/** A special regime must name the manual that governs it. */
function referenceWhenSpecial(control: AbstractControl<string>): ValidationErrors | null {
  return control.parent?.get('regime')?.value === 'special' && !control.value.trim() ? { required: true } : null;
}

function wholeSmmlv(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  if (value === null) return null;
  if (!Number.isSafeInteger(value)) return { server: 'integer' };
  return value < 0 ? { server: 'too_small' } : null;
}

/** A state body's buyer profile: its buyer admins edit it, its buyers read it. */
@Component({
  selector: 'esl-buyer-profile-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    FieldErrorPipe,
    AmountPipe,
    MunicipalityPicker,
  ],
  templateUrl: './buyer-profile.page.html',
  styleUrl: './buyer-profile.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BuyerProfilePage extends FormPage {
  private readonly client = inject(BuyerProfileClient);
  protected readonly session = inject(Session);
  protected readonly entityKinds = BUYER_ENTITY_KINDS;
  protected readonly regimes = CONTRACTING_REGIMES;
  protected readonly bets = PRODUCTIVE_BETS;
  protected readonly organizationId = computed(() => this.session.activeMembership()?.organizationId ?? null);
  protected readonly canEdit = computed(() => this.session.roles().includes('buyer_admin'));
  /** The saved profile; null while none was ever saved. */
  protected readonly view = signal<BuyerProfileView | null>(null);
  protected readonly loaded = signal(false);
  protected readonly saved = signal(false);

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    entityKind: ['' as BuyerEntityKind, Validators.required],
    regime: ['egcap' as ContractingRegime, Validators.required],
    regimeReference: ['', referenceWhenSpecial],
    nit: ['', Validators.required],
    checkDigit: ['', [Validators.required, checkDigitMatches]],
    municipality: ['', Validators.required],
    annualBudgetSmmlv: this.fb.control<number | null>(null, [Validators.required, wholeSmmlv]),
    productiveBets: [[] as ProductiveBet[]],
  });

  constructor() {
    super();
    // Checks that read a sibling run again when that sibling changes.
    const { nit, checkDigit, regime, regimeReference } = this.form.controls;
    nit.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => checkDigit.updateValueAndValidity());
    regime.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => regimeReference.updateValueAndValidity());
    effect(() => (this.canEdit() ? this.form.enable() : this.form.disable()));
    // Reload whenever the user switches organization.
    effect(() => {
      const organizationId = this.organizationId();
      if (organizationId) this.load(organizationId);
    });
  }

  protected entityKindLabel(kind: BuyerEntityKind): string {
    return this.i18n.t(`admin.buyerProfile.entityKinds.${kind}`);
  }

  protected regimeLabel(regime: ContractingRegime): string {
    return this.i18n.t(`admin.buyerProfile.regimes.${regime}`);
  }

  protected betLabel(bet: ProductiveBet): string {
    return this.i18n.t(`admin.buyerProfile.betNames.${bet}`);
  }

  protected toggleBet(bet: ProductiveBet, checked: boolean): void {
    const control = this.form.controls.productiveBets;
    // Kept in the catalog's order, whatever order they were ticked in.
    control.setValue(PRODUCTIVE_BETS.filter((b) => (b === bet ? checked : control.value.includes(b))));
    control.markAsDirty();
  }

  protected submit(): void {
    const organizationId = this.organizationId();
    if (!organizationId) return;
    const value = this.form.getRawValue();
    this.saved.set(false);
    this.send(
      this.form,
      () =>
        this.client.save(organizationId, {
          entityKind: value.entityKind,
          regime: value.regime,
          regimeReference: value.regime === 'special' ? value.regimeReference.trim() : null,
          nit: normalizeNit(value.nit),
          checkDigit: value.checkDigit.trim(),
          municipality: value.municipality,
          annualBudgetSmmlv: value.annualBudgetSmmlv ?? 0,
          productiveBets: value.productiveBets,
        }),
      (view) => {
        this.show(view);
        this.saved.set(true);
      },
    );
  }

  private load(organizationId: string): void {
    this.loaded.set(false);
    this.failure.set('');
    this.client.profile(organizationId).subscribe({
      next: (view) => this.show(view),
      error: (error: unknown) => {
        const problem = problemOf(error);
        // Not filled in yet: the form starts empty.
        if (problem.code !== 'profile_not_found') this.failure.set(errorMessage(this.i18n, problem.code));
        this.view.set(null);
        this.form.reset();
        this.loaded.set(true);
      },
    });
  }

  private show(view: BuyerProfileView): void {
    this.view.set(view);
    this.form.reset({
      entityKind: view.entityKind,
      regime: view.regime,
      regimeReference: view.regimeReference ?? '',
      nit: view.nit,
      checkDigit: view.checkDigit,
      municipality: view.municipality,
      annualBudgetSmmlv: view.annualBudgetSmmlv,
      productiveBets: view.productiveBets,
    });
    this.loaded.set(true);
  }
}
