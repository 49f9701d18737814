import { ConfigError, parseDatabaseConfig, parseLauncherConfig, parseServerConfig, redactUrl, withDatabase } from './server-config';

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/eslabon', REDIS_URL: 'redis://127.0.0.1:6379' };

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.map((p) => p.variable);
    throw e;
  }
  return [];
}

describe('parseServerConfig', () => {
  it('applies defaults when only the required URLs are set', () => {
    expect(parseServerConfig(base)).toEqual({
      nodeEnv: 'production',
      host: '0.0.0.0',
      port: 3000,
      databaseUrl: base.DATABASE_URL,
      redisUrl: base.REDIS_URL,
      queuePrefix: 'eslabon',
      logLevel: 'info',
      bodyLimitBytes: 1024 * 1024,
      frontendDist: undefined,
      heartbeatIntervalMs: 15000,
      trustProxy: false,
    });
  });

  it.each([
    [{ DATABASE_URL: undefined }, ['DATABASE_URL']],
    [{ DATABASE_URL: 'not a url' }, ['DATABASE_URL']],
    [{ DATABASE_URL: 'mysql://localhost/db' }, ['DATABASE_URL']],
    [{ DATABASE_URL: '   ' }, ['DATABASE_URL']],
    [{ REDIS_URL: 'http://localhost:6379' }, ['REDIS_URL']],
    [{ PORT: '0' }, ['PORT']],
    [{ PORT: '3000abc' }, ['PORT']],
    [{ PORT: '65536' }, ['PORT']],
    [{ LOG_LEVEL: 'verbose' }, ['LOG_LEVEL']],
    [{ BODY_LIMIT: 'lots' }, ['BODY_LIMIT']],
    [{ NODE_ENV: 'staging', TRUST_PROXY: 'yes' }, ['NODE_ENV', 'TRUST_PROXY']],
    [{ DATABASE_URL: undefined, REDIS_URL: undefined }, ['DATABASE_URL', 'REDIS_URL']],
  ])('rejects %j naming %j', (override, variables) => {
    expect(problemsOf(() => parseServerConfig({ ...base, ...override }))).toEqual(variables);
  });

  it.each([
    ['512kb', 512 * 1024],
    ['2mb', 2 * 1024 * 1024],
    ['100', 100],
    ['3MB', 3 * 1024 * 1024],
  ])('reads BODY_LIMIT=%s as %d bytes', (value, bytes) => {
    expect(parseServerConfig({ ...base, BODY_LIMIT: value }).bodyLimitBytes).toBe(bytes);
  });

  it('puts every problem on one line naming the variables', () => {
    expect(() => parseServerConfig({ DATABASE_URL: 'nope' })).toThrow(
      /^Invalid configuration: DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL, it could not be parsed; REDIS_URL is required/,
    );
  });
});

describe('parseDatabaseConfig', () => {
  it('needs only DATABASE_URL', () => {
    expect(parseDatabaseConfig({ DATABASE_URL: 'postgresql://db.example/x' })).toEqual({
      databaseUrl: 'postgresql://db.example/x',
    });
  });
});

describe('parseLauncherConfig', () => {
  it.each([
    [{}, []],
    [{ DATABASE_URL: '' }, []],
    [{ DATABASE_URL: base.DATABASE_URL }, []],
    [{ DATABASE_URL: 'postgres//oops' }, ['DATABASE_URL']],
    [{ REDIS_URL: 'localhost:6379' }, ['REDIS_URL']],
    [{ PORT: 'abc', LOG_LEVEL: 'loud' }, ['PORT', 'LOG_LEVEL']],
  ])('%j → %j', (env, variables) => {
    expect(problemsOf(() => parseLauncherConfig(env))).toEqual(variables);
  });

  it('leaves unset URLs undefined', () => {
    const config = parseLauncherConfig({ PORT: '8080' });
    expect([config.port, config.databaseUrl, config.redisUrl]).toEqual([8080, undefined, undefined]);
  });
});

describe('withDatabase', () => {
  it.each([
    ['postgres://u:p@h:5432/postgres', 'eslabon_e2e', 'postgres://u:p@h:5432/eslabon_e2e'],
    ['postgresql://h/db?sslmode=require', 'other', 'postgresql://h/other?sslmode=require'],
  ])('%s + %s', (url, database, expected) => {
    expect(withDatabase(url, database)).toBe(expected);
  });
});

describe('redactUrl', () => {
  it.each([
    ['postgres://u:secret@h:5432/d', 'postgres://u:***@h:5432/d'],
    ['redis://127.0.0.1:6379', 'redis://127.0.0.1:6379'],
    ['::', '(unparseable URL)'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
