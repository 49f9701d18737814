import { createHash } from 'node:crypto';

/** The hash before the first row of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit row that its hash covers (all but the hashes themselves). */
export interface ChainedFields {
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actorOrganizationId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  summary: unknown;
  requestId: string | null;
}

/** JSON with object keys sorted at every level, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** sha256(previous hash ‖ canonical JSON of the row), hex. */
export function chainHash(prevHash: string, row: ChainedFields): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(row)).digest('hex');
}

export interface StoredRow extends ChainedFields {
  prevHash: string;
  hash: string;
}

export type ChainVerdict = { ok: true; checked: number } | { ok: false; checked: number; brokenAtId: string; reason: 'prev_hash' | 'hash' };

/** Walks rows in id order and reports the first one whose links do not hold. */
export function verifyChain(rows: Iterable<StoredRow>, startHash = GENESIS_HASH): ChainVerdict {
  let expectedPrev = startHash;
  let checked = 0;
  for (const { prevHash, hash, ...fields } of rows) {
    if (prevHash !== expectedPrev) return { ok: false, checked, brokenAtId: fields.id, reason: 'prev_hash' };
    if (chainHash(prevHash, fields) !== hash) return { ok: false, checked, brokenAtId: fields.id, reason: 'hash' };
    expectedPrev = hash;
    checked++;
  }
  return { ok: true, checked };
}
