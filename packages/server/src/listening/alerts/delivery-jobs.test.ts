import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedJobs } from '../../platform/jobs/open-jobs.js';
import { createTestApp, type TestApp } from '../../test-support/app.js';
import { JOB_ENGINE_CASES, openTestJobs, waitFor } from '../../test-support/job-engines.js';
import { alertOnMentions } from './alert-on-mentions.js';
import { useDeliveryOptions } from './delivery.js';
import { deliverAlertsThroughJobs } from './delivery-jobs.js';
import { storeMention, storeRoute } from './test-kit.js';
import { startWebhookReceiver } from './test-receivers.js';
import { signWebhook } from './webhook.js';

/** Alert deliveries through the 'listening-alert-delivery' queue, on each jobs engine. */
describe.each(JOB_ENGINE_CASES)('alert delivery through jobs: $name', (engineCase) => {
  let t: TestApp;
  let jobs: OpenedJobs;
  let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;

  beforeAll(async () => {
    hooks = await startWebhookReceiver();
    t = await createTestApp(engineCase.dialect);
    // Retries at once: the engine runs on the real clock, the test's clock stands still.
    useDeliveryOptions(t.context, {
      retryDelaysMs: [0, 0],
      webhook: { allowLoopbackHttp: true, timeoutMs: 10_000 },
    });
    jobs = openTestJobs(engineCase, t.storage);
    await deliverAlertsThroughJobs(t.context, jobs);
    await jobs.start();
  });
  afterAll(async () => {
    await jobs.stop();
    await t.close();
    await hooks.close();
  });

  it('sends an alert as a job, and a failed attempt as the job of its next try', async () => {
    const eid = await t.establishment();
    await storeRoute(t.storage.db, eid, t.clock.now(), {
      tier: 'immediate',
      channel: 'webhook',
      target: hooks.url,
      secret: 'cle',
    });
    hooks.statuses.push(500);
    const mention = await storeMention(t.storage.db, eid, t.clock.now(), { category: 'threat' });
    await alertOnMentions(t.context, [mention]);
    const delivery = () =>
      t.storage.db
        .selectFrom('alert_deliveries')
        .selectAll()
        .where('establishment_id', '=', eid)
        .executeTakeFirstOrThrow();
    await waitFor(
      'the webhook is delivered on its second try',
      async () => (await delivery()).status === 'sent',
    );
    expect(await delivery()).toMatchObject({ status: 'sent', attempts: 2 });
    expect(hooks.received).toHaveLength(2);
    for (const hook of hooks.received) {
      const timestamp = String(hook.headers['x-blouse-timestamp']);
      expect(hook.headers['x-blouse-signature']).toBe(signWebhook('cle', timestamp, hook.body));
    }
  });
});
