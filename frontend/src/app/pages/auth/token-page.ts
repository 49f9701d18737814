import { Directive, input, signal } from '@angular/core';
import type { Observable } from 'rxjs';
import { problemOf } from '../../core/api/problem';
import { errorMessage } from '../../core/forms/form-errors';
import { FormPage } from '../../core/forms/form-page';
import type { TokenState } from './token-outcome';

/** Pages opened from an e-mailed link carry its token in the `token` query parameter. */
@Directive()
export abstract class TokenPage extends FormPage {
  readonly token = input<string>('');
  /** For pages that act on the token as soon as they open. */
  protected readonly state = signal<TokenState>('working');

  /** Sends the token once; a link without one is refused without asking the server. */
  protected redeem<T>(call: () => Observable<T>, done: (result: T) => void = () => undefined): void {
    const failed = (code: string | undefined) => {
      this.failure.set(errorMessage(this.i18n, code ?? 'token_invalid'));
      this.state.set('failed');
    };
    if (!this.token()) {
      failed('token_invalid');
      return;
    }
    call().subscribe({
      next: (result) => {
        done(result);
        this.state.set('done');
      },
      error: (error: unknown) => failed(problemOf(error).code),
    });
  }
}
