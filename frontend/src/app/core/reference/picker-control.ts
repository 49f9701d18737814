import { AfterContentInit, ChangeDetectorRef, DestroyRef, Directive, WritableSignal, inject, signal, viewChildren } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, ControlValueAccessor, NgControl } from '@angular/forms';
import type { ErrorStateMatcher } from '@angular/material/core';
import { MatSelect } from '@angular/material/select';

/**
 * What the reference pickers share as form controls: the value as a signal, the ControlValueAccessor
 * callbacks, and the host control's errors. The picker registers itself on its NgControl instead of
 * through NG_VALUE_ACCESSOR so it can read that control, and show inside its own fields a refusal that
 * `showProblem` put on it (e.g. `domicileMunicipality`).
 */
@Directive()
export abstract class PickerControl<T> implements ControlValueAccessor, AfterContentInit {
  private readonly ngControl = inject(NgControl, { self: true, optional: true });
  private readonly changes = inject(ChangeDetectorRef);
  private readonly destroyRef = inject(DestroyRef);
  protected abstract readonly value: WritableSignal<T>;
  protected readonly disabled = signal(false);
  private readonly selects = viewChildren(MatSelect);
  private onChange: (value: T) => void = () => undefined;
  protected onTouched: () => void = () => undefined;

  /** Puts the picker's fields in error while the host control is invalid and touched. */
  protected readonly errorState: ErrorStateMatcher = { isErrorState: () => !!this.control?.invalid && !!this.control.touched };

  constructor() {
    if (this.ngControl) this.ngControl.valueAccessor = this;
  }

  /** The host form control, for `| fieldError`. */
  protected get control(): AbstractControl | null {
    return this.ngControl?.control ?? null;
  }

  /** Not in ngOnInit: a `formControlName` on the same element only gets its control after the component's ngOnInit. */
  ngAfterContentInit(): void {
    // Errors and touched state set on the host control (showProblem, markAllAsTouched) neither mark this OnPush
    // view nor reach the inner selects, which only follow a form control of their own.
    this.control?.events.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => {
      for (const select of this.selects()) select.updateErrorState();
      this.changes.markForCheck();
    });
  }

  writeValue(value: T | null): void {
    this.value.set(value ?? this.empty());
    this.written?.(this.value());
  }

  registerOnChange(fn: (value: T) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }

  /** The value the form gives when it has none (null on reset). */
  protected abstract empty(): T;

  /** Called when the form sets a value, e.g. to load the lists that value belongs to. */
  protected written?(value: T): void;

  /** A change made by the user: keep it and tell the form. */
  protected commit(value: T): void {
    this.value.set(value);
    this.onChange(value);
    this.onTouched();
  }
}
