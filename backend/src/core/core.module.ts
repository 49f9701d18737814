import { DynamicModule, Module } from '@nestjs/common';
import type { ServerConfig } from '@eslabon/config';
import { AuditModule } from './audit/audit.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { LoggingModule } from './logging/logging.module';
import { OutboxModule } from './outbox/outbox.module';
import { QueueModule } from './queue/queue.module';

/** Plumbing shared by the API and the worker processes. */
@Module({})
export class CoreModule {
  static forRoot(config: ServerConfig, processName: 'api' | 'worker'): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule.forRoot(`eslabon-${processName}`),
        QueueModule.forRoot(processName),
        AuditModule,
        OutboxModule,
      ],
    };
  }
}
