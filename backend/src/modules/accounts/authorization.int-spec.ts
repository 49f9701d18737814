import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import request from 'supertest';
import { PUBLIC_ROUTE, ROUTE_POLICY } from '../../core/auth/auth.decorators';
import { TestAccount, TestStack, createAccount, createTestStack, signedIn } from '../../testing';

interface Route {
  method: string;
  path: string;
  isPublic: boolean;
  hasPolicy: boolean;
}

/** Every route the API serves, read from the controllers' own metadata. */
function routesOf(stack: TestStack): Route[] {
  const discovery = stack.api.get(DiscoveryService);
  const scanner = stack.api.get(MetadataScanner);
  const reflector = stack.api.get(Reflector);
  return discovery.getControllers().flatMap(({ instance, metatype }) => {
    if (!instance || !metatype) return [];
    const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
    return scanner.getAllMethodNames(Object.getPrototypeOf(instance)).flatMap((name) => {
      const handler = instance[name];
      const path = Reflect.getMetadata(PATH_METADATA, handler);
      if (path === undefined) return [];
      const targets = [handler, metatype];
      return [
        {
          method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler)],
          path: `/${[base, path].filter(Boolean).join('/')}`.replace(/\/+/g, '/'),
          isPublic: reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) === true,
          hasPolicy: reflector.getAllAndOverride(ROUTE_POLICY, targets) !== undefined,
        },
      ];
    });
  });
}

describe('authorization', () => {
  let stack: TestStack;
  let a: TestAccount;
  let b: TestAccount;

  beforeAll(async () => {
    stack = await createTestStack();
    a = await createAccount(stack.api, 'supplier', 'supplier_admin');
    b = await createAccount(stack.api, 'state_entity', 'buyer_admin');
  });
  afterAll(() => stack.close());

  it('every route is either public or declares who may call it', () => {
    const routes = routesOf(stack);
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((r) => r.isPublic === r.hasPolicy).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('private routes answer 401 to visitors', async () => {
    const server = stack.api.getHttpServer();
    for (const route of routesOf(stack).filter((r) => !r.isPublic)) {
      const path = `/api/v1${route.path.replace(/:\w+/g, a.organizationId)}`;
      const res = await request(server)[route.method.toLowerCase() as 'get'](path).send({});
      expect([route.method, route.path, res.status]).toEqual([route.method, route.path, 401]);
    }
  });

  describe('across organizations', () => {
    // Every organization-scoped endpoint, with a valid body, as another organization's admin sees it.
    const scoped: [string, string, object][] = [
      ['get', '/api/v1/organizations/:id/members', {}],
      ['post', '/api/v1/organizations/:id/invitations', { email: 'nuevo@prueba.co', role: 'supplier_member' }],
      ['get', '/api/v1/audit/organizations/:id', {}],
    ];

    it.each(scoped)('%s %s: another organization gets the same 404 as for a missing one', async (method, path, body) => {
      const intruder = await signedIn(stack.api, b);
      const call = (id: string) =>
        method === 'get' ? intruder.get(path.replace(':id', id)) : intruder.post(path.replace(':id', id), body);
      const foreign = await call(a.organizationId);
      const missing = await call('00000000-0000-4000-8000-000000000000');
      expect(foreign.status).toBe(404);
      expect({ ...foreign.body, instance: undefined, requestId: undefined }).toEqual({
        ...missing.body,
        instance: undefined,
        requestId: undefined,
      });
    });

    it.each(scoped)('%s %s: the owning organization’s admin is let in', async (method, path, body) => {
      const owner = await signedIn(stack.api, a);
      const res =
        method === 'get'
          ? await owner.get(path.replace(':id', a.organizationId))
          : await owner.post(path.replace(':id', a.organizationId), body);
      expect(res.status).toBeLessThan(300);
    });

    it('a member without the admin role cannot manage members', async () => {
      const member = await createAccount(stack.api, 'supplier', 'supplier_member');
      const browser = await signedIn(stack.api, member);
      await browser.get(`/api/v1/organizations/${member.organizationId}/members`).expect(404);
    });

    it('platform routes are for platform admins only', async () => {
      const supplier = await signedIn(stack.api, a);
      await supplier.get('/api/v1/admin/organizations').expect(403);
      const admin = await signedIn(stack.api, await createAccount(stack.api, 'platform', 'admin'));
      await admin.get('/api/v1/admin/organizations').expect(200);
    });
  });

  describe('CSRF', () => {
    it('refuses a state-changing request of a session without its token, and accepts it with the token', async () => {
      const browser = await signedIn(stack.api, a);
      const forged = await browser.agent
        .post(`/api/v1/organizations/${a.organizationId}/invitations`)
        .send({ email: 'x@prueba.co', role: 'supplier_member' });
      expect(forged.status).toBe(403);
      expect(forged.body.code).toBe('csrf_token_invalid');
      await browser
        .post(`/api/v1/organizations/${a.organizationId}/invitations`, { email: 'x@prueba.co', role: 'supplier_member' })
        .expect(201);
    });

    it('sets the session cookie httpOnly and SameSite=Lax, and the CSRF cookie readable by the page', async () => {
      const res = await request(stack.api.getHttpServer())
        .post('/api/v1/auth/login')
        .send({ email: a.email, password: 'contraseña-de-prueba-1' })
        .expect(200);
      const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
      expect(cookies.find((c) => c.startsWith('eslabon_session='))).toMatch(/HttpOnly.*SameSite=Lax|SameSite=Lax.*HttpOnly/);
      expect(cookies.find((c) => c.startsWith('XSRF-TOKEN='))).not.toMatch(/HttpOnly/);
    });
  });
});
