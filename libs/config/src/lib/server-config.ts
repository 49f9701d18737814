/**
 * Server configuration, parsed once from the environment at start-up.
 * Nothing else in the server reads `process.env`: entry points call these
 * functions and pass the typed result on. Every problem is collected so that a
 * misconfigured deployment learns all it must fix in one run.
 */

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface DatabaseConfig {
  databaseUrl: string;
}

export interface ServerConfig extends DatabaseConfig {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  redisUrl: string;
  /** Key prefix for every BullMQ queue, so several deployments (or test files) can share one Redis. */
  queuePrefix: string;
  logLevel: LogLevel;
  /** Largest accepted request body, in bytes. */
  bodyLimitBytes: number;
  /** Built Angular app to serve; undefined serves the API only. */
  frontendDist: string | undefined;
  /** How often the worker proves it is alive through the queue. */
  heartbeatIntervalMs: number;
  trustProxy: boolean;
  /** Where uploaded documents live on local disk, when no S3 storage is configured. */
  storageDir: string;
  /** S3-compatible storage: https://KEY:SECRET@host[:port]/bucket?region=…; documents go there instead of storageDir. */
  s3Url: string | undefined;
  uploadMaxBytes: number;
  /**
   * Master key that wraps each tender's data key for sealed bids (32 random bytes, base64). Kept out of
   * the database on purpose: a copy of the database alone cannot open a bid.
   */
  bidMasterKey: string;
  /** Outgoing mail server (smtp:// or smtps://, credentials in the URL). */
  smtpUrl: string;
  /** Sender of every e-mail, as an address or `Name <address>`. */
  mailFrom: string;
  /** Base URL of the web app as users reach it, without a trailing slash; links in e-mails start with it. */
  publicUrl: string;
  /**
   * OCDS publication: the ocid prefix registered with the Open Contracting Partnership (`ocds-` and six
   * characters) and the publisher's name. Each deployment registers its own prefix.
   */
  ocdsPrefix: string;
  ocdsPublisher: string;
  /** Meilisearch server for large deployments; unset, search runs on PostgreSQL full-text search. */
  meiliUrl: string | undefined;
  meiliApiKey: string | undefined;
}

export interface ConfigProblem {
  variable: string;
  message: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(`Invalid configuration: ${problems.map((p) => `${p.variable} ${p.message}`).join('; ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

class Reader {
  readonly problems: ConfigProblem[] = [];

  constructor(private readonly env: Env) {}

  private raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === '' ? undefined : value;
  }

  private fail(variable: string, message: string): undefined {
    this.problems.push({ variable, message });
    return undefined;
  }

  url(name: string, protocols: readonly string[], required = true): string | undefined {
    const value = this.raw(name);
    const expected = `must be a ${protocols.map((p) => `${p}//`).join(' or ')} URL`;
    if (value === undefined) return required ? this.fail(name, `is required (${expected.replace('must be ', '')})`) : undefined;
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      return this.fail(name, `${expected}, it could not be parsed`);
    }
    if (!protocols.includes(parsed.protocol)) return this.fail(name, `${expected}, got "${parsed.protocol}//"`);
    if (!parsed.hostname) return this.fail(name, `${expected} with a host name`);
    return value;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) {
      this.fail(name, `must be a whole number from ${min} to ${max}, got "${value}"`);
      return fallback;
    }
    return n;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      this.fail(name, `must be one of ${allowed.join(', ')}, got "${value}"`);
      return fallback;
    }
    return value as T;
  }

  size(name: string, fallback: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const match = /^(\d+)\s*(b|kb|mb)?$/i.exec(value);
    if (!match) {
      this.fail(name, `must be a size such as 512kb or 2mb, got "${value}"`);
      return fallback;
    }
    const unit = (match[2] ?? 'b').toLowerCase();
    return Number(match[1]) * (unit === 'mb' ? 1024 * 1024 : unit === 'kb' ? 1024 : 1);
  }

  text(name: string, fallback: string, pattern: RegExp, hint: string): string {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!pattern.test(value)) {
      this.fail(name, `${hint}, got "${value}"`);
      return fallback;
    }
    return value;
  }

  /** An http(s) base URL to append paths to: no query or fragment, trailing slashes removed. */
  baseUrl(name: string, fallback: string): string {
    const value = this.url(name, HTTP, false);
    if (value === undefined) return fallback;
    const parsed = new URL(value);
    if (parsed.search || parsed.hash) {
      this.fail(name, `must be a base URL without ? or #, got "${value}"`);
      return fallback;
    }
    return value.replace(/\/+$/, '');
  }

  /** A value that must be present and match; never echoed, as it may be a secret. */
  required(name: string, pattern: RegExp, hint: string): string {
    const value = this.raw(name);
    if (value === undefined) this.fail(name, 'is required');
    else if (!pattern.test(value)) this.fail(name, hint);
    return value ?? '';
  }

  optional(name: string): string | undefined {
    return this.raw(name);
  }

  done<T>(value: T): T {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
    return value;
  }
}

const POSTGRES = ['postgres:', 'postgresql:'] as const;
/** 32 bytes in base64: 43 characters and one `=`. */
const BASE64_KEY = /^[A-Za-z0-9+/]{43}=$/;
const BID_KEY_HINT = 'must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`)';
const REDIS = ['redis:', 'rediss:'] as const;
const SMTP = ['smtp:', 'smtps:'] as const;
const HTTP = ['http:', 'https:'] as const;
/** `address` or `Display Name <address>`. */
const MAIL_FROM = /^(?:[^<>]+<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;

/** What a migration run needs: only the database. */
export function parseDatabaseConfig(env: Env): DatabaseConfig {
  const read = new Reader(env);
  const databaseUrl = read.url('DATABASE_URL', POSTGRES);
  return read.done({ databaseUrl: databaseUrl as string });
}

export interface SearchConfig extends DatabaseConfig {
  meiliUrl: string | undefined;
  meiliApiKey: string | undefined;
}

/** What the reindex command needs: the database to read and, for Meilisearch, where it is. */
export function parseSearchConfig(env: Env): SearchConfig {
  const read = new Reader(env);
  return read.done({ databaseUrl: read.url('DATABASE_URL', POSTGRES) as string, ...readSearch(read) });
}

function readSearch(read: Reader): Omit<SearchConfig, 'databaseUrl'> {
  return { meiliUrl: read.url('MEILI_URL', HTTP, false), meiliApiKey: read.optional('MEILI_API_KEY') };
}

/** What the open-data command needs: the database and how OCDS packages name their publisher. */
export interface OpenDataConfig extends DatabaseConfig {
  publicUrl: string;
  ocdsPrefix: string;
  ocdsPublisher: string;
}

export function parseOpenDataConfig(env: Env): OpenDataConfig {
  const read = new Reader(env);
  return read.done({ databaseUrl: read.url('DATABASE_URL', POSTGRES) as string, ...readPublication(read, 3000) });
}

function readPublication(read: Reader, port: number): Omit<OpenDataConfig, 'databaseUrl'> {
  return {
    publicUrl: read.baseUrl('PUBLIC_URL', `http://localhost:${port}`),
    ocdsPrefix: read.text('OCDS_OCID_PREFIX', 'ocds-eslabn', /^ocds-[a-z0-9]{6}$/, 'must be "ocds-" and six lowercase letters or digits'),
    ocdsPublisher: read.text('OCDS_PUBLISHER', 'Eslabón', /^.{1,200}$/, 'must be 1-200 characters'),
  };
}

export interface SeedAccount {
  email: string;
  password: string;
}

export interface SeedConfig extends DatabaseConfig {
  admin: SeedAccount;
  officer?: SeedAccount;
  /** SEED_DEMO=true adds demo suppliers and buyers (local use only). */
  demo: boolean;
  /** Where the demo's supporting documents go: the API's own storage settings. */
  storageDir: string;
  s3Url: string | undefined;
  /** With it the demo seals bids on its closed tenders; without, they have none. */
  bidMasterKey: string | undefined;
}

/**
 * What the seed needs: the first platform admin (SEED_ADMIN_EMAIL, SEED_ADMIN_PASSWORD) and,
 * optionally, an oversight officer (SEED_OFFICER_EMAIL, SEED_OFFICER_PASSWORD).
 */
export function parseSeedConfig(env: Env): SeedConfig {
  const read = new Reader(env);
  const account = (prefix: string, required: boolean): SeedAccount | undefined => {
    if (!required && !read.optional(`${prefix}_EMAIL`) && !read.optional(`${prefix}_PASSWORD`)) return undefined;
    return {
      email: read.required(`${prefix}_EMAIL`, /^[^@\s]+@[^@\s]+$/, 'must be an e-mail address'),
      password: read.required(`${prefix}_PASSWORD`, /^.{10,200}$/, 'must have 10 to 200 characters'),
    };
  };
  const config = {
    databaseUrl: read.url('DATABASE_URL', POSTGRES) as string,
    admin: account('SEED_ADMIN', true) as SeedAccount,
    officer: account('SEED_OFFICER', false),
    demo: read.oneOf('SEED_DEMO', ['true', 'false'] as const, 'false') === 'true',
    ...readStorage(read),
    bidMasterKey: read.optional('BID_MASTER_KEY') === undefined ? undefined : read.required('BID_MASTER_KEY', BASE64_KEY, BID_KEY_HINT),
  };
  return read.done(config);
}

function readStorage(read: Reader): { storageDir: string; s3Url: string | undefined } {
  return {
    storageDir: read.text('STORAGE_DIR', '.data/uploads', /^[^\0]+$/, 'must be a directory path'),
    s3Url: read.url('S3_URL', HTTP, false),
  };
}

function readServerConfig(read: Reader, requireUrls: boolean): ServerConfig {
  const port = read.integer('PORT', 3000, 1, 65535);
  return {
    nodeEnv: read.oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'production'),
    host: read.text('HOST', '0.0.0.0', /^[\w.:-]+$/, 'must be a host name or IP address'),
    port,
    databaseUrl: read.url('DATABASE_URL', POSTGRES, requireUrls) as string,
    redisUrl: read.url('REDIS_URL', REDIS, requireUrls) as string,
    queuePrefix: read.text('QUEUE_PREFIX', 'eslabon', /^[\w:.-]{1,64}$/, 'must be 1-64 letters, digits or : . _ -'),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    bodyLimitBytes: read.size('BODY_LIMIT', 1024 * 1024),
    frontendDist: read.optional('FRONTEND_DIST'),
    heartbeatIntervalMs: read.integer('WORKER_HEARTBEAT_MS', 15_000, 100, 3_600_000),
    trustProxy: read.oneOf('TRUST_PROXY', ['true', 'false'] as const, 'false') === 'true',
    ...readStorage(read),
    uploadMaxBytes: read.size('UPLOAD_MAX_SIZE', 10 * 1024 * 1024),
    // The launcher makes one when unset; a key that is set must be valid everywhere.
    bidMasterKey: (requireUrls || read.optional('BID_MASTER_KEY') !== undefined
      ? read.required('BID_MASTER_KEY', BASE64_KEY, BID_KEY_HINT)
      : undefined) as string,
    smtpUrl: read.url('SMTP_URL', SMTP, requireUrls) as string,
    mailFrom: read.text(
      'MAIL_FROM',
      'Eslabón <no-reply@eslabon.local>',
      MAIL_FROM,
      'must be an address such as "Eslabón <no-reply@example.org>"',
    ),
    ...readPublication(read, port),
    ...readSearch(read),
  };
}

export function parseServerConfig(env: Env): ServerConfig {
  const read = new Reader(env);
  return read.done(readServerConfig(read, true));
}

type ProvisionedUrls = 'databaseUrl' | 'redisUrl' | 'smtpUrl' | 'bidMasterKey';

/**
 * What the local launcher checks before building anything: every variable that is set must be
 * valid, but DATABASE_URL, REDIS_URL, SMTP_URL and BID_MASTER_KEY may be missing (it then provisions its own).
 */
export function parseLauncherConfig(env: Env): Omit<ServerConfig, ProvisionedUrls> & Partial<Pick<ServerConfig, ProvisionedUrls>> {
  const read = new Reader(env);
  return read.done(readServerConfig(read, false));
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** A URL safe to print: the password is replaced. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
