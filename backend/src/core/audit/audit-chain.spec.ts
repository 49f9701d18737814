import { ChainedFields, GENESIS_HASH, StoredRow, canonicalJson, chainHash, verifyChain } from './audit-chain';

describe('canonicalJson', () => {
  it.each<[unknown, string]>([
    [{ b: 1, a: { d: [2, { z: null, y: 'x' }], c: true } }, '{"a":{"c":true,"d":[2,{"y":"x","z":null}]},"b":1}'],
    [{ skipped: undefined, kept: 0 }, '{"kept":0}'],
    ['ñandú "ok"', '"ñandú \\"ok\\""'],
    [null, 'null'],
  ])('%j', (value, json) => {
    expect(canonicalJson(value)).toBe(json);
  });
});

function chain(n: number): StoredRow[] {
  const rows: StoredRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const fields: ChainedFields = {
      id: String(i),
      occurredAt: `2026-11-24T12:00:0${i}.000Z`,
      actorUserId: null,
      actorOrganizationId: null,
      action: 'organization.approved',
      entityType: 'organization',
      entityId: `org-${i}`,
      summary: { after: { status: 'active' } },
      requestId: `req-${i}`,
    };
    const hash = chainHash(prev, fields);
    rows.push({ ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('verifyChain', () => {
  it('accepts an untouched chain and an empty one', () => {
    expect(verifyChain(chain(4))).toEqual({ ok: true, checked: 4 });
    expect(verifyChain([])).toEqual({ ok: true, checked: 0 });
  });

  it.each<[string, (rows: StoredRow[]) => void, string, 'hash' | 'prev_hash']>([
    ['an edited field', (rows) => (rows[2].summary = { after: { status: 'rejected' } }), '3', 'hash'],
    ['an edited actor', (rows) => (rows[1].actorUserId = 'someone'), '2', 'hash'],
    ['a deleted row', (rows) => rows.splice(1, 1), '3', 'prev_hash'],
    ['a recomputed hash', (rows) => (rows[0].hash = chainHash(GENESIS_HASH, { ...rows[0], action: 'x' })), '1', 'hash'],
    ['reordered rows', (rows) => rows.reverse(), '4', 'prev_hash'],
  ])('reports %s at the first broken row', (_name, tamper, id, reason) => {
    const rows = chain(4);
    tamper(rows);
    expect(verifyChain(rows)).toMatchObject({ ok: false, brokenAtId: id, reason });
  });
});
