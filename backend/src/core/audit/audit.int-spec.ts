import { DataSource } from 'typeorm';
import { TestStack, adminQuery, createAccount, createTestStack, signedIn } from '../../testing';
import { SYSTEM_ACTOR } from './actor';
import { AuditService } from './audit.service';

describe('audit log', () => {
  let stack: TestStack;
  let db: DataSource;
  let audit: AuditService;

  beforeAll(async () => {
    stack = await createTestStack();
    db = stack.api.get(DataSource);
    audit = stack.api.get(AuditService);
  });
  afterAll(() => stack.close());

  const count = async (entityId: string) =>
    Number((await db.query(`SELECT count(*) FROM audit_log WHERE entity_id = $1`, [entityId]))[0].count);
  const change = (entityId: string) => ({ action: 'test.changed', entityType: 'test', entityId, summary: { after: { n: 1 } } });

  it('is written with the change: a rollback leaves no entry, a commit always one', async () => {
    await expect(
      db.transaction(async (em) => {
        await audit.record(em, SYSTEM_ACTOR, change('rolled-back'));
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(await count('rolled-back')).toBe(0);

    await db.transaction((em) => audit.record(em, SYSTEM_ACTOR, change('committed')));
    expect(await count('committed')).toBe(1);
  });

  it('refuses to write outside a transaction', async () => {
    await expect(audit.record(db.manager, SYSTEM_ACTOR, change('loose'))).rejects.toThrow(/transaction of the change/);
  });

  it('keeps one unbroken chain under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => db.transaction((em) => audit.record(em, SYSTEM_ACTOR, change(`c${i}`)))));
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  it('cannot be updated, deleted or truncated, not even by the app’s own connection', async () => {
    await expect(db.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('GET /api/v1/audit/verify passes on untouched data and names the row a superuser tampered with', async () => {
    const officer = await signedIn(stack.api, await createAccount(stack.api, 'oversight', 'officer'));
    const before = await officer.get('/api/v1/audit/verify').expect(200);
    expect(before.body).toMatchObject({ ok: true });
    expect(before.body.checked).toBeGreaterThan(20);

    const [victim] = await db.query(`SELECT id FROM audit_log WHERE entity_id = 'c7'`);
    // A superuser can bypass the trigger; the chain still exposes the edit.
    await adminQuery(
      stack.database.url,
      `SET session_replication_role = replica`,
      `UPDATE audit_log SET summary = '{"after":{"n":2}}' WHERE id = ${Number(victim.id)}`,
    );
    const after = await officer.get('/api/v1/audit/verify').expect(200);
    expect(after.body).toEqual({ ok: false, checked: expect.any(Number), brokenAtId: victim.id, reason: 'hash' });
  });

  it('is not readable by suppliers', async () => {
    const supplier = await signedIn(stack.api, await createAccount(stack.api, 'supplier', 'supplier_admin'));
    const res = await supplier.get('/api/v1/audit/verify').expect(403);
    expect(res.body.code).toBe('forbidden');
  });
});
