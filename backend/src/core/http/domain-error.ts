import type { FieldError } from '@eslabon/contracts';

/** Kinds of failure a service can report; the problem-details filter maps each to an HTTP status. */
export const DOMAIN_ERROR_STATUS = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  unprocessable: 422,
  too_many_requests: 429,
} as const;
export type DomainErrorKind = keyof typeof DOMAIN_ERROR_STATUS;

/**
 * What services throw instead of HTTP exceptions. `code` names the precise reason
 * (e.g. `email_taken`) so clients can explain it in their own language.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly options: { errors?: FieldError[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** A problem with one field of the request body. */
  static field(kind: DomainErrorKind, code: string, field: string, message: string): DomainError {
    return new DomainError(kind, code, message, { errors: [fieldError(field, code, message)] });
  }

  /** Several refused fields at once, so a form shows every problem in one round trip. */
  static fields(errors: FieldError[]): DomainError {
    return new DomainError('invalid', 'validation_failed', 'The request has invalid fields.', { errors });
  }
}

/** A field error for a dotted path ("identity.nit", "nationalProducts.0.rpbnExpiresOn"). */
export function fieldError(field: string, code: string, message: string): FieldError {
  return { pointer: `/${field.split('.').join('/')}`, field, code, messages: [message] };
}
