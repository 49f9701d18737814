import type { INestApplication } from '@nestjs/common';
import type { OrganizationKind, Role, SessionView } from '@eslabon/contracts';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../core/audit/actor';
import { AuditService } from '../core/audit/audit.service';
import { ensureOperator } from '../modules/accounts/operators';

export const TEST_PASSWORD = 'contraseña-de-prueba-1';

/** A signed-in browser: keeps the cookies and sends the CSRF header like the web app does. */
export class Browser {
  readonly agent: ReturnType<typeof request.agent>;
  private csrf = '';

  constructor(app: INestApplication) {
    this.agent = request.agent(app.getHttpServer());
  }

  async login(email: string, password = TEST_PASSWORD): Promise<SessionView> {
    const res = await this.agent.post('/api/v1/auth/login').send({ email, password }).expect(200);
    this.rememberCsrf(res.headers['set-cookie']);
    return res.body;
  }

  rememberCsrf(setCookie: string | string[] | undefined): void {
    const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
    const csrf = cookies.map((c) => /^XSRF-TOKEN=([^;]*)/.exec(c)?.[1]).find(Boolean);
    if (csrf) this.csrf = decodeURIComponent(csrf);
  }

  get(url: string) {
    return this.agent.get(url);
  }

  /** Any method, with the CSRF header on those that change state. */
  send(method: string, url: string, body: object = {}) {
    if (method === 'GET') return this.get(url);
    const verb = method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete';
    return this.agent[verb](url).set('x-xsrf-token', this.csrf).send(body);
  }

  post(url: string, body: object = {}) {
    return this.send('POST', url, body);
  }

  put(url: string, body: object = {}) {
    return this.send('PUT', url, body);
  }

  delete(url: string) {
    return this.send('DELETE', url);
  }

  /** A multipart/form-data upload, as the web app's file input sends it. */
  upload(url: string, fields: Record<string, string>, file?: { name: string; body: Buffer }) {
    const req = this.agent.post(url).set('x-xsrf-token', this.csrf);
    for (const [name, value] of Object.entries(fields)) req.field(name, value);
    return file ? req.attach('file', file.body, file.name) : req;
  }
}

export interface TestAccount {
  organizationId: string;
  userId: string;
  email: string;
}

/** An active organization with one verified member holding `role`. */
export async function createAccount(app: INestApplication, kind: OrganizationKind, role: Role): Promise<TestAccount> {
  const email = `${role}-${randomBytes(4).toString('hex')}@prueba.co`;
  const db = app.get(DataSource);
  const ids = await db.transaction((em) =>
    ensureOperator(em, app.get(AuditService), SYSTEM_ACTOR, {
      organization: { kind, name: `Organización ${email}` },
      user: { email, name: `Persona ${role}`, password: TEST_PASSWORD },
      role,
    }),
  );
  return { ...ids, email };
}

export async function signedIn(app: INestApplication, account: TestAccount): Promise<Browser> {
  const browser = new Browser(app);
  await browser.login(account.email);
  return browser;
}
