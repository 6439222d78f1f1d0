import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AtpAgent } from '@atproto/api';
import { TestNetworkNoAppView } from '@atproto/dev-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody, PNG_BYTES } from '../../reports/multipart-body.js';
import { createTestApp, type SignedIn, type TestApp } from '../../test-support/app.js';
import { DIALECTS } from '../../test-support/databases.js';
import { createBlueskyConnector } from '../connectors/bluesky/bluesky-connector.js';
import type { ConnectorRegistry } from '../connectors/registry.js';
import { publishOne } from './publish-one.js';

/** The compiled crash worker (npm test builds before it runs the suites). */
const WORKER = fileURLToPath(
  new URL('../../../dist/test-support/publish-worker-process.js', import.meta.url),
);

const CAMPAIGN =
  'Mois sans tabac 🚭 Consultations d’aide à l’arrêt gratuites au CHU, du lundi au vendredi. Tabac info service : 39 89.';

/**
 * Scheduling and publishing against a real AT Protocol network on loopback (PLC + PDS from
 * @atproto/dev-env): the post is on the PDS afterwards, once, whatever happens in between.
 */
describe.each(DIALECTS)('scheduled publishing on a real Bluesky PDS, on %s', (dialect) => {
  let network: TestNetworkNoAppView;
  let hospital: AtpAgent;
  let appPassword: string;
  let t: TestApp;
  let valmont: string;
  let director: SignedIn;
  let cm: SignedIn;
  let legal: SignedIn;
  let agent: SignedIn;
  const registry: ConnectorRegistry = new Map([['bluesky', createBlueskyConnector()]]);
  const secretKey = randomBytes(32);
  const base = () => `/api/establishments/${valmont}/publishing`;
  const handle = `chu-${dialect.slice(0, 2)}.test`;

  beforeAll(async () => {
    network = await TestNetworkNoAppView.create({});
    hospital = new AtpAgent({ service: network.pds.url });
    await hospital.createAccount({
      handle,
      email: `com-${dialect}@chu-valmont.test`,
      password: 'mdp-du-compte',
    });
    appPassword = (await hospital.com.atproto.server.createAppPassword({ name: 'blouse' })).data.password;
    t = await createTestApp(
      dialect,
      { secretKeys: { current: secretKey, previous: [] } },
      { connectorRegistry: registry },
    );
    t.clock.set(new Date());
    valmont = await t.establishment('CHU de Valmont');
    director = await t.user({ [valmont]: 'communication' });
    cm = await t.user({ [valmont]: 'community_manager' });
    legal = await t.user({ [valmont]: 'legal' });
    agent = await t.user({ [valmont]: 'agent' });
    const connected = await t.as(director, {
      method: 'PUT',
      url: `${base()}/accounts/bluesky`,
      payload: { serviceUrl: network.pds.url, identifier: handle, secret: appPassword },
    });
    expect(connected.statusCode).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await network?.close();
  });

  async function postsOnPds(): Promise<string[]> {
    const did = hospital.session?.did ?? '';
    const records = await hospital.com.atproto.repo.listRecords({
      repo: did,
      collection: 'app.bsky.feed.post',
      limit: 100,
    });
    return records.data.records.map((record) => (record.value as { text: string }).text);
  }

  /** A draft written by the community manager, approved by the director. */
  async function approvedDraft(text: string): Promise<{ id: string; revision: number }> {
    const created = await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts`,
      payload: { title: 'Mois sans tabac', variants: [{ network: 'bluesky', text }] },
    });
    const draft = created.json();
    await t.as(cm, { method: 'POST', url: `${base()}/drafts/${draft.id}/submit`, payload: { revision: 1 } });
    const approved = await t.as(director, {
      method: 'POST',
      url: `${base()}/drafts/${draft.id}/decisions`,
      payload: { revision: 1, decision: 'approved' },
    });
    expect(approved.json().status).toBe('approved');
    return { id: draft.id, revision: 1 };
  }

  const schedule = (user: SignedIn, draftId: string, body: object) =>
    t.as(user, { method: 'POST', url: `${base()}/drafts/${draftId}/schedule`, payload: body });

  it('keeps the app password sealed at rest and never returns it', async () => {
    const row = await t.storage.db.selectFrom('publishing_accounts').selectAll().executeTakeFirstOrThrow();
    expect(row.secret).not.toContain(appPassword);
    expect(row.secret).toMatch(/^v1\./);
    const listed = await t.as(legal, { method: 'GET', url: `${base()}/accounts` });
    expect(JSON.stringify(listed.json())).not.toContain(appPassword);
    expect(listed.json().items).toEqual([
      expect.objectContaining({ network: 'bluesky', identifier: handle }),
    ]);
  });

  it('publishes at its time, not before, and the post is on the PDS with its address', async () => {
    const text = `${CAMPAIGN} (${dialect}, à l’heure)`;
    const draft = await approvedDraft(text);
    const at = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
    const scheduled = await schedule(cm, draft.id, { revision: 1, at });
    expect(scheduled.statusCode).toBe(201);
    const [publication] = scheduled.json().items;
    expect(publication).toMatchObject({ network: 'bluesky', status: 'scheduled', scheduledAt: at });

    expect(await publishOne(t.context, publication.id, registry)).toBe('done');
    expect(await postsOnPds()).not.toContain(text);
    t.clock.advance(3_600_000);
    expect(await publishOne(t.context, publication.id, registry)).toBe('published');
    expect(await postsOnPds()).toContain(text);
    const list = await t.as(legal, { method: 'GET', url: `${base()}/drafts/${draft.id}/publications` });
    expect(list.json().items[0]).toMatchObject({
      status: 'published',
      attempts: 1,
      url: expect.stringMatching(new RegExp(`^https://bsky.app/profile/${handle}/post/[2-7a-z]{13}$`)),
    });
    // A second run of the same job publishes nothing more, nor does scheduling the same version again.
    expect(await publishOne(t.context, publication.id, registry)).toBe('done');
    const again = await schedule(cm, draft.id, { revision: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('deja_publiee');
    expect((await postsOnPds()).filter((posted) => posted === text)).toHaveLength(1);
  });

  it('publishes a photo as an image with its alt text', async () => {
    const text = `${CAMPAIGN} (${dialect}, avec photo)`;
    const created = (
      await t.as(cm, {
        method: 'POST',
        url: `${base()}/drafts`,
        payload: { title: 'Avec photo', variants: [{ network: 'bluesky', text }] },
      })
    ).json();
    const photo = multipartBody({ alt_text: 'Affiche du Mois sans tabac', revision: '1' }, [
      { name: 'affiche.png', bytes: PNG_BYTES, field: 'file' },
    ]);
    expect(
      (await t.as(cm, { method: 'POST', url: `${base()}/drafts/${created.id}/media`, ...photo })).statusCode,
    ).toBe(204);
    // A poster: nobody recognisable on it.
    await t.as(cm, {
      method: 'PUT',
      url: `${base()}/drafts/${created.id}/people`,
      payload: { revision: 2, consentIds: [], nobodyShown: true },
    });
    await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts/${created.id}/submit`,
      payload: { revision: 3 },
    });
    await t.as(director, {
      method: 'POST',
      url: `${base()}/drafts/${created.id}/decisions`,
      payload: { revision: 3, decision: 'approved' },
    });
    const [publication] = (await schedule(cm, created.id, { revision: 3 })).json().items;
    expect(await publishOne(t.context, publication.id, registry)).toBe('published');
    const records = await hospital.com.atproto.repo.listRecords({
      repo: hospital.session?.did ?? '',
      collection: 'app.bsky.feed.post',
      limit: 100,
    });
    const posted = records.data.records.find((record) => (record.value as { text: string }).text === text);
    expect(posted?.value).toMatchObject({
      embed: { $type: 'app.bsky.embed.images', images: [{ alt: 'Affiche du Mois sans tabac' }] },
    });
  });

  it('finds the post it already made when a run died after the PDS accepted it (no double publication)', async () => {
    const text = `${CAMPAIGN} (${dialect}, après une panne)`;
    const draft = await approvedDraft(text);
    const [publication] = (await schedule(cm, draft.id, { revision: 1 })).json().items;
    const row = await t.storage.db
      .selectFrom('publications')
      .selectAll()
      .where('id', '=', publication.id)
      .executeTakeFirstOrThrow();
    // The state a killed worker leaves: the row claimed, the post made on the PDS, nothing recorded.
    await t.storage.db
      .updateTable('publications')
      .set({ status: 'publishing', attempts: 1 })
      .where('id', '=', row.id)
      .execute();
    const connector = registry.get('bluesky');
    await connector?.publish({
      account: { serviceUrl: network.pds.url, identifier: handle, secret: appPassword },
      text,
      title: null,
      idempotencyKey: row.idempotency_key,
      media: [],
      scheduledAt: new Date(row.scheduled_at),
    });
    expect((await postsOnPds()).filter((posted) => posted === text)).toHaveLength(1);
    expect(await publishOne(t.context, publication.id, registry)).toBe('published');
    expect((await postsOnPds()).filter((posted) => posted === text)).toHaveLength(1);
  });

  it('publishes once when the worker is killed (SIGKILL) after the PDS accepted the post', async () => {
    expect(existsSync(WORKER), 'build first: npx tsc -b').toBe(true);
    const text = `${CAMPAIGN} (${dialect}, kill -9)`;
    const draft = await approvedDraft(text);
    const [publication] = (await schedule(cm, draft.id, { revision: 1 })).json().items;
    const child = spawn(
      process.execPath,
      [WORKER, t.storage.url, publication.id, t.clock.now().toISOString()],
      {
        env: { ...process.env, BLOUSE_SECRET_KEY: secretKey.toString('base64') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let printed = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        printed += chunk.toString('utf8');
        if (printed.includes('publié')) resolve();
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        printed += chunk.toString('utf8');
      });
      child.once('exit', (code) => reject(new Error(`le processus s’est arrêté (${code}) :\n${printed}`)));
    });
    const killed = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await killed;
    const row = await t.storage.db
      .selectFrom('publications')
      .select(['status', 'attempts', 'url'])
      .where('id', '=', publication.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'publishing', attempts: 1, url: null });
    expect((await postsOnPds()).filter((posted) => posted === text)).toHaveLength(1);
    // After the restart, the job runs again: it finds the post instead of making a second one.
    expect(await publishOne(t.context, publication.id, registry)).toBe('published');
    expect((await postsOnPds()).filter((posted) => posted === text)).toHaveLength(1);
  }, 30_000);

  it('holds every due publication while « Tout suspendre » is on, and publishes once it is lifted', async () => {
    const text = `${CAMPAIGN} (${dialect}, suspendu)`;
    const draft = await approvedDraft(text);
    const [publication] = (await schedule(cm, draft.id, { revision: 1 })).json().items;
    for (const user of [cm, legal, agent]) {
      const refused = await t.as(user, { method: 'PUT', url: `${base()}/pause`, payload: { paused: true } });
      expect(refused.statusCode).toBe(403);
    }
    const paused = await t.as(director, {
      method: 'PUT',
      url: `${base()}/pause`,
      payload: { paused: true, reason: 'Crise en cours : on se tait.' },
    });
    expect(paused.json()).toMatchObject({ paused: true, changedBy: director.userId });
    expect((await t.as(agent, { method: 'GET', url: `${base()}/pause` })).json().paused).toBe(true);
    expect(await publishOne(t.context, publication.id, registry)).toBe('paused');
    expect(await postsOnPds()).not.toContain(text);
    await t.as(director, { method: 'PUT', url: `${base()}/pause`, payload: { paused: false } });
    expect(await publishOne(t.context, publication.id, registry)).toBe('published');
    expect(await postsOnPds()).toContain(text);
    const actions = (
      await t.storage.db
        .selectFrom('audit_log')
        .select('action')
        .where('target_id', '=', valmont)
        .orderBy('seq')
        .execute()
    ).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(['publishing.pause.set', 'publishing.pause.lift']));
  });

  it('cancels what was scheduled when the draft is edited, and refuses to schedule what is not approved', async () => {
    const draft = await approvedDraft(`${CAMPAIGN} (${dialect}, modifiée)`);
    const at = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    const [publication] = (await schedule(cm, draft.id, { revision: 1, at })).json().items;
    const twice = await schedule(cm, draft.id, { revision: 1, at });
    expect(twice.json().code).toBe('deja_programmee');
    await t.as(cm, {
      method: 'PUT',
      url: `${base()}/drafts/${draft.id}`,
      payload: {
        title: 'Mois sans tabac',
        variants: [{ network: 'bluesky', text: `${CAMPAIGN} !` }],
        revision: 1,
      },
    });
    const list = await t.as(cm, { method: 'GET', url: `${base()}/drafts/${draft.id}/publications` });
    expect(list.json().items[0]).toMatchObject({ id: publication.id, status: 'cancelled' });
    const notApproved = await schedule(cm, draft.id, { revision: 2 });
    expect(notApproved.statusCode).toBe(409);
    expect(notApproved.json().code).toBe('pas_approuvee');
  });

  it('lets only writers schedule, and refuses past dates and networks without an account', async () => {
    const draft = await approvedDraft(`${CAMPAIGN} (${dialect}, droits)`);
    for (const user of [legal, agent])
      expect((await schedule(user, draft.id, { revision: 1 })).statusCode).toBe(403);
    const past = await schedule(cm, draft.id, { revision: 1, at: '2020-01-01T00:00:00Z' });
    expect(past.json().code).toBe('date_passee');
    const created = await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts`,
      payload: { title: 'Sans compte', variants: [{ network: 'mastodon', text: CAMPAIGN }] },
    });
    const id = created.json().id;
    await t.as(cm, { method: 'POST', url: `${base()}/drafts/${id}/submit`, payload: { revision: 1 } });
    await t.as(director, {
      method: 'POST',
      url: `${base()}/drafts/${id}/decisions`,
      payload: { revision: 1, decision: 'approved' },
    });
    const noAccount = await schedule(cm, id, { revision: 1 });
    expect(noAccount.statusCode).toBe(422);
    expect(noAccount.json()).toMatchObject({ code: 'compte_absent', errors: [{ field: 'mastodon' }] });
    for (const user of [cm, legal, agent]) {
      const refused = await t.as(user, {
        method: 'PUT',
        url: `${base()}/accounts/bluesky`,
        payload: { serviceUrl: network.pds.url, identifier: handle, secret: 'x' },
      });
      expect(refused.statusCode).toBe(403);
    }
  });

  it('fails, without publishing, when the sealed secret has been tampered with, and says why', async () => {
    const draft = await approvedDraft(`${CAMPAIGN} (${dialect}, altéré)`);
    const [publication] = (await schedule(cm, draft.id, { revision: 1 })).json().items;
    const account = await t.storage.db
      .selectFrom('publishing_accounts')
      .selectAll()
      .executeTakeFirstOrThrow();
    const parts = account.secret.split('.');
    parts[3] =
      `A${(parts[3] as string).slice(1)}` === parts[3]
        ? `B${(parts[3] as string).slice(1)}`
        : `A${(parts[3] as string).slice(1)}`;
    await t.storage.db
      .updateTable('publishing_accounts')
      .set({ secret: parts.join('.') })
      .where('id', '=', account.id)
      .execute();
    try {
      expect(await publishOne(t.context, publication.id, registry)).toBe('failed');
      const list = await t.as(cm, { method: 'GET', url: `${base()}/drafts/${draft.id}/publications` });
      expect(list.json().items[0]).toMatchObject({
        status: 'failed',
        lastError: expect.stringContaining('altéré'),
      });
      expect(await postsOnPds()).not.toContain(`${CAMPAIGN} (${dialect}, altéré)`);
    } finally {
      await t.storage.db
        .updateTable('publishing_accounts')
        .set({ secret: account.secret })
        .where('id', '=', account.id)
        .execute();
    }
  });
});

describe('connecting an account without a key', () => {
  it('refuses with a French 503 naming BLOUSE_SECRET_KEY', async () => {
    const t = await createTestApp('sqlite');
    try {
      const valmont = await t.establishment();
      const admin = await t.user({ [valmont]: 'admin' });
      const response = await t.as(admin, {
        method: 'PUT',
        url: `/api/establishments/${valmont}/publishing/accounts/bluesky`,
        payload: { serviceUrl: 'https://bsky.social', identifier: 'chu.test', secret: 'abcd-efgh-ijkl-mnop' },
      });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({
        code: 'cle_de_chiffrement_absente',
        detail: expect.stringContaining('BLOUSE_SECRET_KEY'),
      });
    } finally {
      await t.close();
    }
  });
});
