import { CanActivate, ExecutionContext, Injectable, Logger, SetMetadata, UseGuards, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ServerConfig } from '@eslabon/config';
import type { Request, Response } from 'express';
import type Redis from 'ioredis';
import { InjectConfig } from '../config/config.module';
import { InjectRedis } from '../queue/queue.module';
import { DomainError } from './domain-error';

interface RateLimitPolicy {
  /** Groups routes that share one allowance. */
  bucket: string;
  limit: number;
  windowSeconds: number;
}

const RATE_LIMIT = 'eslabon:rate-limit';

/**
 * Requests per client address and window, counted in Redis so every API process shares the count
 * (fixed window: INCR + EXPIRE). Over the limit: 429 with Retry-After. If Redis cannot answer, the
 * request passes: open data should not go dark because its counter did.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger(RateLimitGuard.name);

  constructor(
    private readonly reflector: Reflector,
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: ServerConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.get<RateLimitPolicy | undefined>(RATE_LIMIT, context.getHandler());
    if (!policy) return true;
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const window = Math.floor(Date.now() / 1000 / policy.windowSeconds);
    const key = `${this.config.queuePrefix}:rate:${policy.bucket}:${req.ip ?? 'unknown'}:${window}`;
    let count: number;
    try {
      const [[, incr]] = (await this.redis.multi().incr(key).expire(key, policy.windowSeconds).exec()) as [[Error | null, number]];
      count = incr;
    } catch (e) {
      this.logger.warn(`rate limit not counted: ${(e as Error).message}`);
      return true;
    }
    const retryAfterSeconds = policy.windowSeconds - (Math.floor(Date.now() / 1000) % policy.windowSeconds);
    res.setHeader('RateLimit-Limit', String(policy.limit));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, policy.limit - count)));
    res.setHeader('RateLimit-Reset', String(retryAfterSeconds));
    if (count > policy.limit)
      throw new DomainError(
        'too_many_requests',
        'rate_limited',
        `At most ${policy.limit} requests every ${policy.windowSeconds} s; try again later.`,
        {
          retryAfterSeconds,
        },
      );
    return true;
  }
}

export const RateLimit = (policy: RateLimitPolicy): MethodDecorator =>
  applyDecorators(SetMetadata(RATE_LIMIT, policy), UseGuards(RateLimitGuard));
