import { z } from 'zod';

/** Everything the server reads from its environment, checked once at start. */
export interface Config {
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
  };
}
