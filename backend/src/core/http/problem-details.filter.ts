import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE } from '@eslabon/contracts';
import type { Request, Response } from 'express';
import type { Logger } from 'nestjs-pino';
import { DomainError } from './domain-error';
import { localizeFieldErrors, toProblem } from './problem-details';

/** The single place where errors become HTTP responses. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { id?: string }>();
    const res = http.getResponse<Response>();
    // Spanish when the caller asks for it; English (the API's own words) otherwise.
    const preferred = req.acceptsLanguages('en', 'es-CO', 'es');
    const locale = preferred && preferred !== 'en' ? 'es-CO' : 'en';
    const problem = localizeFieldErrors(toProblem(exception), locale);
    // The path only: a query string may carry values that do not belong in a response.
    problem.instance = req.originalUrl.split('?')[0];
    if (problem.detail) problem.detail = problem.detail.replace(req.originalUrl, problem.instance);
    if (req.id) problem.requestId = String(req.id);
    if (problem.status >= 500) {
      this.logger.error({ err: exception, requestId: problem.requestId }, 'Request failed');
    }
    if (res.headersSent) return;
    const retryAfter = exception instanceof DomainError ? exception.options.retryAfterSeconds : undefined;
    if (retryAfter !== undefined) res.setHeader('Retry-After', String(retryAfter));
    res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}
