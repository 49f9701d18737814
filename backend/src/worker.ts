import { NestFactory } from '@nestjs/core';
import { parseServerConfig } from '@eslabon/config';
import { Logger } from 'nestjs-pino';
import { exitOnStartupFailure, loadConfigOrExit } from './core/config/load-config';
import { WORKER_ID } from './modules/heartbeat/heartbeat.job';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit(() => parseServerConfig(process.env));
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.get(Logger).log({ workerId: WORKER_ID }, 'Worker processing queues');
}

bootstrap().catch(exitOnStartupFailure('Worker'));
