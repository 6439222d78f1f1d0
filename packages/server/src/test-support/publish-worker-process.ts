/**
 * A publishing worker for the crash test (publishing/schedule/schedule.test.ts): opens the
 * database named on its command line and publishes one publication with the real Bluesky
 * connector, but once the PDS has accepted the post it prints « publié » and hangs before the
 * database records it, so that the test can kill it with SIGKILL at the worst moment.
 *
 *   BLOUSE_SECRET_KEY=… node dist/test-support/publish-worker-process.js <database URL> <publication id> [now]
 *
 * `now` (ISO) is the test's clock, which may run ahead of the machine's.
 */
import type { PublishingNetwork } from '@blouse/contract';
import { openStorage } from '../db/database.js';
import { systemClock } from '../http/clock.js';
import { parseSecretKey } from '../platform/secrets/secret-box.js';
import { createBlueskyConnector } from '../publishing/connectors/bluesky/bluesky-connector.js';
import type { Connector } from '../publishing/connectors/connector.js';
import { publishOne } from '../publishing/schedule/publish-one.js';
import { TEST_CONFIG } from './app.js';

const [url, publicationId, now] = process.argv.slice(2);
const key = process.env.BLOUSE_SECRET_KEY;
if (url === undefined || publicationId === undefined || key === undefined) {
  process.stderr.write('usage : BLOUSE_SECRET_KEY=… publish-worker-process <url> <publication>\n');
  process.exit(64);
}
const real = createBlueskyConnector();
const dying: Connector = {
  network: 'bluesky',
  async publish(request) {
    const result = await real.publish(request);
    process.stdout.write(`publié ${result.externalId}\n`);
    // Never returns: the process is killed before the database learns of the post.
    return new Promise(() => {});
  },
};
const storage = openStorage(url);
const context = {
  storage,
  config: { ...TEST_CONFIG, secretKeys: { current: parseSecretKey(key), previous: [] } },
  clock: now === undefined ? systemClock : () => new Date(now),
};
await publishOne(context, publicationId, new Map<PublishingNetwork, Connector>([['bluesky', dying]]));
