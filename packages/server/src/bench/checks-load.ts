import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_POSTS } from '@blouse/guard';
import type autocannonType from 'autocannon';
import { openStorage } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { longText } from './long-text.js';
import { type SeededMember, seedSignedInMember } from './seed-member.js';
import { startServerProcess } from './server-process.js';

export interface ChecksLoadSettings {
  readonly seconds: number;
  readonly connections: number;
}

export const DEFAULT_CHECKS_LOAD: ChecksLoadSettings = { seconds: 10, connections: 10 };

/** Long texts: about the largest a check accepts (20,000). */
export const LONG_CHECK_CHARACTERS = 19_500;
const LONG_CONNECTIONS = 4;
const SHORT_CONNECTIONS = 2;

export interface LoadFigures {
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

/** Long checks and short checks sent at the same time, by different people. */
export interface MixedLoad {
  readonly long: LoadFigures;
  readonly short: LoadFigures;
}

export interface LongChecksResult {
  readonly characters: number;
  readonly longConnections: number;
  readonly shortConnections: number;
  /** Every text analysed on the event loop, as before the worker pool. */
  readonly inEventLoop: MixedLoad;
  /** Long texts analysed in the worker threads (the default). */
  readonly inWorkers: MixedLoad;
}

export interface ChecksLoadResult extends LoadFigures {
  readonly seconds: number;
  readonly connections: number;
  readonly longChecks: LongChecksResult;
}

type Autocannon = typeof autocannonType;
type Request = NonNullable<autocannonType.Options['requests']>[number];

/**
 * Requests per second and latency of POST /api/establishments/:id/checks on a real server process
 * (SQLite, one Node process, as `npm start` runs it), loaded by autocannon from this process.
 * Each connection is a different signed-in member (one person has at most 2 checks in flight);
 * the per-minute budgets are lifted, since the benchmark measures the server, not the limiter.
 *
 * Then long checks (about 20,000 characters) and short ones at the same time: once with every
 * text analysed on the event loop, once with long ones in the worker threads. The short checks'
 * latency shows whether one person's long texts hold everybody else up.
 */
export async function runChecksLoad(
  settings: ChecksLoadSettings = DEFAULT_CHECKS_LOAD,
): Promise<ChecksLoadResult> {
  const { default: autocannon } = await import('autocannon');
  const dir = mkdtempSync(join(tmpdir(), 'blouse-bench-'));
  const url = `sqlite:${join(dir, 'bench.sqlite')}`;
  try {
    const members = await seedMembers(url, settings.connections + LONG_CONNECTIONS + SHORT_CONNECTIONS);
    const env = {
      DATABASE_URL: url,
      BLOUSE_DEMO: 'false',
      BLOUSE_CHECKS_PER_MINUTE: '1000000',
      BLOUSE_PREVIEWS_PER_MINUTE: '1000000',
    };
    const shortBodies = SAMPLE_POSTS.map((post) => ({ text: post.text, context: post.context ?? 'public' }));
    const longBodies = Array.from({ length: 5 }, (_, i) => ({
      text: longText(LONG_CHECK_CHARACTERS, i * 7),
      context: 'staff',
    }));

    const load = async (): Promise<LoadFigures> => {
      const server = await startServerProcess(env);
      try {
        const cannon = shoot(autocannon, server.url);
        // A short warm-up so that the guard's lexicon is loaded and the code is optimised, and the
        // worker threads (which load theirs at start) are ready and no longer take a core.
        await cannon(members.slice(0, 2), shortBodies, 2);
        await cannon(members.slice(2, 4), longBodies, { amount: 4 });
        return await cannon(members.slice(0, settings.connections), shortBodies, settings.seconds);
      } finally {
        await server.stop();
      }
    };
    const mixed = async (extraEnv: Record<string, string>): Promise<MixedLoad> => {
      const server = await startServerProcess({ ...env, ...extraEnv });
      try {
        const cannon = shoot(autocannon, server.url);
        // Until every worker has loaded its lexicon and analysed a few long texts.
        await Promise.all([
          cannon(members.slice(0, 2), shortBodies, 2),
          cannon(members.slice(2, 4), longBodies, { amount: 8 }),
        ]);
        const longMembers = members.slice(settings.connections, settings.connections + LONG_CONNECTIONS);
        const shortMembers = members.slice(settings.connections + LONG_CONNECTIONS);
        const [long, short] = await Promise.all([
          cannon(longMembers, longBodies, settings.seconds),
          cannon(shortMembers, shortBodies, settings.seconds),
        ]);
        return { long, short };
      } finally {
        await server.stop();
      }
    };

    const figures = await load();
    const inEventLoop = await mixed({ BLOUSE_GUARD_WORKER_FROM_CHARS: '1000000' });
    const inWorkers = await mixed({});
    return {
      seconds: settings.seconds,
      connections: settings.connections,
      ...figures,
      longChecks: {
        characters: LONG_CHECK_CHARACTERS,
        longConnections: LONG_CONNECTIONS,
        shortConnections: SHORT_CONNECTIONS,
        inEventLoop,
        inWorkers,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function seedMembers(url: string, count: number): Promise<SeededMember[]> {
  const storage = openStorage(url);
  try {
    await migrateToLatest(storage);
    const members: SeededMember[] = [];
    for (let i = 0; i < count; i++)
      members.push(
        await seedSignedInMember(storage, {
          establishmentName: `Banc d’essai ${i + 1}`,
          email: `bench-${i + 1}@blouse.invalid`,
          role: 'agent',
        }),
      );
    return members;
  } finally {
    await storage.close();
  }
}

/** One autocannon run: a connection per member, each connection always as its member. */
function shoot(autocannon: Autocannon, url: string) {
  return async (
    members: readonly SeededMember[],
    bodies: readonly { text: string; context: string }[],
    length: number | { readonly amount: number },
  ): Promise<LoadFigures> => {
    let next = 0;
    const requests: Request[] = bodies.map((body) => ({
      method: 'POST',
      body: JSON.stringify(body),
      setupRequest: (request: Request, context: { member?: SeededMember }) => {
        context.member ??= members[next++ % members.length] as SeededMember;
        return {
          ...request,
          path: `/api/establishments/${context.member.establishmentId}/checks`,
          headers: { ...context.member.headers, 'content-type': 'application/json' },
        };
      },
    }));
    const result = await autocannon({
      url,
      connections: members.length,
      ...(typeof length === 'number' ? { duration: length } : length),
      requests,
      // Long texts on a busy machine: a slow answer is a figure, not a connection error.
      timeout: 60,
    });
    return {
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
  };
}
