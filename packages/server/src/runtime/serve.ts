import { guardPool } from '../checks/check-capacity.js';
import type { Config } from '../config/config.js';
import { openStorage, type Storage } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { type DemoAccount, seedDemo } from '../demo/seed-demo.js';
import { seedDemoReports } from '../demo/seed-demo-reports.js';
import { type App, buildApp } from '../http/app.js';
import { systemClock } from '../http/clock.js';

export interface RunningServer {
  readonly app: App;
  readonly storage: Storage;
  readonly url: string;
  readonly demoAccounts: readonly DemoAccount[];
  stop(): Promise<void>;
}

/** Opens the database, brings its schema up to date, seeds the demo if asked, and listens. */
export async function startServer(config: Config): Promise<RunningServer> {
  const storage = openStorage(config.databaseUrl);
  try {
    await migrateToLatest(storage);
    const demo = config.demo ? await seedDemo(storage, systemClock()) : undefined;
    if (demo?.created === true) {
      const agent = await storage.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'agent@demo.blouse.fr')
        .executeTakeFirstOrThrow();
      await seedDemoReports({ storage, config, clock: systemClock }, demo.establishmentId, agent.id);
    }
    const context = { storage, config, clock: systemClock };
    const app = await buildApp(context, {
      logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    });
    const address = await app.listen({ port: config.port, host: config.host });
    // The guard's worker threads load their lexicon in the background, ready for long texts.
    guardPool(context).prestart();
    const port = new URL(address).port;
    const url =
      config.host === '127.0.0.1' || config.host === '0.0.0.0' ? `http://localhost:${port}` : address;
    return {
      app,
      storage,
      url,
      demoAccounts: demo?.accounts ?? [],
      async stop() {
        await app.close();
        await storage.close();
      },
    };
  } catch (error) {
    await storage.close();
    throw error;
  }
}
