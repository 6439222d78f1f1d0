import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { seedDemoReports } from '../demo/seed-demo-reports.js';
import { createTestApp, type SignedIn, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';
import { FILING_LIMITS, userKey } from './filing-throttle.js';
import { multipartBody } from './multipart-body.js';

const FIELDS = { url: 'https://x.com/a/status/1', network: 'x' };

describe.each(DIALECTS)('report filing limits on %s', (dialect) => {
  let t: TestApp;
  let establishment: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    establishment = await t.establishment();
  });
  afterAll(async () => t.close());

  const file = (user: SignedIn, fields: Record<string, string>, address: string) => {
    const body = multipartBody(fields);
    return t.as(user, {
      method: 'POST',
      url: `/api/establishments/${establishment}/reports`,
      payload: body.payload,
      headers: body.headers,
      remoteAddress: address,
    });
  };
  const reports = async () =>
    Number(
      (
        await t.storage.db
          .selectFrom('reports')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses an 11th signed report within 10 minutes (429, Retry-After, French), then lets it through', async () => {
    const agent = await t.user({ [establishment]: 'agent' });
    for (let i = 0; i < FILING_LIMITS.perUser; i += 1) {
      // From a different address each time: the limit follows the person.
      expect((await file(agent, FIELDS, `10.0.1.${i}`)).statusCode).toBe(201);
    }
    const before = await reports();
    const refused = await file(agent, FIELDS, '10.0.1.200');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'trop_de_signalements' });
    expect(refused.json().detail).toMatch(
      /^Trop de signalements envoyés en peu de temps\. Réessayez dans 10 minutes/,
    );
    expect(Number(refused.headers['retry-after'])).toBe(600);
    expect(await reports()).toBe(before);
    // A colleague is not affected.
    const colleague = await t.user({ [establishment]: 'agent' });
    expect((await file(colleague, FIELDS, '10.0.1.200')).statusCode).toBe(201);
    // Once the window has passed, the first agent may file again.
    t.clock.advance(FILING_LIMITS.windowMs);
    expect((await file(agent, FIELDS, '10.0.1.200')).statusCode).toBe(201);
  });

  it('limits anonymous reports per client address (20 in 10 minutes), without counting them against the sender', async () => {
    const agents = await Promise.all([0, 1, 2, 3].map(() => t.user({ [establishment]: 'agent' })));
    const anonymous = { ...FIELDS, anonymous: 'true' };
    for (let i = 0; i < FILING_LIMITS.perAddress; i += 1) {
      const sender = agents[i % agents.length] as SignedIn;
      expect((await file(sender, anonymous, '192.0.2.7')).statusCode).toBe(201);
    }
    // Nothing was counted under any sender's name.
    for (const sender of agents) {
      const row = await t.storage.db
        .selectFrom('filing_throttle')
        .select('key')
        .where('key', '=', userKey(sender.userId).key)
        .executeTakeFirst();
      expect(row).toBeUndefined();
    }
    const refused = await file(agents[0] as SignedIn, anonymous, '192.0.2.7');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    // Another address still files; the same person still files a signed report.
    expect((await file(agents[0] as SignedIn, anonymous, '192.0.2.8')).statusCode).toBe(201);
    expect((await file(agents[0] as SignedIn, FIELDS, '192.0.2.7')).statusCode).toBe(201);
    // No counter holds an address or an id in clear.
    const keys = await t.storage.db.selectFrom('filing_throttle').select('key').execute();
    for (const { key } of keys) {
      expect(key).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('takes its counts from the configuration (BLOUSE_REPORTS_PER_USER, BLOUSE_REPORTS_PER_ADDRESS)', async () => {
    expect(loadConfig({}).filingLimits).toEqual({ perUser: 10, perAddress: 20 });
    expect(
      loadConfig({ BLOUSE_REPORTS_PER_USER: '2', BLOUSE_REPORTS_PER_ADDRESS: '3' }).filingLimits,
    ).toEqual({
      perUser: 2,
      perAddress: 3,
    });
    expect(() => loadConfig({ BLOUSE_REPORTS_PER_USER: '0' })).toThrow(/BLOUSE_REPORTS_PER_USER/);
    const strict = await createTestApp(dialect, { filingLimits: { perUser: 2, perAddress: 2 } });
    try {
      const place = await strict.establishment();
      const agent = await strict.user({ [place]: 'agent' });
      const body = () => multipartBody(FIELDS);
      const send = () =>
        strict.as(agent, {
          method: 'POST',
          url: `/api/establishments/${place}/reports`,
          payload: body().payload,
          headers: body().headers,
        });
      expect((await send()).statusCode).toBe(201);
      expect((await send()).statusCode).toBe(201);
      expect((await send()).statusCode).toBe(429);
    } finally {
      await strict.close();
    }
  });

  it('does not use up the demo agent’s limit when the demo seeds its reports', async () => {
    const agent = await t.user({ [establishment]: 'agent' });
    await seedDemoReports(t.context, establishment, agent.userId);
    const row = await t.storage.db
      .selectFrom('filing_throttle')
      .select('count')
      .where('key', '=', userKey(agent.userId).key)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });
});
