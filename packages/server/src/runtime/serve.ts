import { guardPool } from '../checks/check-capacity.js';
import type { Config } from '../config/config.js';
import { openStorage, type Storage } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { type DemoAccount, seedDemo } from '../demo/seed-demo.js';
import { seedDemoListening } from '../demo/seed-demo-listening.js';
import { seedDemoReports } from '../demo/seed-demo-reports.js';
import { type App, buildApp } from '../http/app.js';
import { systemClock } from '../http/clock.js';
import { ListeningService } from '../listening/listening-service.js';

export interface RunningServer {
  readonly app: App;
  readonly storage: Storage;
  readonly url: string;
  readonly demoAccounts: readonly DemoAccount[];
  /** Reads the enabled listening sources while the server runs. */
  readonly listening: ListeningService;
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
      await seedDemoListening({ storage, config, clock: systemClock }, demo.establishmentId);
    }
    const context = { storage, config, clock: systemClock };
    const app = await buildApp(context, {
      logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    });
    const address = await app.listen({ port: config.port, host: config.host });
    // The guard's worker threads load their lexicon in the background, ready for long texts.
    guardPool(context).prestart();
    // Listening reads its sources in this process (one hospital, one machine). A deployment with
    // several processes runs it in one of them only: each would otherwise read every source.
    const listening = new ListeningService({
      log: (message, error) => app.log.error({ err: error }, message),
    });
    listening.start(context);
    const port = new URL(address).port;
    const url =
      config.host === '127.0.0.1' || config.host === '0.0.0.0' ? `http://localhost:${port}` : address;
    return {
      app,
      storage,
      url,
      demoAccounts: demo?.accounts ?? [],
      listening,
      async stop() {
        await listening.stop();
        await app.close();
        await storage.close();
      },
    };
  } catch (error) {
    await storage.close();
    throw error;
  }
}
