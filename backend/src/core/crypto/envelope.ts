import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Envelope encryption with AES-256-GCM: content is sealed with a data key of its own, and the data key
 * is sealed ("wrapped") with a master key that never enters the database. A KMS takes the place of
 * `LocalKeyWrapper` by implementing the same interface.
 */
export interface Sealed {
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

export interface KeyWrapper {
  /** Names the master key that wrapped a data key, so keys can be rotated. */
  readonly keyId: string;
  wrap(dataKey: Buffer): Promise<Sealed>;
  unwrap(wrapped: Sealed): Promise<Buffer>;
}

export const KEY_WRAPPER = Symbol('KeyWrapper');

export function seal(key: Buffer, plaintext: Buffer, associatedData: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedData));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ciphertext };
}

/** Opens what `seal` sealed with the same key and associated data; throws if anything was altered. */
export function open(key: Buffer, sealed: Sealed, associatedData: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
  decipher.setAAD(Buffer.from(associatedData));
  decipher.setAuthTag(sealed.tag);
  return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
}

/** Wraps data keys with the master key of the configuration (BID_MASTER_KEY). */
export class LocalKeyWrapper implements KeyWrapper {
  readonly keyId = 'local';
  private readonly master: Buffer;

  constructor(masterKeyBase64: string) {
    this.master = Buffer.from(masterKeyBase64, 'base64');
    if (this.master.length !== 32) throw new Error('The bid master key must be 32 bytes');
  }

  async wrap(dataKey: Buffer): Promise<Sealed> {
    return seal(this.master, dataKey, 'data-key');
  }

  async unwrap(wrapped: Sealed): Promise<Buffer> {
    return open(this.master, wrapped, 'data-key');
  }
}
