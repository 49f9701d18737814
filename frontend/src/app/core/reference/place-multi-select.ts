import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { FieldErrorPipe } from '../forms/form-errors';
import type { MessageKey } from '../i18n/i18n.service';
import { PlacePicker } from './place-picker';

/**
 * Several places as one form control holding DIVIPOLA codes (string[]): departments (2 digits) or
 * municipalities (5 digits). Municipalities are chosen department by department; every chosen one
 * shows as a removable chip, wherever it is.
 *
 *   <esl-place-multi-select formControlName="coverageCodes" level="municipalities" label="supplierProfile.identity.coverageMunicipalities" />
 */
@Component({
  selector: 'esl-place-multi-select',
  imports: [MatFormFieldModule, MatSelectModule, MatChipsModule, FieldErrorPipe],
  template: `
    @if (level() === 'departments') {
      <mat-form-field>
        <mat-label>{{ i18n.t(label()) }}</mat-label>
        <mat-select
          multiple
          [value]="value()"
          [disabled]="disabled()"
          [errorStateMatcher]="errorState"
          (selectionChange)="commit($event.value)"
          (closed)="onTouched()"
        >
          @for (d of departments(); track d.code) {
            <mat-option [value]="d.code">{{ d.name }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ control | fieldError }}</mat-error>
      </mat-form-field>
    } @else {
      <mat-form-field>
        <mat-label>{{ i18n.t(departmentLabel()) }}</mat-label>
        <mat-select [value]="department()" [disabled]="disabled()" (selectionChange)="listDepartment($event.value)">
          @for (d of departments(); track d.code) {
            <mat-option [value]="d.code">{{ d.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ i18n.t(label()) }}</mat-label>
        <mat-select
          multiple
          [value]="listedChosen()"
          [disabled]="disabled() || !department()"
          [errorStateMatcher]="errorState"
          (selectionChange)="chooseListed($event.value)"
          (closed)="onTouched()"
        >
          @for (m of municipalities(); track m.code) {
            <mat-option [value]="m.code">{{ m.name }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ control | fieldError }}</mat-error>
      </mat-form-field>
      <mat-chip-set [attr.aria-label]="i18n.t(label())">
        @for (code of value(); track code) {
          <mat-chip [disabled]="disabled()" (removed)="remove(code)">
            {{ nameOf(code) }}
            <button matChipRemove type="button" [attr.aria-label]="i18n.t('supplierProfile.reference.remove', { name: nameOf(code) })">
              ×
            </button>
          </mat-chip>
        }
      </mat-chip-set>
    }
    @if (listFailed()) {
      <p class="hint">{{ i18n.t('supplierProfile.reference.listFailed') }}</p>
    }
  `,
  styles: ':host { display: block } mat-form-field { width: 100% } .hint { color: var(--mat-sys-error) }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlaceMultiSelect extends PlacePicker<string[]> {
  readonly level = input<'departments' | 'municipalities'>('departments');
  readonly label = input.required<MessageKey>();
  /** For municipalities: the department whose municipalities are listed. */
  readonly departmentLabel = input<MessageKey>('supplierProfile.reference.department');
  protected readonly value = signal<string[]>([]);
  protected readonly listedChosen = computed(() => this.value().filter((code) => code.startsWith(this.department())));

  protected empty(): string[] {
    return [];
  }

  protected override written(codes: string[]): void {
    if (this.level() === 'municipalities') this.learnNames(codes);
  }

  /** The listed department's choice replaces only its own municipalities. */
  protected chooseListed(codes: string[]): void {
    const elsewhere = this.value().filter((code) => !code.startsWith(this.department()));
    this.commit([...elsewhere, ...codes]);
  }

  protected remove(code: string): void {
    this.commit(this.value().filter((c) => c !== code));
  }
}
