import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup } from '@angular/forms';
import { problemOf, showProblem } from './problem';

describe('problem helpers', () => {
  it('reads problem+json from an HTTP error and stands in when the server is unreachable', () => {
    const body = { type: 'about:blank', title: 'Conflict', status: 409, code: 'email_taken' };
    expect(problemOf(new HttpErrorResponse({ status: 409, error: body }))).toEqual(body);
    expect(problemOf(new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') })).code).toBe('unreachable');
  });

  it('puts field errors on their controls and returns the rest', () => {
    const form = new FormGroup({ email: new FormControl('a@b.co'), password: new FormControl('x') });
    const rest = showProblem(form, {
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      code: 'email_taken',
      errors: [{ pointer: '/email', field: 'email', messages: ['taken'] }],
    });
    expect(rest).toBeNull();
    expect(form.get('email')?.errors).toEqual({ server: 'email_taken' });
    expect(form.get('email')?.touched).toBe(true);

    const general = showProblem(form, { type: 'about:blank', title: 'Unauthorized', status: 401, code: 'invalid_credentials' });
    expect(general?.code).toBe('invalid_credentials');
  });
});
