import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { FieldErrorPipe } from '../forms/form-errors';
import type { MessageKey } from '../i18n/i18n.service';
import { PlacePicker } from './place-picker';

/**
 * One Colombian municipality as a form control holding its 5-digit DIVIPOLA code: pick the department,
 * then the municipality. A refusal on the host control (e.g. `unknown_municipality`) shows under it.
 *
 *   <esl-municipality-picker formControlName="municipality" label="buyer.municipality" />
 */
@Component({
  selector: 'esl-municipality-picker',
  imports: [MatFormFieldModule, MatSelectModule, FieldErrorPipe],
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ i18n.t(departmentLabel()) }}</mat-label>
      <mat-select [value]="department()" [disabled]="disabled()" (selectionChange)="chooseDepartment($event.value)">
        @for (d of departments(); track d.code) {
          <mat-option [value]="d.code">{{ d.name }}</mat-option>
        }
      </mat-select>
      @if (listFailed()) {
        <mat-hint>{{ i18n.t('supplierProfile.reference.listFailed') }}</mat-hint>
      }
    </mat-form-field>
    <mat-form-field>
      <mat-label>{{ i18n.t(label()) }}</mat-label>
      <mat-select
        [value]="value()"
        [disabled]="disabled() || !department()"
        [errorStateMatcher]="errorState"
        (selectionChange)="commit($event.value)"
        (closed)="onTouched()"
      >
        @for (m of municipalities(); track m.code) {
          <mat-option [value]="m.code">{{ m.name }}</mat-option>
        }
      </mat-select>
      <mat-error>{{ control | fieldError }}</mat-error>
    </mat-form-field>
  `,
  styles: ':host { display: flex; flex-wrap: wrap; gap: 0 16px } mat-form-field { flex: 1 1 240px; min-width: 0 }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MunicipalityPicker extends PlacePicker<string> {
  readonly label = input<MessageKey>('supplierProfile.reference.municipality');
  readonly departmentLabel = input<MessageKey>('supplierProfile.reference.department');
  protected readonly value = signal('');

  protected empty(): string {
    return '';
  }

  protected override written(code: string): void {
    if (code) this.listDepartment(code.slice(0, 2));
  }

  /** Another department: its municipalities are listed, and a municipality of the old one no longer holds. */
  protected chooseDepartment(code: string): void {
    this.listDepartment(code);
    if (this.value()) this.commit('');
  }
}
