import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { ServerConfig } from '@eslabon/config';
import Redis from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import { APP_CONFIG } from '../config/config.module';
import { QueueProducer } from './queue-producer';
import { QUEUE_NAMES, RETRY_PRESETS } from './queues';
import { redisOptionsFromUrl } from './redis-options';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
export const InjectRedis = (): ParameterDecorator => Inject(REDIS_CLIENT);

/** Closes the shared client with the application, so shutdown leaves no open socket. */
@Injectable()
class RedisClientCloser implements OnApplicationShutdown {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}

/** Routes queue connection errors to the structured log (BullMQ prints them to the console otherwise). */
@Injectable()
class QueueErrorLogger implements OnModuleInit {
  constructor(
    private readonly producer: QueueProducer,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('Queues');
  }

  onModuleInit(): void {
    for (const name of QUEUE_NAMES) {
      this.producer.queue(name).on('error', (err) => this.logger.warn({ err, queue: name }, 'Queue connection error'));
    }
  }
}

@Global()
@Module({})
export class QueueModule {
  static forRoot(processName: 'api' | 'worker'): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: ServerConfig) => ({
            connection: {
              ...redisOptionsFromUrl(config.redisUrl),
              maxRetriesPerRequest: null,
              // BullMQ's advice: producers fail fast while Redis is away (a request must not hang);
              // workers keep waiting for it to come back.
              enableOfflineQueue: processName === 'worker',
            },
            prefix: config.queuePrefix,
            defaultJobOptions: RETRY_PRESETS.standard,
          }),
        }),
        ...QUEUE_NAMES.map((name) => BullModule.registerQueue({ name })),
      ],
      providers: [
        {
          provide: REDIS_CLIENT,
          inject: [APP_CONFIG],
          // For short commands (health pings, later rate limits); fails fast instead of queueing forever.
          useFactory: (config: ServerConfig) => {
            const client = new Redis({
              ...redisOptionsFromUrl(config.redisUrl),
              lazyConnect: true,
              maxRetriesPerRequest: 1,
              connectTimeout: 2_000,
            });
            client.on('error', () => undefined);
            return client;
          },
        },
        RedisClientCloser,
        QueueProducer,
        QueueErrorLogger,
      ],
      exports: [BullModule, REDIS_CLIENT, QueueProducer],
    };
  }
}
