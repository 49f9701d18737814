import { DynamicModule, Global, Inject, Module } from '@nestjs/common';
import type { ServerConfig } from '@eslabon/config';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Injects the configuration parsed at start-up. */
export const InjectConfig = (): ParameterDecorator => Inject(APP_CONFIG);

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: ServerConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: Object.freeze({ ...config }) }],
      exports: [APP_CONFIG],
    };
  }
}
