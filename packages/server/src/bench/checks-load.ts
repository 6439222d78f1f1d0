import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_POSTS } from '@blouse/guard';
import { createSession, SESSION_COOKIE } from '../accounts/sessions.js';
import { openStorage } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { startServerProcess } from './server-process.js';

export interface ChecksLoadSettings {
  readonly seconds: number;
  readonly connections: number;
}

export const DEFAULT_CHECKS_LOAD: ChecksLoadSettings = { seconds: 10, connections: 10 };

export interface ChecksLoadResult {
  readonly seconds: number;
  readonly connections: number;
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly latencyMs: {
    readonly p50: number;
    readonly p90: number;
    readonly p99: number;
    readonly max: number;
  };
  readonly non2xx: number;
  readonly errors: number;
}

/**
 * Requests per second and latency of POST /api/establishments/:id/checks on a real server process
 * (SQLite, one Node process, as `npm start` runs it), loaded by autocannon from this process:
 * signed-in requests carrying the session cookie and CSRF token, cycling through sample posts.
 */
export async function runChecksLoad(
  settings: ChecksLoadSettings = DEFAULT_CHECKS_LOAD,
): Promise<ChecksLoadResult> {
  const { default: autocannon } = await import('autocannon');
  const dir = mkdtempSync(join(tmpdir(), 'blouse-bench-'));
  const url = `sqlite:${join(dir, 'bench.sqlite')}`;
  const storage = openStorage(url);
  const establishmentId = randomUUID();
  const userId = randomUUID();
  let headers: Record<string, string>;
  try {
    await migrateToLatest(storage);
    const now = new Date();
    await storage.db
      .insertInto('establishments')
      .values({
        id: establishmentId,
        group_id: null,
        name: 'Banc d’essai',
        guard_lists: '{}',
        created_at: now.toISOString(),
      })
      .execute();
    await storage.db
      .insertInto('users')
      .values({
        id: userId,
        email: 'bench@blouse.invalid',
        display_name: 'Banc d’essai',
        password_hash: null,
        oidc_issuer: null,
        oidc_subject: null,
        demo: 0,
        disabled: 0,
        created_at: now.toISOString(),
      })
      .execute();
    await storage.db
      .insertInto('memberships')
      .values({
        user_id: userId,
        establishment_id: establishmentId,
        role: 'agent',
        created_at: now.toISOString(),
      })
      .execute();
    const session = await createSession(storage.db, userId, now, 2);
    headers = {
      cookie: `${SESSION_COOKIE}=${session.token}`,
      'x-csrf-token': session.csrfToken,
      'content-type': 'application/json',
    };
  } finally {
    await storage.close();
  }

  const server = await startServerProcess({ DATABASE_URL: url, BLOUSE_DEMO: 'false' });
  try {
    const path = `/api/establishments/${establishmentId}/checks`;
    const requests = SAMPLE_POSTS.map((post) => ({
      method: 'POST' as const,
      path,
      headers,
      body: JSON.stringify({ text: post.text, context: post.context ?? 'public' }),
    }));
    // A short warm-up so that the guard's lexicon is loaded and the code is optimised.
    await autocannon({ url: server.url, connections: 2, duration: 2, requests });
    const result = await autocannon({
      url: server.url,
      connections: settings.connections,
      duration: settings.seconds,
      requests,
    });
    return {
      seconds: result.duration,
      connections: settings.connections,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      latencyMs: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
      },
      non2xx: result.non2xx,
      errors: result.errors,
    };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
