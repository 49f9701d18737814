import { createHash, randomBytes } from 'node:crypto';

/** A URL-safe random secret (256 bits). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored instead of a secret: finding a row needs the secret, reading the table does not reveal it. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
