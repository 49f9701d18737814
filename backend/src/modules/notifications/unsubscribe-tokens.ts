import { Injectable } from '@nestjs/common';
import type { ServerConfig } from '@eslabon/config';
import { NOTIFICATION_CATEGORIES, type UnsubscribeCategory } from '@eslabon/contracts';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { InjectConfig } from '../../core/config/config.module';

/**
 * Signed one-click unsubscribe links: `<user>.<category>.<mac>`. Nothing is stored, and a link works
 * without signing in, as mail clients expect (RFC 8058). The key is derived from the deployment's master
 * secret for this one purpose (HKDF), so it never opens anything else.
 */
@Injectable()
export class UnsubscribeTokens {
  private readonly key: Buffer;

  constructor(@InjectConfig() config: Pick<ServerConfig, 'bidMasterKey'>) {
    this.key = Buffer.from(hkdfSync('sha256', Buffer.from(config.bidMasterKey, 'base64'), Buffer.alloc(0), 'eslabon/unsubscribe', 32));
  }

  issue(userId: string, category: UnsubscribeCategory): string {
    return `${userId}.${category}.${this.mac(userId, category)}`;
  }

  /** The user and category a token names, or null when it was not issued here. */
  verify(token: string): { userId: string; category: UnsubscribeCategory } | null {
    const [userId, category, mac, ...rest] = token.split('.');
    if (rest.length > 0 || !userId || !mac || ![...NOTIFICATION_CATEGORIES, 'all'].includes(category)) return null;
    const expected = Buffer.from(this.mac(userId, category as UnsubscribeCategory));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected)
      ? { userId, category: category as UnsubscribeCategory }
      : null;
  }

  private mac(userId: string, category: UnsubscribeCategory): string {
    return createHmac('sha256', this.key).update(`${userId}.${category}`).digest('base64url');
  }
}
