import {
  scheduleMonthlyReports,
  sendMonthlyReportsThroughJobs,
} from '../analytics/monthly/monthly-report-jobs.js';
import { wholeDashboard } from '../analytics/monthly/monthly-report-scope.js';
import { refreshThroughJobs, scheduleRefresh } from '../analytics/refresh-jobs.js';
import { guardPool } from '../checks/check-capacity.js';
import type { Config } from '../config/config.js';
import { openStorage, type Storage } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { DEMO_DIRECTOR_EMAIL, type DemoAccount, seedDemo } from '../demo/seed-demo.js';
import { seedDemoAnalytics } from '../demo/seed-demo-analytics.js';
import { seedDemoListening } from '../demo/seed-demo-listening.js';
import { seedDemoPublishing } from '../demo/seed-demo-publishing.js';
import { seedDemoReports } from '../demo/seed-demo-reports.js';
import { seedDemoTraining } from '../demo/seed-demo-training.js';
import { type App, buildApp } from '../http/app.js';
import { systemClock } from '../http/clock.js';
import { alertOnMentions, tickVolume } from '../listening/alerts/alert-on-mentions.js';
import { deliverAlertsThroughJobs } from '../listening/alerts/delivery-jobs.js';
import { ListeningService } from '../listening/listening-service.js';
import { type OpenedJobs, openJobs } from '../platform/jobs/open-jobs.js';
import { CONNECTOR_REGISTRY } from '../publishing/connectors/registry.js';
import { collectMetricsThroughJobs } from '../publishing/schedule/metrics-jobs.js';
import { publishThroughJobs } from '../publishing/schedule/publish-jobs.js';
import { remindThroughJobs, scheduleReminders } from '../training/reminder-jobs.js';

export interface RunningServer {
  readonly app: App;
  readonly storage: Storage;
  /**
   * Background jobs, started: in-process on SQLite, pg-boss on PostgreSQL. Modules register their
   * handlers with work() (allowed after start) and queue jobs with send().
   */
  readonly jobs: OpenedJobs;
  readonly url: string;
  readonly demoAccounts: readonly DemoAccount[];
  /** Reads the enabled listening sources while the server runs. */
  readonly listening: ListeningService;
  stop(): Promise<void>;
}

/** Opens the database, brings its schema up to date, seeds the demo if asked, and listens. */
export async function startServer(config: Config): Promise<RunningServer> {
  const storage = openStorage(config.databaseUrl);
  const jobs = openJobs(storage);
  try {
    await migrateToLatest(storage);
    const context = { storage, config, clock: systemClock };
    // Queues get their handlers before the engine starts: jobs stored by an earlier run resume.
    await deliverAlertsThroughJobs(context, jobs);
    await publishThroughJobs(context, jobs, CONNECTOR_REGISTRY);
    await collectMetricsThroughJobs(context, jobs, CONNECTOR_REGISTRY);
    // The dashboards' read models, every five minutes (analytics/refresh-jobs.ts).
    await refreshThroughJobs(context, jobs);
    await remindThroughJobs(context, jobs);
    await sendMonthlyReportsThroughJobs(context, jobs, wholeDashboard(context));
    await jobs.start();
    await scheduleRefresh(context, jobs);
    // The privacy reminders' daily sweep: one now, each queueing the next (training/reminder-jobs.ts).
    await scheduleReminders(context, jobs);
    const demo = config.demo ? await seedDemo(storage, systemClock()) : undefined;
    if (demo?.created === true) {
      const agent = await storage.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'agent@demo.blouse.fr')
        .executeTakeFirstOrThrow();
      await seedDemoReports({ storage, config, clock: systemClock }, demo.establishmentId, agent.id);
      await seedDemoListening({ storage, config, clock: systemClock }, demo.establishmentId);
      const [cm, communication] = await Promise.all(
        ['cm@demo.blouse.fr', 'communication@demo.blouse.fr'].map((email) =>
          storage.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow(),
        ),
      );
      await seedDemoPublishing({ storage, config, clock: systemClock }, demo.establishmentId, {
        communityManagerId: (cm as { id: string }).id,
        communicationId: (communication as { id: string }).id,
      });
      await seedDemoTraining({ storage, config, clock: systemClock }, demo.establishmentId);
    }
    // The dashboards' group, director and history; idempotent, so older demo databases get them too.
    if (demo !== undefined) await seedDemoAnalytics(context, demo.establishmentId, DEMO_DIRECTOR_EMAIL);
    // After the demo's seed: a first start archives last month's report from the seeded figures.
    await scheduleMonthlyReports(context, jobs);
    const app = await buildApp(context, {
      logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    });
    const address = await app.listen({ port: config.port, host: config.host });
    // The guard's worker threads load their lexicon in the background, ready for long texts.
    guardPool(context).prestart();
    // Listening reads its sources in this process (one hospital, one machine). A deployment with
    // several processes runs it in one of them only: each would otherwise read every source.
    const listening = new ListeningService({
      listeners: [alertOnMentions],
      // Closes the volume alerts' hourly buckets and releases alerts held by quiet hours.
      ticks: [{ everyMs: 60_000, run: (tickContext) => tickVolume(tickContext) }],
      log: (message, error) => app.log.error({ err: error }, message),
    });
    listening.start(context);
    const port = new URL(address).port;
    const url =
      config.host === '127.0.0.1' || config.host === '0.0.0.0' ? `http://localhost:${port}` : address;
    return {
      app,
      storage,
      jobs,
      url,
      demoAccounts: demo?.accounts ?? [],
      listening,
      async stop() {
        await listening.stop();
        await app.close();
        // Running jobs finish (or their leases lapse and they run after the restart).
        await jobs.stop();
        await storage.close();
      },
    };
  } catch (error) {
    await jobs.stop();
    await storage.close();
    throw error;
  }
}
