import { HttpException, HttpStatus } from '@nestjs/common';
import { FIELD_ERROR_MESSAGES, isFieldErrorCode, type FieldError, type Locale, type ProblemDetails } from '@eslabon/contracts';
import type { ValidationError } from 'class-validator';
import { STATUS_CODES } from 'node:http';
import { DOMAIN_ERROR_STATUS, DomainError } from './domain-error';

/** Thrown by the global ValidationPipe; carries one entry per invalid field. */
export class RequestValidationError extends Error {
  constructor(readonly errors: FieldError[]) {
    super('The request has invalid fields.');
    this.name = 'RequestValidationError';
  }
}

/** class-validator constraint names → the field error codes clients translate. */
const CONSTRAINT_CODES: Record<string, string> = {
  isNotEmpty: 'required',
  isDefined: 'required',
  isEmail: 'email',
  maxLength: 'too_long',
  minLength: 'too_short',
  length: 'too_short',
  arrayMaxSize: 'too_many',
  isIn: 'not_allowed',
  isEnum: 'not_allowed',
  whitelistValidation: 'not_allowed',
  matches: 'format',
  isUuid: 'format',
  isString: 'format',
  isArray: 'format',
  isObject: 'format',
  isInt: 'integer',
  min: 'too_small',
  max: 'too_large',
  isIso8601: 'date',
  isDateString: 'date',
  isBoolean: 'boolean',
};

/** Flattens class-validator's tree into field errors with JSON Pointers ("/lots/0/title"). */
export function toFieldErrors(errors: ValidationError[], parents: string[] = []): FieldError[] {
  return errors.flatMap((error) => {
    const path = [...parents, error.property];
    const own: FieldError[] = error.constraints
      ? [
          {
            pointer: `/${path.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`,
            field: path.join('.'),
            code: CONSTRAINT_CODES[Object.keys(error.constraints)[0]] ?? 'invalid',
            messages: Object.values(error.constraints),
          },
        ]
      : [];
    return [...own, ...toFieldErrors(error.children ?? [], path)];
  });
}

/** Errors raised by Express middleware (body-parser) carry a status and say whether their message is safe to show. */
interface HttpLikeError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  message: string;
}

function isHttpLike(e: unknown): e is HttpLikeError {
  if (typeof e !== 'object' || e === null) return false;
  const status = (e as HttpLikeError).status ?? (e as HttpLikeError).statusCode;
  return typeof status === 'number' && status >= 400 && status < 600;
}

function problem(status: number, detail?: string, errors?: FieldError[]): ProblemDetails {
  return {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    ...(detail ? { detail } : {}),
    ...(errors ? { errors } : {}),
  };
}

function httpExceptionDetail(e: HttpException): string | undefined {
  const body = e.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : undefined;
}

/** Maps anything thrown while handling a request to RFC 9457 problem details. */
export function toProblem(exception: unknown): ProblemDetails {
  if (exception instanceof DomainError) {
    return { ...problem(DOMAIN_ERROR_STATUS[exception.kind], exception.message, exception.options.errors), code: exception.code };
  }
  if (exception instanceof RequestValidationError) {
    return problem(HttpStatus.BAD_REQUEST, exception.message, exception.errors);
  }
  if (exception instanceof HttpException) {
    return problem(exception.getStatus(), httpExceptionDetail(exception));
  }
  if (isHttpLike(exception)) {
    const status = exception.status ?? exception.statusCode ?? HttpStatus.INTERNAL_SERVER_ERROR;
    return problem(status, exception.expose ? exception.message : undefined);
  }
  return problem(HttpStatus.INTERNAL_SERVER_ERROR, 'An unexpected error occurred. Quote the request id when reporting it.');
}

/**
 * Field messages in the caller's language: Spanish callers get the shared catalog's words; English
 * callers keep the validator's own, more specific sentence.
 */
export function localizeFieldErrors(problem: ProblemDetails, locale: Locale): ProblemDetails {
  if (locale === 'en' || !problem.errors) return problem;
  return {
    ...problem,
    errors: problem.errors.map((e) => (isFieldErrorCode(e.code) ? { ...e, messages: [FIELD_ERROR_MESSAGES[e.code][locale]] } : e)),
  };
}
