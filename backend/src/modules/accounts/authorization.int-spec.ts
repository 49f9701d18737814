import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import request from 'supertest';
import { PUBLIC_ROUTE, ROUTE_POLICY, SIGNED_IN } from '../../core/auth/auth.decorators';
import type { Policy } from '../../core/auth/policy';
import { Browser, TEST_PASSWORD, TestAccount, TestStack, createAccount, createTestStack, signedIn } from '../../testing';

interface Route {
  method: string;
  path: string;
  isPublic: boolean;
  policy?: Policy | typeof SIGNED_IN;
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
          policy: reflector.getAllAndOverride(ROUTE_POLICY, targets),
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
    expect(routes.filter((r) => r.isPublic === (r.policy !== undefined)).map((r) => `${r.method} ${r.path}`)).toEqual([]);
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
    // A valid body for each state-changing organization route, so that only authorization can refuse it.
    const bodies: Record<string, object> = {
      'POST /organizations/:organizationId/invitations': { email: 'nuevo@prueba.co', role: 'supplier_member' },
    };
    const scoped = () => routesOf(stack).filter((r) => typeof r.policy === 'object' && r.policy.resource?.type === 'organization');
    const call = (browser: Browser, route: Route, id: string) => {
      const path = `/api/v1${route.path.replace(/:\w+/, id)}`;
      return browser.send(route.method, path, bodies[`${route.method} ${route.path}`]);
    };

    it('covers every organization-owned route, each tested below', () => {
      expect(
        scoped()
          .map((r) => `${r.method} ${r.path}`)
          .sort(),
      ).toEqual([
        'GET /audit/organizations/:organizationId',
        'GET /organizations/:organizationId/members',
        'POST /organizations/:organizationId/invitations',
      ]);
    });

    it('another organization gets the same 404 as for a missing organization, on every such route', async () => {
      const intruder = await signedIn(stack.api, b);
      for (const route of scoped()) {
        const foreign = await call(intruder, route, a.organizationId);
        const missing = await call(intruder, route, '00000000-0000-4000-8000-000000000000');
        expect([route.path, foreign.status]).toEqual([route.path, 404]);
        expect({ ...foreign.body, instance: undefined, requestId: undefined }).toEqual({
          ...missing.body,
          instance: undefined,
          requestId: undefined,
        });
      }
    });

    it('the owning organization’s admin is let in on every such route', async () => {
      const owner = await signedIn(stack.api, a);
      for (const route of scoped()) {
        const res = await call(owner, route, a.organizationId);
        expect([route.path, res.status < 300]).toEqual([route.path, true]);
      }
    });

    it('routes for other roles refuse a supplier admin with 403', async () => {
      const supplier = await signedIn(stack.api, a);
      const restricted = routesOf(stack).filter(
        (r) => typeof r.policy === 'object' && !r.policy.resource && !r.policy.roles.includes('supplier_admin'),
      );
      expect(restricted.length).toBeGreaterThanOrEqual(4);
      for (const route of restricted) {
        const path = `/api/v1${route.path.replace(/:\w+/, b.organizationId)}`;
        const res = await supplier.send(route.method, path);
        expect([route.method, route.path, res.status]).toEqual([route.method, route.path, 403]);
      }
    });

    it('cannot switch into an organization one does not belong to', async () => {
      const browser = await signedIn(stack.api, a);
      await browser.put('/api/v1/auth/session/organization', { organizationId: b.organizationId }).expect(404);
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

    it('refuses state-changing requests from other sites even before sign-in, and form-encoded bodies', async () => {
      const login = { email: a.email, password: TEST_PASSWORD };
      const server = stack.api.getHttpServer();
      const crossSite = await request(server).post('/api/v1/auth/login').set('origin', 'https://evil.example').send(login).expect(403);
      expect(crossSite.body.code).toBe('cross_site_request');
      await request(server).post('/api/v1/auth/login').set('sec-fetch-site', 'cross-site').send(login).expect(403);
      await request(server).post('/api/v1/auth/login').type('form').send(login).expect(400);
    });

    it('sets the session cookie httpOnly and SameSite=Lax, and the CSRF cookie readable by the page', async () => {
      const res = await request(stack.api.getHttpServer())
        .post('/api/v1/auth/login')
        .send({ email: a.email, password: TEST_PASSWORD })
        .expect(200);
      const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
      expect(cookies.find((c) => c.startsWith('eslabon_session='))).toMatch(/HttpOnly.*SameSite=Lax|SameSite=Lax.*HttpOnly/);
      expect(cookies.find((c) => c.startsWith('XSRF-TOKEN='))).not.toMatch(/HttpOnly/);
    });
  });
});
