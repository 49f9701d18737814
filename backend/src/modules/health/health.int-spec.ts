import type { HealthResponse } from '@eslabon/contracts';
import request from 'supertest';
import { TestStack, adminQuery, createTestStack } from '../../testing';

describe('GET /api/health', () => {
  describe('with database and Redis up', () => {
    let stack: TestStack;
    beforeAll(async () => (stack = await createTestStack()));
    afterAll(() => stack.close());

    it('answers 200, reports each dependency and that no worker has beaten yet', async () => {
      const res = await request(stack.api.getHttpServer()).get('/api/health').expect(200);
      const body = res.body as HealthResponse;
      expect(body.status).toBe('degraded');
      expect(body.checks.database.status).toBe('up');
      expect(body.checks.redis.status).toBe('up');
      expect(body.checks.worker).toEqual({ status: 'down', lastHeartbeatAt: null, activeWorkers: 0 });
      expect(body.checks.database).not.toHaveProperty('error');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('echoes a well-formed request id and replaces a malformed one', async () => {
      const server = stack.api.getHttpServer();
      await request(server).get('/api/health').set('x-request-id', 'abc-123').expect('x-request-id', 'abc-123');
      const res = await request(server).get('/api/health').set('x-request-id', '<script> nope');
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('answers 503 once the database is gone', async () => {
      await adminQuery(process.env['DATABASE_URL'] as string, `DROP DATABASE "${stack.database.name}" WITH (FORCE)`);
      const res = await request(stack.api.getHttpServer()).get('/api/health').expect(503);
      expect(res.body.status).toBe('error');
      expect(res.body.checks.database).toMatchObject({ status: 'down', error: 'unavailable' });
      expect(res.body.checks.redis.status).toBe('up');
      // Nothing about the server's internals (names, addresses) is given away.
      expect(JSON.stringify(res.body)).not.toContain(stack.database.name);
      expect(res.body.checks.worker.status).toBe('down');
    });
  });

  describe('with Redis unreachable', () => {
    let stack: TestStack;
    beforeAll(async () => (stack = await createTestStack({ REDIS_URL: 'redis://127.0.0.1:1' })));
    afterAll(() => stack.close());

    it('answers 503 and names Redis as down', async () => {
      const res = await request(stack.api.getHttpServer()).get('/api/health').expect(503);
      expect(res.body.status).toBe('error');
      expect(res.body.checks.database.status).toBe('up');
      expect(res.body.checks.redis).toMatchObject({ status: 'down', error: expect.stringMatching(/^(unavailable|timeout)$/) });
      expect(JSON.stringify(res.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    });
  });
});
