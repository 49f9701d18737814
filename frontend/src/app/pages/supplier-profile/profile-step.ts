import { ChangeDetectionStrategy, Component, Directive, OnInit, inject, input, output } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import type { SupplierProfileView } from '@eslabon/contracts';
import type { Observable } from 'rxjs';
import { FormPage } from '../../core/forms/form-page';
import { I18n } from '../../core/i18n/i18n.service';
import { SupplierProfileClient } from './supplier-profile.client';

/** One step of the wizard: its own form, saved on its own, handing the updated profile to the page. */
@Directive()
export abstract class ProfileStep extends FormPage implements OnInit {
  protected readonly client = inject(SupplierProfileClient);
  readonly organizationId = input.required<string>();
  readonly profile = input.required<SupplierProfileView>();
  readonly saved = output<SupplierProfileView>();

  /** Filled once: saving another step updates `profile`, and must not overwrite what is being typed here. */
  ngOnInit(): void {
    this.fill?.(this.profile());
  }

  protected fill?(profile: SupplierProfileView): void;

  /** Sends the form when valid; a refusal stays beside its fields and keeps what was typed. */
  protected save(form: FormGroup, call: (organizationId: string) => Observable<SupplierProfileView>, after?: () => void): void {
    this.send(
      form,
      () => call(this.organizationId()),
      (profile) => {
        after?.();
        this.saved.emit(profile);
      },
    );
  }
}

/** The end of a step's form: what the server refused outside any field, and the save button. */
@Component({
  selector: 'esl-step-actions',
  imports: [MatButtonModule],
  template: `
    @if (failure()) {
      <p class="form-error" role="alert">{{ failure() }}</p>
    }
    <div class="form-actions">
      <button mat-flat-button type="submit" [disabled]="busy()">{{ i18n.t('supplierProfile.saveAndContinue') }}</button>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StepActions {
  protected readonly i18n = inject(I18n);
  readonly failure = input('');
  readonly busy = input(false);
}
