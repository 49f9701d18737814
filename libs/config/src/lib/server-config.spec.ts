import {
  ConfigError,
  parseDatabaseConfig,
  parseLauncherConfig,
  parseSeedConfig,
  parseServerConfig,
  redactUrl,
  withDatabase,
} from './server-config';

const base = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/eslabon',
  REDIS_URL: 'redis://127.0.0.1:6379',
  SMTP_URL: 'smtp://127.0.0.1:1025',
  BID_MASTER_KEY: 'q6FGkBlBD1vVv2lKXh3bBvDdHWpnmbyTLRvP5cHSWLc=',
};

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
      storageDir: '.data/uploads',
      s3Url: undefined,
      uploadMaxBytes: 10 * 1024 * 1024,
      bidMasterKey: base.BID_MASTER_KEY,
      smtpUrl: base.SMTP_URL,
      mailFrom: 'Eslabón <no-reply@eslabon.local>',
      publicUrl: 'http://localhost:3000',
      ocdsPrefix: 'ocds-eslabn',
      ocdsPublisher: 'Eslabón',
      meiliUrl: undefined,
      meiliApiKey: undefined,
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
    [{ SMTP_URL: undefined }, ['SMTP_URL']],
    [{ BID_MASTER_KEY: undefined }, ['BID_MASTER_KEY']],
    [{ BID_MASTER_KEY: 'c2hvcnQ=' }, ['BID_MASTER_KEY']],
    [{ SMTP_URL: 'http://mail.example:25' }, ['SMTP_URL']],
    [{ SMTP_URL: 'smtp://' }, ['SMTP_URL']],
    [{ MAIL_FROM: 'Eslabón' }, ['MAIL_FROM']],
    [{ MAIL_FROM: 'Eslabón <no-reply>' }, ['MAIL_FROM']],
    [{ MAIL_FROM: 'a@b.co, c@d.co' }, ['MAIL_FROM']],
    [{ PUBLIC_URL: 'eslabon.example' }, ['PUBLIC_URL']],
    [{ PUBLIC_URL: 'ftp://eslabon.example' }, ['PUBLIC_URL']],
    [{ PUBLIC_URL: 'https://eslabon.example/?x=1' }, ['PUBLIC_URL']],
    [{ PUBLIC_URL: 'https://eslabon.example/#top' }, ['PUBLIC_URL']],
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

  it.each([
    [{ SMTP_URL: 'smtps://user:secret@mail.example:465' }, 'smtpUrl', 'smtps://user:secret@mail.example:465'],
    [{ MAIL_FROM: 'avisos@eslabon.gov.co' }, 'mailFrom', 'avisos@eslabon.gov.co'],
    [{ MAIL_FROM: 'Eslabón Avisos <avisos@eslabon.gov.co>' }, 'mailFrom', 'Eslabón Avisos <avisos@eslabon.gov.co>'],
    [{ PORT: '8080' }, 'publicUrl', 'http://localhost:8080'],
    [{ PUBLIC_URL: 'https://eslabon.example/' }, 'publicUrl', 'https://eslabon.example'],
    [{ PUBLIC_URL: 'https://example.org/eslabon//' }, 'publicUrl', 'https://example.org/eslabon'],
    [{ PUBLIC_URL: 'http://127.0.0.1:4200', PORT: '8080' }, 'publicUrl', 'http://127.0.0.1:4200'],
  ] as const)('reads %j as %s = %s', (override, key, expected) => {
    expect(parseServerConfig({ ...base, ...override })[key]).toBe(expected);
  });

  it('puts every problem on one line naming the variables', () => {
    expect(() => parseServerConfig({ DATABASE_URL: 'nope' })).toThrow(
      /^Invalid configuration: DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL, it could not be parsed; REDIS_URL is required.*; SMTP_URL is required/,
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
    [{ SMTP_URL: 'mail.example:25' }, ['SMTP_URL']],
    [{ PUBLIC_URL: 'not a url' }, ['PUBLIC_URL']],
    [{ BID_MASTER_KEY: 'not-a-key' }, ['BID_MASTER_KEY']],
    [{ PORT: 'abc', LOG_LEVEL: 'loud' }, ['PORT', 'LOG_LEVEL']],
  ])('%j → %j', (env, variables) => {
    expect(problemsOf(() => parseLauncherConfig(env))).toEqual(variables);
  });

  it('leaves unset URLs undefined', () => {
    const config = parseLauncherConfig({ PORT: '8080' });
    expect([config.port, config.databaseUrl, config.redisUrl, config.smtpUrl]).toEqual([8080, undefined, undefined, undefined]);
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

describe('parseSeedConfig', () => {
  const seed = { DATABASE_URL: base.DATABASE_URL, SEED_ADMIN_EMAIL: 'admin@eslabon.local', SEED_ADMIN_PASSWORD: 'una-clave-larga' };

  it('reads the admin and, when given, the officer', () => {
    expect(parseSeedConfig(seed)).toEqual({
      databaseUrl: base.DATABASE_URL,
      admin: { email: 'admin@eslabon.local', password: 'una-clave-larga' },
      officer: undefined,
      demo: false,
      storageDir: '.data/uploads',
      s3Url: undefined,
    });
    expect(parseSeedConfig({ ...seed, STORAGE_DIR: '/srv/eslabon' }).storageDir).toBe('/srv/eslabon');
    expect(parseSeedConfig({ ...seed, SEED_DEMO: 'true' }).demo).toBe(true);
    expect(parseSeedConfig({ ...seed, SEED_OFFICER_EMAIL: 'o@x.co', SEED_OFFICER_PASSWORD: 'otra-clave-larga' }).officer).toEqual({
      email: 'o@x.co',
      password: 'otra-clave-larga',
    });
  });

  it.each([
    [{ SEED_ADMIN_EMAIL: undefined }, ['SEED_ADMIN_EMAIL']],
    [{ SEED_ADMIN_PASSWORD: 'corta' }, ['SEED_ADMIN_PASSWORD']],
    [{ SEED_OFFICER_EMAIL: 'o@x.co' }, ['SEED_OFFICER_PASSWORD']],
  ])('rejects %j naming %j', (override, variables) => {
    expect(problemsOf(() => parseSeedConfig({ ...seed, ...override }))).toEqual(variables);
  });

  it('never repeats a password in its message', () => {
    expect(() => parseSeedConfig({ ...seed, SEED_ADMIN_PASSWORD: 'secreto' })).toThrow(/^(?!.*secreto)/);
  });
});
