import { Directive, input } from '@angular/core';
import { FormPage } from '../../core/forms/form-page';

/** Pages opened from an e-mailed link carry its token in the `token` query parameter. */
@Directive()
export abstract class TokenPage extends FormPage {
  readonly token = input<string>('');
}
