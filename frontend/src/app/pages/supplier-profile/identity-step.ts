import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { COVERAGE_SCOPES, CoverageScope, PERSON_TYPES, PersonType, SupplierIdentity, SupplierProfileView } from '@eslabon/contracts';
import { normalizeNit } from '@eslabon/domain';
import { MunicipalityPicker } from '../../core/reference/municipality-picker';
import { PlaceMultiSelect } from '../../core/reference/place-multi-select';
import { CheckErrorPipe, checkDigitOfNit } from './checks';
import { ProfileStep, StepActions } from './profile-step';

/** Step 1: who the supplier is, where it is based and where it can sell. */
@Component({
  selector: 'esl-identity-step',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MunicipalityPicker,
    PlaceMultiSelect,
    CheckErrorPipe,
    StepActions,
  ],
  templateUrl: './identity-step.html',
  styleUrl: './steps.scss',
  host: { class: 'form-page' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IdentityStep extends ProfileStep {
  protected readonly personTypes = PERSON_TYPES;
  protected readonly coverageScopes = COVERAGE_SCOPES;

  protected readonly form = inject(NonNullableFormBuilder).group({
    personType: ['legal' as PersonType, Validators.required],
    legalName: ['', Validators.required],
    tradeName: [''],
    nit: ['', Validators.required],
    checkDigit: ['', [Validators.required, checkDigitOfNit]],
    legalRepresentative: ['', Validators.required],
    contactEmail: ['', [Validators.required, Validators.email]],
    contactPhone: ['', Validators.required],
    domicileMunicipality: ['', Validators.required],
    coverageScope: ['national' as CoverageScope, Validators.required],
    coverageCodes: [[] as string[]],
  });
  protected readonly scope = toSignal(this.form.controls.coverageScope.valueChanges, {
    initialValue: this.form.controls.coverageScope.value,
  });

  constructor() {
    super();
    const { nit, checkDigit, coverageScope, coverageCodes } = this.form.controls;
    // The DV is checked against the NIT, so a new NIT checks it again.
    nit.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => checkDigit.updateValueAndValidity());
    // Codes of another scope mean nothing (a department is not a municipality), so a new scope starts empty.
    coverageScope.valueChanges.pipe(takeUntilDestroyed()).subscribe((scope) => {
      coverageCodes.setValidators(scope === 'national' ? null : Validators.required);
      coverageCodes.setValue([]);
    });
  }

  protected personTypeLabel(type: PersonType): string {
    return this.i18n.t(`supplierProfile.identity.personTypes.${type}`);
  }

  protected scopeLabel(scope: CoverageScope): string {
    return this.i18n.t(`supplierProfile.identity.coverageScopes.${scope}`);
  }

  protected override fill({ identity }: SupplierProfileView): void {
    if (!identity) return;
    this.form.patchValue({ ...identity, tradeName: identity.tradeName ?? '' });
    // After the scope, whose change empties the codes.
    this.form.controls.coverageCodes.setValue(identity.coverageCodes);
  }

  protected submit(): void {
    this.save(this.form, (organizationId) => {
      const value = this.form.getRawValue();
      const identity: SupplierIdentity = {
        ...value,
        tradeName: value.tradeName.trim() || null,
        nit: normalizeNit(value.nit),
        checkDigit: value.checkDigit.trim(),
        coverageCodes: value.coverageScope === 'national' ? [] : value.coverageCodes,
      };
      return this.client.saveIdentity(organizationId, identity);
    });
  }
}
