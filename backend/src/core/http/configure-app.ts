import { ValidationPipe, VersioningType } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { ServerConfig } from '@eslabon/config';
import { API_PREFIX } from '@eslabon/contracts';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { ProblemDetailsFilter } from './problem-details.filter';
import { RequestValidationError, toFieldErrors } from './problem-details';

/** Everything the HTTP API needs around its modules; shared by main.ts and the integration tests. */
export function configureApp(app: NestExpressApplication, config: ServerConfig): void {
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.setGlobalPrefix(API_PREFIX);
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  if (config.trustProxy) app.set('trust proxy', 1);
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        // Behind plain HTTP (local use) an upgrade directive would break every asset request.
        directives: { upgradeInsecureRequests: null },
      },
    }),
  );
  app.use(cookieParser());
  // JSON only: a cross-site HTML form cannot send it without the browser asking first (CORS).
  app.useBodyParser('json', { limit: config.bodyLimitBytes });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => new RequestValidationError(toFieldErrors(errors)),
    }),
  );
  app.useGlobalFilters(new ProblemDetailsFilter(logger));
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Eslabón API')
      .setDescription('Public procurement marketplace for national industry. Errors are RFC 9457 application/problem+json.')
      .setVersion('1')
      .addCookieAuth('eslabon_session')
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });
}
