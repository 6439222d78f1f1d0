import { z } from 'zod';
import { loadConfig } from '../config/config.js';
import { openStorage } from '../db/database.js';
import { systemClock } from '../http/clock.js';
import type { IncomingPost } from '../listening/incoming-post.js';
import { ListeningService } from '../listening/listening-service.js';
import { defineSource } from '../listening/sources/registry.js';

/**
 * A listening process for crash tests: the real ListeningService, runner and ingestion over the
 * database named by DATABASE_URL, with one kind of source that polls pages of posts as JSON from
 * an address (the test's loopback server: `GET <url>?after=<cursor>` → { posts, cursor }).
 * Killed with SIGKILL at any moment and started again, it must lose and repeat nothing.
 */
const pageSettings = z.object({ url: z.url() });

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const storage = openStorage(config.databaseUrl);
  const service = new ListeningService({
    registry: {
      rss: defineSource({
        settingsSchema: pageSettings,
        create: (settings) => ({
          kind: 'rss',
          async poll(cursor, signal) {
            const url = new URL(settings.url);
            if (cursor !== null) url.searchParams.set('after', cursor);
            const response = await fetch(url, { signal });
            if (!response.ok) throw new Error(`HTTP ${response.status}`);
            return (await response.json()) as { posts: IncomingPost[]; cursor: string | null };
          },
        }),
      }),
    },
    log: (message, error) => console.error(message, error),
  });
  service.start({ storage, config, clock: systemClock });
  console.log('écoute en service');
  process.once('SIGTERM', () => {
    void service.stop().then(() => storage.close());
  });
}

await main();
