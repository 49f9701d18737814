import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { parseServerConfig } from '@eslabon/config';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { exitOnStartupFailure, loadConfigOrExit } from './core/config/load-config';
import { configureApp } from './core/http/configure-app';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit(() => parseServerConfig(process.env));
  // The build puts the Angular app beside the API bundle; serve it unless told otherwise.
  const bundled = join(__dirname, '..', 'frontend', 'browser');
  const frontendDist = config.frontendDist ?? (existsSync(bundled) ? bundled : undefined);
  // Body parsing is set up by configureApp (JSON only, size-limited).
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ ...config, frontendDist }), {
    bufferLogs: true,
    bodyParser: false,
  });
  configureApp(app, config);
  // Longer than the usual proxy idle timeout (60 s), so a proxy never reuses a connection Node has just closed
  // (a request lost that way at the closing rush would be a bid the supplier thinks it sent).
  const server = app.getHttpServer();
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await app.listen(config.port, config.host);
  app
    .get(Logger)
    .log(
      { port: config.port, frontend: frontendDist ?? null },
      `API listening on port ${config.port}${frontendDist ? ', serving the web app' : ''}`,
    );
}

bootstrap().catch(exitOnStartupFailure('API'));
