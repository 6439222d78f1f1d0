import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import type { IncomingPost } from '../incoming-post.js';
import { defineSource, type SourceRegistry } from './registry.js';
import type { PollingSource, Source } from './source.js';

/**
 * Sources for tests of the runner and the service, reading an in-memory list of posts that the
 * test grows: a polling one (pages of `page` posts after a numeric cursor) and a streaming one
 * (delivers what is there in pages, then whatever is added, until stopped).
 */
export class PostShelf {
  readonly posts: IncomingPost[] = [];
  /** Errors the next reads throw, in order. */
  readonly failures: unknown[] = [];
  #waiters: (() => void)[] = [];

  add(...posts: IncomingPost[]): void {
    this.posts.push(...posts);
    for (const wake of this.#waiters.splice(0)) wake();
  }

  changed(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      this.#waiters.push(resolve);
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
  }
}

const shelfSettings = z.object({ shelf: z.string().min(1), page: z.number().int().min(1).default(3) });

export function shelfRegistry(shelves: ReadonlyMap<string, PostShelf>): SourceRegistry {
  const shelfOf = (name: string): PostShelf => {
    const shelf = shelves.get(name);
    if (shelf === undefined) throw new Error(`no shelf ${name}`);
    return shelf;
  };
  return {
    rss: defineSource({
      settingsSchema: shelfSettings,
      create: (settings): PollingSource => ({
        kind: 'rss',
        async poll(cursor) {
          const shelf = shelfOf(settings.shelf);
          const failure = shelf.failures.shift();
          if (failure !== undefined) throw failure;
          const from = cursor === null ? 0 : Number(cursor);
          const posts = shelf.posts.slice(from, from + settings.page);
          return { posts, cursor: String(from + posts.length) };
        },
      }),
    }),
    bluesky: defineSource({
      settingsSchema: shelfSettings.extend({ token: z.string().min(1).optional() }),
      secretSettings: ['token'],
      create: (settings): Source => ({
        kind: 'bluesky',
        async run(cursor, sink, signal) {
          const shelf = shelfOf(settings.shelf);
          let at = cursor === null ? 0 : Number(cursor);
          while (!signal.aborted) {
            const failure = shelf.failures.shift();
            if (failure !== undefined) throw failure;
            if (at < shelf.posts.length) {
              const posts = shelf.posts.slice(at, at + settings.page);
              at += posts.length;
              await sink.deliver(posts, String(at));
            } else {
              await shelf.changed(signal);
            }
          }
        },
      }),
    }),
  };
}

/** A source row written straight to the database. */
export async function addTestSource(
  db: Kysely<Database>,
  fields: { kind: 'rss' | 'bluesky'; shelf: string; establishmentId?: string | null; page?: number },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('listening_sources')
    .values({
      id,
      establishment_id: fields.establishmentId ?? null,
      kind: fields.kind,
      name: `Étagère ${fields.shelf}`,
      settings: JSON.stringify({ shelf: fields.shelf, page: fields.page ?? 3 }),
      enabled: 1,
      cursor: null,
      failures: 0,
      last_error: null,
      next_attempt_at: null,
      last_read_at: null,
      created_at: '2026-11-02T08:00:00.000Z',
    })
    .execute();
  return id;
}

/** Waits for a condition, checking every 20 ms, for at most `limitMs` (generous: the machine is shared). */
export async function eventually(check: () => Promise<boolean>, limitMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > limitMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
