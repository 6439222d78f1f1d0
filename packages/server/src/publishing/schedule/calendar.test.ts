import type { PublishingNetwork } from '@blouse/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../test-support/app.js';
import { DIALECTS } from '../../test-support/databases.js';
import type { Connector } from '../connectors/connector.js';
import { publishOne } from './publish-one.js';

const CAMPAIGN = 'Mois sans tabac : consultations d’aide à l’arrêt gratuites au CHU, du lundi au vendredi.';

/** A connector that records what it is asked to publish (the calendar's tests need no network). */
function recordingConnector(): Connector & { published: string[] } {
  const published: string[] = [];
  return {
    network: 'mastodon',
    published,
    async publish(request) {
      published.push(request.idempotencyKey);
      return {
        externalId: `id-${published.length}`,
        url: `https://mastodon.example/@chu/${published.length}`,
      };
    },
  };
}

describe.each(DIALECTS)('editorial calendar on %s', (dialect) => {
  let t: TestApp;
  let valmont: string;
  let director: SignedIn;
  let cm: SignedIn;
  let legal: SignedIn;
  let agent: SignedIn;
  const connector = recordingConnector();
  const registry = new Map<PublishingNetwork, Connector>([['mastodon', connector]]);
  const base = () => `/api/establishments/${valmont}/publishing`;

  beforeAll(async () => {
    t = await createTestApp(
      dialect,
      { secretKeys: { current: Buffer.alloc(32, 7), previous: [] } },
      { connectorRegistry: registry },
    );
    t.clock.set(new Date('2026-11-02T09:00:00.000Z'));
    valmont = await t.establishment('CHU de Valmont');
    director = await t.user({ [valmont]: 'communication' });
    cm = await t.user({ [valmont]: 'community_manager' });
    legal = await t.user({ [valmont]: 'legal' });
    agent = await t.user({ [valmont]: 'agent' });
    await t.as(director, {
      method: 'PUT',
      url: `${base()}/accounts/mastodon`,
      payload: { serviceUrl: 'https://mastodon.example', identifier: '@chu', secret: 'jeton' },
    });
  });
  afterAll(async () => t.close());

  async function scheduled(at: string): Promise<{ id: string; draftId: string }> {
    const draft = (
      await t.as(cm, {
        method: 'POST',
        url: `${base()}/drafts`,
        payload: { title: `Campagne ${at}`, variants: [{ network: 'mastodon', text: CAMPAIGN }] },
      })
    ).json();
    await t.as(cm, { method: 'POST', url: `${base()}/drafts/${draft.id}/submit`, payload: { revision: 1 } });
    await t.as(director, {
      method: 'POST',
      url: `${base()}/drafts/${draft.id}/decisions`,
      payload: { revision: 1, decision: 'approved' },
    });
    const [publication] = (
      await t.as(cm, {
        method: 'POST',
        url: `${base()}/drafts/${draft.id}/schedule`,
        payload: { revision: 1, at },
      })
    ).json().items;
    return { id: publication.id, draftId: draft.id };
  }

  it('shows the month’s publications and health days, filtered by network', async () => {
    const first = await scheduled('2026-11-14T08:00:00.000Z');
    const month = await t.as(legal, {
      method: 'GET',
      url: `${base()}/calendar?from=2026-11-01&to=2026-11-30`,
    });
    expect(month.statusCode).toBe(200);
    expect(month.json().publications).toEqual([
      expect.objectContaining({
        id: first.id,
        network: 'mastodon',
        status: 'scheduled',
        scheduledAt: '2026-11-14T08:00:00.000Z',
      }),
    ]);
    expect(month.json().healthDays.map((day: { id: string }) => day.id)).toContain('mois-sans-tabac');
    const bluesky = await t.as(legal, {
      method: 'GET',
      url: `${base()}/calendar?from=2026-11-01&to=2026-11-30&network=bluesky`,
    });
    expect(bluesky.json().publications).toEqual([]);
  });

  it('moves a scheduled publication to another day; it goes out then, once', async () => {
    const { id } = await scheduled('2026-11-20T08:00:00.000Z');
    const moved = await t.as(cm, {
      method: 'POST',
      url: `${base()}/publications/${id}/reschedule`,
      payload: { at: '2026-11-18T10:00:00.000Z' },
    });
    expect(moved.json()).toMatchObject({ id, scheduledAt: '2026-11-18T10:00:00.000Z' });
    t.clock.set(new Date('2026-11-18T10:00:00.000Z'));
    const before = connector.published.length;
    expect(await publishOne(t.context, id, registry)).toBe('published');
    expect(await publishOne(t.context, id, registry)).toBe('done');
    expect(connector.published.length).toBe(before + 1);
    // Back to the day the sessions were opened (they last 12 hours).
    t.clock.set(new Date('2026-11-02T09:00:00.000Z'));
    const again = await t.as(cm, {
      method: 'POST',
      url: `${base()}/publications/${id}/reschedule`,
      payload: { at: '2026-11-25T10:00:00.000Z' },
    });
    expect(again.json().code).toBe('pas_programmee');
  });

  it('refuses long or reversed periods, past dates, and other roles', async () => {
    for (const query of [
      'from=2026-11-01&to=2027-02-01',
      'from=2026-11-30&to=2026-11-01',
      'from=2026-13-01&to=2026-13-02',
    ]) {
      const refused = await t.as(legal, { method: 'GET', url: `${base()}/calendar?${query}` });
      expect([400, 422], query).toContain(refused.statusCode);
    }
    expect(
      (await t.as(agent, { method: 'GET', url: `${base()}/calendar?from=2026-11-01&to=2026-11-30` }))
        .statusCode,
    ).toBe(403);
    const { id } = await scheduled('2026-12-20T08:00:00.000Z');
    for (const user of [legal, agent]) {
      const refused = await t.as(user, {
        method: 'POST',
        url: `${base()}/publications/${id}/reschedule`,
        payload: { at: '2026-12-21T08:00:00.000Z' },
      });
      expect(refused.statusCode).toBe(403);
    }
    const past = await t.as(cm, {
      method: 'POST',
      url: `${base()}/publications/${id}/reschedule`,
      payload: { at: '2020-01-01T00:00:00Z' },
    });
    expect(past.json().code).toBe('date_passee');
  });
});
