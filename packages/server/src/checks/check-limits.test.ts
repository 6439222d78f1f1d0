import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { longText } from '../bench/long-text.js';
import { DEFAULT_CHECK_LIMITS } from '../config/config.js';
import { createTestApp, type SignedIn, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';
import { checkLimiter, guardPool } from './check-capacity.js';
import { toCheckResponse } from './check-response.js';
import { establishmentLists, runGuard } from './guard-runner.js';

const LONG_TEXT = longText(19_500);

describe.each(DIALECTS)('limits on checks on %s', (dialect) => {
  let t: TestApp;
  let establishment: string;
  beforeAll(async () => {
    t = await createTestApp(dialect, {
      checkLimits: {
        ...DEFAULT_CHECK_LIMITS,
        perMinute: 3,
        previewsPerMinute: 5,
        workers: 1,
        inFlightPerUser: 2,
      },
    });
    establishment = await t.establishment('CHU de Valmont');
  });
  afterAll(async () => t.close());

  const check = (user: SignedIn, text: string, preview = false) =>
    t.as(user, {
      method: 'POST',
      url: `/api/establishments/${establishment}/checks`,
      payload: { text, context: 'staff', preview },
    });

  it('refuses a third check while two of the same person are in progress, in French, with Retry-After', async () => {
    const agent = await t.user({ [establishment]: 'agent' });
    const first = checkLimiter(t.context).enter(agent.userId, 'preview');
    const second = checkLimiter(t.context).enter(agent.userId, 'preview');
    const refused = await check(agent, 'Bonjour', true);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.json()).toMatchObject({ code: 'verifications_simultanees', title: 'Trop de tentatives' });
    expect(refused.json().detail).toMatch(/déjà 2 vérifications en cours/);
    // Someone else is not held up by this person's checks.
    const colleague = await t.user({ [establishment]: 'agent' });
    expect((await check(colleague, 'Bonjour', true)).statusCode).toBe(200);
    first();
    expect((await check(agent, 'Bonjour', true)).statusCode).toBe(200);
    second();
  });

  it('counts checks per person per minute, previews on their own budget', async () => {
    const agent = await t.user({ [establishment]: 'agent' });
    for (let i = 0; i < 3; i++) expect((await check(agent, `Bonjour ${i}`)).statusCode).toBe(200);
    const refused = await check(agent, 'Bonjour encore');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('trop_de_verifications');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Typing goes on: previews are counted apart.
    expect((await check(agent, 'Bonjour', true)).statusCode).toBe(200);
    t.clock.advance(60_000);
    expect((await check(agent, 'Bonjour enfin')).statusCode).toBe(200);
  });

  it('analyses a long text in a worker thread, with the same report as in this thread', async () => {
    const agent = await t.user({ [establishment]: 'agent' });
    const response = await check(agent, LONG_TEXT);
    expect(response.statusCode).toBe(200);
    expect(guardPool(t.context).workers).toBe(1);
    const inProcess = runGuard(LONG_TEXT, 'staff', establishmentLists('{}', 'CHU de Valmont'));
    expect(response.json()).toEqual(toCheckResponse(inProcess));
  });

  it('answers other requests while long analyses run', async () => {
    const people = await Promise.all([1, 2, 3].map(() => t.user({ [establishment]: 'agent' })));
    const finished: string[] = [];
    const long = people.map((person, i) =>
      check(person, LONG_TEXT, true).then((response) => {
        finished.push(`long ${i}`);
        return response.statusCode;
      }),
    );
    // Waits (without a time limit) until the only worker is busy with one of them.
    while (guardPool(t.context).running === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const health = await t.app.inject({ url: '/api/health' });
    finished.push('health');
    const short = await check(people[0] as SignedIn, 'Belle journée !', true);
    finished.push('short');
    expect(health.statusCode).toBe(200);
    expect(short.statusCode).toBe(200);
    // One worker, three long texts analysed one after the other: the health probe and the short
    // check were answered while at least one of them was still waiting or being analysed. (How
    // many had finished by then depends on the machine's load, so the test does not count them.)
    const answeredBeforeShort = finished.slice(0, finished.indexOf('short'));
    expect(answeredBeforeShort.filter((name) => name.startsWith('long')).length).toBeLessThan(3);
    expect(await Promise.all(long)).toEqual([200, 200, 200]);
  });
});
