import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A fresh master key for sealed bids: 32 random bytes in base64, as BID_MASTER_KEY expects. */
export function newBidMasterKey(): string {
  return randomBytes(32).toString('base64');
}

/**
 * The local product's master key, made once and kept beside its data (mode 0600): bids sealed
 * yesterday must still open today. A deployment sets BID_MASTER_KEY from its secret store instead.
 */
export function localBidMasterKey(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const key = newBidMasterKey();
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}
