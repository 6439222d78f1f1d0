import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_POSTS } from '@blouse/guard';
import { openStorage } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedSignedInMember } from './seed-member.js';
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
  let establishmentId: string;
  let headers: Record<string, string>;
  try {
    await migrateToLatest(storage);
    const member = await seedSignedInMember(storage, {
      establishmentName: 'Banc d’essai',
      email: 'bench@blouse.invalid',
      role: 'agent',
    });
    establishmentId = member.establishmentId;
    headers = { ...member.headers, 'content-type': 'application/json' };
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
