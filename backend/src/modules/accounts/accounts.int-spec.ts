import type { SessionView } from '@eslabon/contracts';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Browser, TEST_PASSWORD, TestStack, createAccount, createTestStackWithWorker, mailsTo, signedIn, waitForMail } from '../../testing';

const address = (who: string) => `${who}-${randomBytes(4).toString('hex')}@prueba.co`;
const tokenIn = (text = '') => /[?&]token=([\w-]+)/.exec(text)?.[1] as string;

describe('accounts', () => {
  let stack: TestStack;
  beforeAll(async () => (stack = await createTestStackWithWorker()));
  afterAll(() => stack.close());

  const server = () => stack.api.getHttpServer();
  const signUp = (body: object) => request(server()).post('/api/v1/auth/sign-up').send(body);
  const supplier = (email: string) => ({
    organizationKind: 'supplier',
    organizationName: 'Confecciones La Esperanza',
    name: 'Luz Marina Ríos',
    email,
    password: TEST_PASSWORD,
    locale: 'es-CO',
  });

  it('a supplier signs up, verifies by e-mail, signs in, invites a member who joins and signs in', async () => {
    const email = address('luz');
    const created = await signUp(supplier(email)).expect(201);
    expect(created.body.organizationStatus).toBe('active');

    const early = await request(server()).post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(403);
    expect(early.body.code).toBe('email_not_verified');

    const verification = await waitForMail(email, /Confirme su correo/);
    const token = tokenIn(verification.text);
    await request(server()).post('/api/v1/auth/verify-email').send({ token }).expect(204);
    const reused = await request(server()).post('/api/v1/auth/verify-email').send({ token }).expect(410);
    expect(reused.body.code).toBe('token_expired');

    const admin = new Browser(stack.api);
    const session = (await admin.login(email.toUpperCase())) as Extract<SessionView, { authenticated: true }>;
    expect(session.memberships).toEqual([expect.objectContaining({ organizationId: created.body.organizationId, role: 'supplier_admin' })]);
    expect(session.activeOrganizationId).toBe(created.body.organizationId);

    const memberEmail = address('pedro');
    await admin
      .post(`/api/v1/organizations/${created.body.organizationId}/invitations`, { email: memberEmail, role: 'supplier_member' })
      .expect(201);
    const invitation = await waitForMail(memberEmail, /invita/i);
    expect(invitation.text).toContain('Confecciones La Esperanza');

    const member = new Browser(stack.api);
    const joined = await member.agent
      .post('/api/v1/auth/invitations/accept')
      .send({ token: tokenIn(invitation.text), name: 'Pedro Pérez', password: 'otra-clave-segura' })
      .expect(200);
    expect(joined.body.memberships).toEqual([expect.objectContaining({ role: 'supplier_member' })]);

    const again = new Browser(stack.api);
    await again.login(memberEmail, 'otra-clave-segura');
    const members = await admin.get(`/api/v1/organizations/${created.body.organizationId}/members`).expect(200);
    expect(members.body.members.map((m: { role: string }) => m.role).sort()).toEqual(['supplier_admin', 'supplier_member']);
    expect(members.body.invitations).toEqual([]);

    const trail = await admin.get(`/api/v1/audit/organizations/${created.body.organizationId}`).expect(200);
    expect(trail.body.map((e: { action: string }) => e.action)).toEqual([
      'organization.registered',
      'invitation.created',
      'membership.created',
    ]);

    await admin.post('/api/v1/auth/logout').expect(204);
    expect((await admin.get('/api/v1/auth/session').expect(200)).body).toEqual({ authenticated: false });
  });

  it('rejects bad sign-ups field by field and a second account for one e-mail', async () => {
    const bad = await signUp({ ...supplier('not-an-email'), password: 'corta', organizationKind: 'oversight', extra: 1 }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'extra', 'organizationKind', 'password']);

    const email = address('dup');
    await signUp(supplier(email)).expect(201);
    const dup = await signUp(supplier(email.toUpperCase())).expect(409);
    expect(dup.body).toMatchObject({ code: 'email_taken', errors: [{ field: 'email' }] });
  });

  it('throttles an account after five failed sign-ins, even with the right password', async () => {
    const account = await createAccount(stack.api, 'supplier', 'supplier_admin');
    for (let i = 0; i < 5; i++) {
      const res = await request(server()).post('/api/v1/auth/login').send({ email: account.email, password: 'equivocada-123' }).expect(401);
      expect(res.body.code).toBe('invalid_credentials');
    }
    const locked = await request(server()).post('/api/v1/auth/login').send({ email: account.email, password: TEST_PASSWORD }).expect(429);
    expect(locked.body.code).toBe('login_throttled');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts parallel guesses against each other', async () => {
    const account = await createAccount(stack.api, 'supplier', 'supplier_admin');
    const guesses = await Promise.all(
      Array.from({ length: 12 }, () =>
        request(server()).post('/api/v1/auth/login').send({ email: account.email, password: 'equivocada-123' }),
      ),
    );
    // Each guess is recorded before it is judged, and judged only if fewer than five others are on record:
    // however the burst interleaves, no more than five guesses ever reach the password check.
    expect(guesses.every((g) => g.status === 401 || g.status === 429)).toBe(true);
    expect(guesses.filter((g) => g.status === 401).length).toBeLessThanOrEqual(5);
  });

  it('resets a password by e-mail, ending the sessions that were open', async () => {
    const account = await createAccount(stack.api, 'supplier', 'supplier_member');
    const old = await signedIn(stack.api, account);
    await request(server()).post('/api/v1/auth/password-reset').send({ email: account.email }).expect(202);
    await request(server())
      .post('/api/v1/auth/password-reset')
      .send({ email: address('nadie') })
      .expect(202);

    const mail = await waitForMail(account.email, /contraseña/i);
    await request(server())
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token: tokenIn(mail.text), password: 'clave-nueva-12345' })
      .expect(204);
    expect((await old.get('/api/v1/auth/session').expect(200)).body).toEqual({ authenticated: false });
    await request(server()).post('/api/v1/auth/login').send({ email: account.email, password: TEST_PASSWORD }).expect(401);
    await new Browser(stack.api).login(account.email, 'clave-nueva-12345');
  });

  it('a state entity asks for access and can act only once a platform admin approves it', async () => {
    const email = address('compras');
    const created = await signUp({ ...supplier(email), organizationKind: 'state_entity', organizationName: 'Alcaldía de Tunja' }).expect(
      201,
    );
    expect(created.body.organizationStatus).toBe('pending_approval');
    await request(server())
      .post('/api/v1/auth/verify-email')
      .send({ token: tokenIn((await waitForMail(email, /Confirme/)).text) })
      .expect(204);

    const buyer = new Browser(stack.api);
    await buyer.login(email);
    await buyer.get(`/api/v1/organizations/${created.body.organizationId}/members`).expect(404);

    const admin = await signedIn(stack.api, await createAccount(stack.api, 'platform', 'admin'));
    const pending = await admin.get('/api/v1/admin/organizations').expect(200);
    expect(pending.body.map((o: { id: string }) => o.id)).toContain(created.body.organizationId);
    await admin.post(`/api/v1/admin/organizations/${created.body.organizationId}/approve`).expect(200);
    const twice = await admin.post(`/api/v1/admin/organizations/${created.body.organizationId}/approve`).expect(409);
    expect(twice.body.code).toBe('already_decided');

    await waitForMail(email, /aprob/i);
    await buyer.get(`/api/v1/organizations/${created.body.organizationId}/members`).expect(200);
    const [row] = await stack.api
      .get(DataSource)
      .query(`SELECT decided_by FROM organizations WHERE id = $1`, [created.body.organizationId]);
    expect(row.decided_by).toBeTruthy();
    expect(await mailsTo(email)).toHaveLength(2);
  });
});
