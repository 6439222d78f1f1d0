import { z } from 'zod';
import { parseSecretKey, type SecretKeys } from '../platform/secrets/secret-box.js';

/** Everything the server reads from its environment, checked once at start. */
export interface Config {
  /** Keys sealing the networks' tokens at rest; absent, no account can be connected. */
  readonly secretKeys?: SecretKeys | undefined;
  readonly port: number;
  readonly host: string;
  /** `sqlite:PATH` (default `sqlite:./data/blouse.sqlite`) or `postgres://…`. */
  readonly databaseUrl: string;
  /** Demo mode: demo establishment and accounts; on by default with the embedded database. */
  readonly demo: boolean;
  /** The address people use, for links and single sign-on redirects. */
  readonly publicUrl: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Largest screenshot or evidence file accepted, in bytes. */
  readonly maxFileBytes: number;
  readonly sessionHours: number;
  /**
   * Behind a reverse proxy, how many proxies to trust for the client's address (X-Forwarded-For);
   * 0 when the server faces the clients. Login throttling by address depends on it.
   */
  readonly trustProxyHops: number;
  /** Reports filed per 10 minutes: signed ones per person, anonymous ones per client address. */
  readonly filingLimits?: { readonly perUser: number; readonly perAddress: number };
  /**
   * The SMTP server for the desk's e-mails (`smtp://user:pass@host:587`, `smtps://…:465`);
   * unset, no e-mail is sent and the in-app notifications remain.
   */
  readonly smtpUrl?: string | undefined;
  /** The sender of those e-mails (« Blouse <blouse@chu-exemple.fr> »); required with SMTP_URL. */
  readonly mailFrom?: string | undefined;
  /** How long a client may take to send a request, and how long idle connections stay open. */
  readonly timeouts: HttpTimeouts;
  /** What one person may ask of the guard, and how long texts are analysed off the event loop. */
  readonly checkLimits: CheckLimits;
  /**
   * Days a listening mention is kept (then deleted, with its post when no other mention needs
   * it), unless an incident sealed it; unset in a hand-built Config: DEFAULT_MENTION_RETENTION_DAYS.
   */
  readonly mentionRetentionDays?: number;
}

export interface HttpTimeouts {
  /** The whole request, headers and body (a multipart upload included): then 408 and closed. */
  readonly requestMs: number;
  /** The request line and headers alone (slow-headers attacks). */
  readonly headersMs: number;
  /** An idle kept-alive connection between two requests. */
  readonly keepAliveMs: number;
  /** A socket on which nothing moves either way, whatever the request's state. */
  readonly idleMs: number;
}

export interface CheckLimits {
  /** Checks one person may have in progress at once; more are refused with 429. */
  readonly inFlightPerUser: number;
  /** Counted checks (a post about to be published) per person per minute. */
  readonly perMinute: number;
  /** Previews (checks as the person types) per person per minute: typing sends many. */
  readonly previewsPerMinute: number;
  /** From this many characters a text is analysed in a worker thread, not on the event loop. */
  readonly workerFromChars: number;
  /** Worker threads analysing long texts. */
  readonly workers: number;
  /** Long analyses waiting for a worker; beyond, 503. */
  readonly queue: number;
  /** An analysis running longer is stopped (its worker replaced) and answered 503. */
  readonly workerTimeoutMs: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'oui', 'non'])
  .transform((v) => ['true', '1', 'yes', 'oui'].includes(v));

const SCHEMA = z.object({
  // 0 asks the system for a free port (tests, benchmarks).
  BLOUSE_PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  BLOUSE_HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .refine((v) => /^(postgres(ql)?:\/\/|sqlite:).+/.test(v), 'attendu postgres://… ou sqlite:CHEMIN')
    .optional(),
  BLOUSE_DEMO: boolean.optional(),
  BLOUSE_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  BLOUSE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BLOUSE_MAX_FILE_MB: z.coerce.number().positive().max(100).default(10),
  BLOUSE_SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  BLOUSE_TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  BLOUSE_REPORTS_PER_USER: z.coerce.number().int().min(1).max(1_000_000).default(10),
  BLOUSE_REPORTS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(20),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  // An address, alone or after a display name: « blouse@chu.fr » or « Blouse <blouse@chu.fr> ».
  MAIL_FROM: z
    .string()
    .regex(
      /^(?:[^<>\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/,
      'attendu une adresse, ou « Nom <adresse> »',
    )
    .optional(),
  // 60 s: a 10 MB screenshot from a slow hospital network still arrives; a trickled body does not
  // hold a connection for minutes.
  BLOUSE_REQUEST_TIMEOUT_S: z.coerce.number().positive().max(3600).default(60),
  BLOUSE_HEADERS_TIMEOUT_S: z.coerce.number().positive().max(600).default(15),
  BLOUSE_KEEP_ALIVE_S: z.coerce.number().positive().max(600).default(10),
  BLOUSE_IDLE_TIMEOUT_S: z.coerce.number().positive().max(3600).default(60),
  BLOUSE_CHECKS_IN_FLIGHT: z.coerce.number().int().min(1).max(100).default(2),
  BLOUSE_CHECKS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),
  // Generous: the web app sends a preview about every keystroke pause while someone types.
  BLOUSE_PREVIEWS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  BLOUSE_GUARD_WORKER_FROM_CHARS: z.coerce.number().int().min(0).max(1_000_000).default(2_000),
  BLOUSE_GUARD_WORKERS: z.coerce.number().int().min(1).max(64).default(2),
  BLOUSE_GUARD_QUEUE: z.coerce.number().int().min(0).max(10_000).default(32),
  BLOUSE_GUARD_TIMEOUT_S: z.coerce.number().positive().max(600).default(15),
  // Minimal storage: what was said about the hospital is kept three months by default, the
  // press law's prescription; an incident keeps what it needs as sealed evidence.
  /** base64 of 32 bytes: seals the networks' tokens at rest (platform/secrets/secret-box.ts). */
  BLOUSE_SECRET_KEY: z.string().min(1).optional(),
  /** Older keys, comma-separated, still accepted to open values until `blouse secrets rotate`. */
  BLOUSE_SECRET_OLD_KEYS: z.string().optional(),
  BLOUSE_MENTION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
});

/**
 * Reads the configuration; a wrong variable stops the start with a French sentence naming it,
 * rather than a server that half works.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = SCHEMA.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? '?');
    throw new ConfigError(
      `variable d’environnement ${name} invalide (« ${env[name] ?? ''} ») : ${issue?.message ?? ''}`,
    );
  }
  const values = parsed.data;
  if (values.SMTP_URL !== undefined && values.MAIL_FROM === undefined) {
    throw new ConfigError('variable d’environnement MAIL_FROM manquante : elle est requise avec SMTP_URL.');
  }
  const embedded = values.DATABASE_URL === undefined;
  return {
    port: values.BLOUSE_PORT,
    host: values.BLOUSE_HOST,
    databaseUrl: values.DATABASE_URL ?? 'sqlite:./data/blouse.sqlite',
    demo: values.BLOUSE_DEMO ?? embedded,
    publicUrl: (values.BLOUSE_PUBLIC_URL ?? `http://localhost:${values.BLOUSE_PORT}`).replace(/\/$/, ''),
    logLevel: values.BLOUSE_LOG_LEVEL,
    maxFileBytes: Math.round(values.BLOUSE_MAX_FILE_MB * 1024 * 1024),
    sessionHours: values.BLOUSE_SESSION_HOURS,
    trustProxyHops: values.BLOUSE_TRUST_PROXY,
    filingLimits: { perUser: values.BLOUSE_REPORTS_PER_USER, perAddress: values.BLOUSE_REPORTS_PER_ADDRESS },
    smtpUrl: values.SMTP_URL,
    mailFrom: values.MAIL_FROM,
    timeouts: {
      requestMs: seconds(values.BLOUSE_REQUEST_TIMEOUT_S),
      // Node refuses a headers timeout longer than the request timeout.
      headersMs: Math.min(seconds(values.BLOUSE_HEADERS_TIMEOUT_S), seconds(values.BLOUSE_REQUEST_TIMEOUT_S)),
      keepAliveMs: seconds(values.BLOUSE_KEEP_ALIVE_S),
      idleMs: seconds(values.BLOUSE_IDLE_TIMEOUT_S),
    },
    checkLimits: {
      inFlightPerUser: values.BLOUSE_CHECKS_IN_FLIGHT,
      perMinute: values.BLOUSE_CHECKS_PER_MINUTE,
      previewsPerMinute: values.BLOUSE_PREVIEWS_PER_MINUTE,
      workerFromChars: values.BLOUSE_GUARD_WORKER_FROM_CHARS,
      workers: values.BLOUSE_GUARD_WORKERS,
      queue: values.BLOUSE_GUARD_QUEUE,
      workerTimeoutMs: seconds(values.BLOUSE_GUARD_TIMEOUT_S),
    },
    mentionRetentionDays: values.BLOUSE_MENTION_RETENTION_DAYS,
    secretKeys: secretKeysOf(values.BLOUSE_SECRET_KEY, values.BLOUSE_SECRET_OLD_KEYS),
  };
}

/** The keys that seal secrets, or undefined when none is set (connecting an account is then refused). */
function secretKeysOf(current: string | undefined, previous: string | undefined): SecretKeys | undefined {
  if (current === undefined) return undefined;
  try {
    return {
      current: parseSecretKey(current),
      previous: (previous ?? '')
        .split(',')
        .filter((text) => text.trim() !== '')
        .map((text) => parseSecretKey(text, 'BLOUSE_SECRET_OLD_KEYS')),
    };
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
}

const seconds = (value: number): number => Math.max(1, Math.round(value * 1000));

/** The defaults, as `loadConfig({})` gives them (for tests and tools that build a Config by hand). */
export const DEFAULT_TIMEOUTS: HttpTimeouts = {
  requestMs: 60_000,
  headersMs: 15_000,
  keepAliveMs: 10_000,
  idleMs: 60_000,
};
export const DEFAULT_CHECK_LIMITS: CheckLimits = {
  inFlightPerUser: 2,
  perMinute: 60,
  previewsPerMinute: 600,
  workerFromChars: 2_000,
  workers: 2,
  queue: 32,
  workerTimeoutMs: 15_000,
};

export const DEFAULT_MENTION_RETENTION_DAYS = 90;
