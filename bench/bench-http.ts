/**
 * What a bench needs to act as many signed-in users over real HTTP (bid-submit.bench.ts): a JSON request on a
 * keep-alive agent of the user's own, a sign-in that keeps the session cookie and CSRF token as the web app
 * does, and a seeded PRNG so that "random" load is the same from run to run.
 */
import { Agent, request } from 'node:http';
import { TEST_PASSWORD, type TestAccount } from '../backend/src/testing/accounts';

export interface Supplier {
  index: number;
  account: TestAccount;
  agent: Agent;
  cookie: string;
  csrf: string;
}

export interface Reply {
  status: number;
  body: unknown;
  setCookie: string[];
  /** Sent on a kept-alive connection rather than a new one. */
  reused: boolean;
}

/** A request that got no answer; `reused` as in Reply. */
export class TransportError extends Error {
  constructor(
    cause: Error & { code?: string },
    readonly reused: boolean,
  ) {
    super(`${cause.code ?? 'error'}: ${cause.message}${reused ? ' (kept-alive connection)' : ' (new connection)'}`);
  }
}

/** mulberry32: small, fast and good enough to spread instants; the same seed gives the same plan. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A real HTTP request on the supplier's keep-alive agent; the body is JSON both ways. */
export function send(
  port: number,
  agent: Agent,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: object,
): Promise<Reply> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const sized = payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) };
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, agent, headers: { ...headers, ...sized } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (e) => reject(new TransportError(e, req.reusedSocket)));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          // Not JSON: kept as text for the error message.
        }
        resolve({ status: res.statusCode ?? 0, body: parsed, setCookie: res.headers['set-cookie'] ?? [], reused: req.reusedSocket });
      });
    });
    req.on('error', (e) => reject(new TransportError(e, req.reusedSocket)));
    req.end(payload);
  });
}

/** Signs in as the web app does and keeps the session cookie and the CSRF token it must echo. */
export async function signIn(port: number, index: number, account: TestAccount): Promise<Supplier> {
  const agent = new Agent({ keepAlive: true });
  const reply = await send(port, agent, 'POST', '/api/v1/auth/login', {}, { email: account.email, password: TEST_PASSWORD });
  if (reply.status !== 200) throw new Error(`Sign-in of ${account.email}: ${reply.status} ${JSON.stringify(reply.body)}`);
  const cookies = reply.setCookie.map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('XSRF-TOKEN='))?.slice('XSRF-TOKEN='.length);
  if (!csrf || !cookies.some((c) => c.startsWith('eslabon_session='))) throw new Error(`Sign-in of ${account.email} set no session`);
  return { index, account, agent, cookie: cookies.join('; '), csrf: decodeURIComponent(csrf) };
}
