import { randomUUID } from 'node:crypto';
import { NETWORK_LABELS, NETWORKS as SHARED_NETWORKS } from '@blouse/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inUnit } from '../http/context.js';
import { NETWORKS } from '../reports/report-form.js';
import { createTestApp, type SignedIn, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';
import { buildNotice } from './notice.js';
import { openIncidentForReport } from './open-incident.js';

const THREAT =
  'L’infirmière Sophie Martin habite au 12 rue des Lilas à Valmont, on va aller lui faire payer, elle va le regretter';

describe('network names come from the shared vocabulary', () => {
  it('names every network a report form accepts, in French and English', () => {
    expect([...SHARED_NETWORKS].sort()).toEqual([...NETWORKS].sort());
    for (const network of NETWORKS) {
      expect(NETWORK_LABELS[network].fr).not.toBe(network);
      expect(NETWORK_LABELS[network].en.length).toBeGreaterThan(1);
    }
  });

  it('writes « X (anciennement Twitter) » and « Facebook » in the DSA letter, never the ids', () => {
    for (const [network, name] of [
      ['x', 'X (anciennement Twitter)'],
      ['facebook', 'Facebook'],
    ] as const) {
      const notice = buildNotice({
        reference: 'INC-2026-0007',
        category: 'threat',
        url: 'https://social.example/42',
        network,
        explanations: [],
        notifierName: 'Claire Roux',
        notifierEmail: 'claire.roux@chu.fr',
        establishmentName: 'CHU de Valmont',
      });
      expect(notice.text).toContain(`sur votre service (${name})`);
      expect(notice.text).not.toContain(`(${network})`);
    }
  });
});

describe.each(DIALECTS)('incident titles and notices name the network, on %s', (dialect) => {
  let t: TestApp;
  let eid: string;
  let comm: SignedIn;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    eid = await t.establishment('CHU de Valmont');
    comm = await t.user({ [eid]: 'communication' });
  });
  afterAll(() => t.close());

  const open = (network: string) =>
    inUnit(t.context, async (unit) => {
      const reportId = randomUUID();
      const url = `https://social.example/p/${reportId}`;
      await unit.trx
        .insertInto('reports')
        .values({
          id: reportId,
          establishment_id: eid,
          reporter_id: null,
          follow_up_hash: null,
          url,
          network,
          excerpt: THREAT,
          seen_where: '',
          note: '',
          first_published_at: null,
          created_at: unit.now.toISOString(),
        })
        .execute();
      return openIncidentForReport(unit, {
        establishmentId: eid,
        reportId,
        url,
        network,
        excerpt: THREAT,
        firstPublishedAt: null,
      });
    });

  it.each([
    ['x', 'X (anciennement Twitter)'],
    ['facebook', 'Facebook'],
  ])('a report seen on %s gives « … — %s » in the title and the notice', async (network, name) => {
    const { id } = await open(network);
    const base = `/api/establishments/${eid}/incidents/${id}`;
    const detail = (await t.as(comm, { method: 'GET', url: base })).json();
    expect(detail.title).toBe(`Menaces — ${name}`);
    // Qualifying rewrites the category part of the title and keeps the network's name.
    const qualified = await t.as(comm, {
      method: 'PATCH',
      url: `${base}/qualification`,
      payload: { category: 'doxxing', version: 1 },
    });
    expect(qualified.json().title).toBe(
      `Divulgation d’informations permettant de localiser une personne — ${name}`,
    );
    const notice = (await t.as(comm, { method: 'GET', url: `${base}/notice` })).json();
    expect(notice.text).toContain(`(${name})`);
    expect(notice.text).not.toMatch(new RegExp(`\\(${network}\\)`));
  });
});
