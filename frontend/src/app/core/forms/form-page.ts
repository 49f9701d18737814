import { Directive, inject, signal } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import type { Observable } from 'rxjs';
import { problemOf, showProblem } from '../api/problem';
import { I18n } from '../i18n/i18n.service';
import { errorMessage } from './form-errors';

/** A page around one form: sends it when valid, and shows what the server refused next to each field. */
@Directive()
export abstract class FormPage {
  protected readonly i18n = inject(I18n);
  protected readonly busy = signal(false);
  /** A refusal that belongs to no single field, shown above the buttons. */
  protected readonly failure = signal('');

  protected send<T>(form: FormGroup, call: () => Observable<T>, done: (result: T) => void): void {
    form.markAllAsTouched();
    if (form.invalid) return;
    this.busy.set(true);
    this.failure.set('');
    call().subscribe({
      next: (result) => {
        this.busy.set(false);
        done(result);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const rest = showProblem(form, problemOf(error));
        this.failure.set(rest ? errorMessage(this.i18n, rest.code) : '');
      },
    });
  }
}
