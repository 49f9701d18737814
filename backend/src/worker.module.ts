import { DynamicModule, Module } from '@nestjs/common';
import type { ServerConfig } from '@eslabon/config';
import { CoreModule } from './core/core.module';
import { HeartbeatJobModule } from './modules/heartbeat/heartbeat.job';

/** The queue worker process: job processors only, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: ServerConfig): DynamicModule {
    return { module: WorkerModule, imports: [CoreModule.forRoot(config, 'worker'), HeartbeatJobModule] };
  }
}
