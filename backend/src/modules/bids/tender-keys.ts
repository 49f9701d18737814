import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { KEY_WRAPPER, KeyWrapper } from '../../core/crypto/envelope';
import { TenderBidKey } from './bid.entities';

/** Each tender's data key for its bids and their documents, kept only wrapped by the master key. */
@Injectable()
export class TenderKeys {
  constructor(@Inject(KEY_WRAPPER) private readonly wrapper: KeyWrapper) {}

  /** The tender's data key, made (and wrapped by the master key) with its first bid. */
  async dataKey(em: EntityManager, tenderId: string): Promise<Buffer> {
    const repo = em.getRepository(TenderBidKey);
    const stored = await repo.findOneBy({ tenderId });
    if (stored) return this.wrapper.unwrap({ iv: stored.iv, tag: stored.tag, ciphertext: stored.wrappedKey });
    const key = randomBytes(32);
    const wrapped = await this.wrapper.wrap(key);
    await em.query(
      `INSERT INTO tender_bid_keys (tender_id, key_id, iv, tag, wrapped_key) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tender_id) DO NOTHING`,
      [tenderId, this.wrapper.keyId, wrapped.iv, wrapped.tag, wrapped.ciphertext],
    );
    // Another first bid may have made the key a moment before: use the one that was stored.
    const kept = await repo.findOneByOrFail({ tenderId });
    return kept.wrappedKey.equals(wrapped.ciphertext)
      ? key
      : this.wrapper.unwrap({ iv: kept.iv, tag: kept.tag, ciphertext: kept.wrappedKey });
  }
}
