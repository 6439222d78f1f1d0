import { type Config, DEFAULT_CHECK_LIMITS, DEFAULT_TIMEOUTS } from '../config/config.js';
import { openStorage } from '../db/database.js';
import { buildApp } from './app.js';

/** Fixed settings: the document must not depend on the machine that writes it. */
const DOCUMENT_CONFIG: Config = {
  port: 0,
  host: '127.0.0.1',
  databaseUrl: 'sqlite::memory:',
  demo: false,
  publicUrl: 'http://localhost:8080',
  logLevel: 'silent',
  maxFileBytes: 10 * 1024 * 1024,
  sessionHours: 12,
  trustProxyHops: 0,
  timeouts: DEFAULT_TIMEOUTS,
  checkLimits: DEFAULT_CHECK_LIMITS,
};

/**
 * The API's OpenAPI document, as /api/docs shows it: the application is built on an empty
 * in-memory SQLite database (building registers the routes; nothing is queried) and never
 * listens.
 */
export async function buildOpenApiDocument(): Promise<unknown> {
  const storage = openStorage(DOCUMENT_CONFIG.databaseUrl);
  try {
    const app = await buildApp({ storage, config: DOCUMENT_CONFIG, clock: () => new Date(0) });
    try {
      return structuredClone(app.swagger());
    } finally {
      await app.close();
    }
  } finally {
    await storage.close();
  }
}

/** Keys sorted at every level, two-space indent, final newline: the same bytes on every run. */
export function serialiseOpenApi(document: unknown): string {
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, inner]) => [key, sortKeys(inner)]));
}
