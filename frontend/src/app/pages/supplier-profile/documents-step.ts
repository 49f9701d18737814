import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { DOCUMENT_TYPES, DocumentType, SupplierDocumentView } from '@eslabon/contracts';
import { switchMap } from 'rxjs';
import { problemOf } from '../../core/api/problem';
import { errorMessage } from '../../core/forms/form-errors';
import { BogotaTimePipe } from '../../core/time/bogota-time';
import { CheckErrorPipe } from './checks';
import { ProfileStep } from './profile-step';

const ACCEPTED_TYPES = ['application/pdf', 'image/png', 'image/jpeg'];
const MAX_BYTES = 10 * 1024 * 1024;

/** The server refuses the same files; checking here spares a phone a long upload that would fail. */
const acceptableFile: ValidatorFn = (control): ValidationErrors | null => {
  const file = control.value as File | null;
  if (!file) return { file_required: true };
  if (!ACCEPTED_TYPES.includes(file.type)) return { file_type: true };
  return file.size > MAX_BYTES ? { file_too_large: true } : null;
};

/** Step 4: the supporting documents (RUT, Cámara de Comercio, …), each uploaded on its own; its form is always for a new one. */
@Component({
  selector: 'esl-documents-step',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatSelectModule, MatButtonModule, CheckErrorPipe, BogotaTimePipe],
  templateUrl: './documents-step.html',
  styleUrl: './steps.scss',
  host: { class: 'form-page' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentsStep extends ProfileStep {
  protected readonly types = DOCUMENT_TYPES;
  protected readonly accept = ACCEPTED_TYPES.join(',');
  protected readonly form = inject(NonNullableFormBuilder).group({
    type: [null as DocumentType | null, Validators.required],
    file: [null as File | null, acceptableFile],
  });

  protected typeLabel(type: DocumentType): string {
    return this.i18n.t(`supplierProfile.documents.types.${type}`);
  }

  protected sizeLabel(bytes: number): string {
    const megabytes = bytes / (1024 * 1024);
    return megabytes >= 1 ? `${megabytes.toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
  }

  protected downloadUrl(document: SupplierDocumentView): string {
    return this.client.documentUrl(this.organizationId(), document.id);
  }

  protected pick(input: HTMLInputElement): void {
    this.form.controls.file.setValue(input.files?.[0] ?? null);
    this.form.controls.file.markAsTouched();
  }

  /** Uploads, then reloads the profile, whose completeness depends on the documents. */
  protected upload(input: HTMLInputElement): void {
    this.save(
      this.form,
      (organizationId) => {
        const { type, file } = this.form.getRawValue() as { type: DocumentType; file: File };
        return this.client.uploadDocument(organizationId, type, file).pipe(switchMap(() => this.client.profile(organizationId)));
      },
      () => {
        this.form.reset();
        input.value = '';
      },
    );
  }

  protected remove(document: SupplierDocumentView): void {
    const organizationId = this.organizationId();
    this.busy.set(true);
    this.failure.set('');
    this.client
      .deleteDocument(organizationId, document.id)
      .pipe(switchMap(() => this.client.profile(organizationId)))
      .subscribe({
        next: (profile) => {
          this.busy.set(false);
          this.saved.emit(profile);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.failure.set(errorMessage(this.i18n, problemOf(error).code));
        },
      });
  }
}
