import { ChangeDetectionStrategy, Component, computed, inject, viewChild } from '@angular/core';
import { FormControl, FormGroup, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { NationalProductInput, SupplierCapabilities, SupplierProfileView, UnspscClassView } from '@eslabon/contracts';
import { rpbnExpired } from '@eslabon/domain';
import { UnspscPicker } from '../../core/reference/unspsc-picker';
import { bogotaDay } from '../../core/time/bogota-time';
import { CheckErrorPipe } from './checks';
import { ProfileStep, StepActions } from './profile-step';

type ProductForm = FormGroup<{ [K in keyof NationalProductInput]: FormControl<string> }>;

/** Step 3: what the supplier sells (UNSPSC classes, in its words) and its registered national products. */
@Component({
  selector: 'esl-capabilities-step',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    UnspscPicker,
    CheckErrorPipe,
    StepActions,
  ],
  templateUrl: './capabilities-step.html',
  styleUrl: './steps.scss',
  host: { class: 'form-page' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CapabilitiesStep extends ProfileStep {
  private readonly fb = inject(NonNullableFormBuilder);
  /** The Colombian day an RPBN registration is judged on. */
  private readonly today = bogotaDay();
  private readonly picker = viewChild(UnspscPicker);

  protected readonly form = this.fb.group({
    unspscClasses: [[] as string[]],
    description: [''],
    certifications: [''],
    productionCapacity: [''],
    nationalProducts: this.fb.array<ProductForm>([]),
  });

  /** A national product belongs to one of the supplier's classes; a saved one keeps its class even if since removed. */
  protected readonly classOptions = computed<UnspscClassView[]>(() => {
    const chosen = this.picker()?.chosen() ?? this.profile().classes;
    const saved = this.profile()
      .nationalProducts.filter((p) => !chosen.some((c) => c.code === p.unspscClass))
      .map((p) => ({ code: p.unspscClass, name: p.unspscName ?? '' }));
    return [...chosen, ...new Map(saved.map((c) => [c.code, c])).values()];
  });

  protected get products() {
    return this.form.controls.nationalProducts;
  }

  protected expired(index: number): boolean {
    const expiresOn = this.products.at(index).controls.rpbnExpiresOn.value;
    return !!expiresOn && rpbnExpired(expiresOn, this.today);
  }

  protected addProduct(): void {
    this.products.push(this.product());
  }

  protected removeProduct(index: number): void {
    this.products.removeAt(index);
  }

  protected override fill({ capabilities }: SupplierProfileView): void {
    for (const product of capabilities.nationalProducts) this.products.push(this.product(product));
    this.form.patchValue(capabilities);
  }

  protected submit(): void {
    this.save(this.form, (organizationId) => {
      const capabilities: SupplierCapabilities = this.form.getRawValue();
      return this.client.saveCapabilities(organizationId, capabilities);
    });
  }

  private product(product?: NationalProductInput): ProductForm {
    return this.fb.group({
      name: [product?.name ?? '', Validators.required],
      unspscClass: [product?.unspscClass ?? '', Validators.required],
      rpbnNumber: [product?.rpbnNumber ?? '', Validators.required],
      rpbnExpiresOn: [product?.rpbnExpiresOn ?? '', Validators.required],
    });
  }
}
