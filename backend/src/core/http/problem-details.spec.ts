import { BadRequestException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { ValidationError } from 'class-validator';
import { DomainError } from './domain-error';
import { RequestValidationError, localizeFieldErrors, toFieldErrors, toProblem } from './problem-details';

function validationError(property: string, constraints?: Record<string, string>, children: ValidationError[] = []): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children });
}

describe('toFieldErrors', () => {
  it('flattens nested and array errors into JSON Pointers', () => {
    const errors = [
      validationError('title', { isNotEmpty: 'title should not be empty' }),
      validationError('lots', undefined, [
        validationError('0', undefined, [
          validationError('valueCop', { isInt: 'valueCop must be an integer', min: 'valueCop must not be less than 1' }),
        ]),
      ]),
      validationError('a/b~c', { whitelistValidation: 'property a/b~c should not exist' }),
    ];
    expect(toFieldErrors(errors)).toEqual([
      { pointer: '/title', field: 'title', code: 'required', messages: ['title should not be empty'] },
      {
        pointer: '/lots/0/valueCop',
        field: 'lots.0.valueCop',
        code: 'integer',
        messages: ['valueCop must be an integer', 'valueCop must not be less than 1'],
      },
      { pointer: '/a~1b~0c', field: 'a/b~c', code: 'not_allowed', messages: ['property a/b~c should not exist'] },
    ]);
  });
});

describe('toProblem', () => {
  it.each<[string, unknown, object]>([
    [
      'validation',
      new RequestValidationError([{ pointer: '/x', field: 'x', messages: ['bad'] }]),
      {
        status: 400,
        title: 'Bad Request',
        detail: 'The request has invalid fields.',
        errors: [{ pointer: '/x', field: 'x', messages: ['bad'] }],
      },
    ],
    [
      'domain error with a field',
      DomainError.field('conflict', 'email_taken', 'email', 'An account with this e-mail exists'),
      {
        status: 409,
        title: 'Conflict',
        code: 'email_taken',
        detail: 'An account with this e-mail exists',
        errors: [{ pointer: '/email', field: 'email', code: 'email_taken', messages: ['An account with this e-mail exists'] }],
      },
    ],
    ['throttled', new DomainError('too_many_requests', 'login_throttled', 'Too many attempts'), { status: 429, code: 'login_throttled' }],
    ['not found', new NotFoundException('Tender 7 does not exist'), { status: 404, title: 'Not Found', detail: 'Tender 7 does not exist' }],
    ['forbidden without message', new ForbiddenException(), { status: 403, title: 'Forbidden', detail: 'Forbidden' }],
    ['message list', new BadRequestException(['a is wrong', 'b is wrong']), { status: 400, detail: 'a is wrong; b is wrong' }],
    [
      'body too large',
      Object.assign(new Error('request entity too large'), { status: 413, expose: true }),
      { status: 413, title: 'Payload Too Large', detail: 'request entity too large' },
    ],
    [
      'hidden middleware message',
      Object.assign(new Error('secret internals'), { statusCode: 502, expose: false }),
      { status: 502, title: 'Bad Gateway' },
    ],
    [
      'unexpected',
      new TypeError('x is undefined'),
      { status: 500, title: 'Internal Server Error', detail: 'An unexpected error occurred. Quote the request id when reporting it.' },
    ],
  ])('%s', (_name, exception, expected) => {
    const result = toProblem(exception);
    expect(result).toMatchObject({ type: 'about:blank', ...expected });
    expect(JSON.stringify(result)).not.toMatch(/secret internals|x is undefined/);
  });
});

describe('localizeFieldErrors', () => {
  const problem = {
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    errors: [
      { pointer: '/nit', field: 'nit', code: 'nit_check_digit', messages: ['The check digit does not match'] },
      { pointer: '/x', field: 'x', code: 'feature_specific', messages: ['kept as is'] },
    ],
  };

  it.each([
    ['es-CO', ['El dígito de verificación no corresponde a este NIT.', 'kept as is']],
    ['en', ['The check digit does not match', 'kept as is']],
  ] as const)('in %s', (locale, messages) => {
    expect(localizeFieldErrors(problem, locale).errors?.map((e) => e.messages[0])).toEqual(messages);
  });
});
