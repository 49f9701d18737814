import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { DocumentType, SupplierProfileView, VerificationRequest, VerificationStatus } from '@eslabon/contracts';
import { WOMEN_LED_CRITERIA } from '@eslabon/domain';
import { problemOf } from '../../core/api/problem';
import { FieldErrorPipe, errorMessage } from '../../core/forms/form-errors';
import { FormPage } from '../../core/forms/form-page';
import { AmountPipe } from '../../core/i18n/format';
import { BogotaTimePipe } from '../../core/time/bogota-time';
import { DirectoryClient } from './directory.client';

/** A rejection tells the supplier what to fix, so it needs words, not just spaces. */
function reasonGiven(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() ? null : { required: true };
}

/** A platform admin checks a supplier's documents against what it declared, and verifies or rejects it. */
@Component({
  selector: 'esl-supplier-verification',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, FieldErrorPipe, AmountPipe, BogotaTimePipe],
  templateUrl: './supplier-verification.html',
  styles: `
    :host {
      display: block;
      margin-top: 32px;
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    h2 {
      margin-top: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SupplierVerification extends FormPage {
  private readonly client = inject(DirectoryClient);
  readonly organizationId = input.required<string>();
  readonly decided = output<VerificationStatus>();
  protected readonly profile = signal<SupplierProfileView | null>(null);
  protected readonly done = signal('');
  protected readonly criteria = computed(() => {
    const met = this.profile()?.womenLedCriteria ?? [];
    return WOMEN_LED_CRITERIA.filter((c) => met.includes(c))
      .map((c) => this.i18n.t(`directory.review.criteria.${c}`))
      .join(', ');
  });
  protected readonly classification = computed(() => {
    const size = this.profile()?.size;
    return size
      ? this.i18n.t('directory.review.sizeBounds', {
          size: this.i18n.t(`directory.sizes.${size.sizeClass}`),
          sector: this.i18n.t(`admin.ruleParameters.sectors.${size.sector}`),
          year: size.incomeYear,
        })
      : '';
  });
  protected readonly form = inject(NonNullableFormBuilder).group({ reason: [''] });

  constructor() {
    super();
    effect(() => {
      this.client.profile(this.organizationId()).subscribe({
        next: (profile) => this.profile.set(profile),
        error: (error: unknown) => this.failure.set(errorMessage(this.i18n, problemOf(error).code)),
      });
    });
  }

  protected documentUrl(documentId: string): string {
    return this.client.documentUrl(this.organizationId(), documentId);
  }

  protected documentType(type: DocumentType): string {
    return this.i18n.t(`directory.review.documentTypes.${type}`);
  }

  protected statusLabel(status: VerificationStatus): string {
    return this.i18n.t(`directory.verification.${status}`);
  }

  protected decide(status: VerificationRequest['status']): void {
    const reason = this.form.controls.reason;
    reason.setValidators(status === 'rejected' ? reasonGiven : null);
    reason.updateValueAndValidity();
    this.done.set('');
    this.send(
      this.form,
      () => this.client.decide(this.organizationId(), status === 'rejected' ? { status, reason: reason.value.trim() } : { status }),
      (profile) => {
        this.profile.set(profile);
        this.form.reset();
        this.done.set(this.i18n.t('directory.review.decided', { status: this.statusLabel(profile.verification.status) }));
        this.decided.emit(profile.verification.status);
      },
    );
  }
}
