import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ServerConfig } from '@eslabon/config';
import { APP_CONFIG } from '../config/config.module';
import { dataSourceOptions } from './data-source-options';

@Module({})
export class DatabaseModule {
  static forRoot(applicationName: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: ServerConfig) => ({
            ...dataSourceOptions(config.databaseUrl, applicationName),
            retryAttempts: 5,
            retryDelay: 2000,
          }),
        }),
      ],
    };
  }
}
