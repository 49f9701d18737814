import { HttpErrorResponse } from '@angular/common/http';
import { AbstractControl, FormGroup } from '@angular/forms';
import type { ProblemDetails } from '@eslabon/contracts';

/** The problem+json body of a failed call, or a stand-in when the server could not be reached. */
export function problemOf(error: unknown): ProblemDetails {
  if (error instanceof HttpErrorResponse && error.error && typeof error.error === 'object' && 'status' in error.error) {
    return error.error as ProblemDetails;
  }
  return { type: 'about:blank', title: 'Network error', status: 0, code: 'unreachable' };
}

/**
 * Puts each field error of a problem next to its form control (as the `server` error) and
 * returns what belongs to no field, for a message above the form.
 */
export function showProblem(form: FormGroup, problem: ProblemDetails): ProblemDetails | null {
  let unplaced = !problem.errors?.length;
  for (const error of problem.errors ?? []) {
    const control: AbstractControl | null = form.get(error.field);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: error.code ?? problem.code ?? error.messages[0] });
      control.markAsTouched();
    } else {
      unplaced = true;
    }
  }
  return unplaced ? problem : null;
}
