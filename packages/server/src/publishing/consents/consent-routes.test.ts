import { randomBytes } from 'node:crypto';
import type { PublishingNetwork } from '@blouse/contract';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ReceivedMail, startSmtpServer } from '../../incidents/notifications/smtp-test-server.js';
import { mailText } from '../../listening/alerts/test-receivers.js';
import { HTML_BYTES, multipartBody, PNG_BYTES } from '../../reports/multipart-body.js';
import { createTestApp, type SignedIn, type TestApp } from '../../test-support/app.js';
import { DIALECTS } from '../../test-support/databases.js';
import type { Connector, PublishRequest } from '../connectors/connector.js';
import { publishOne } from '../schedule/publish-one.js';

/** A scanned form: the smallest PDF a scanner could write. */
const PDF_FORM = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
/** A photographed form, with the phone's GPS position and owner in its EXIF. */
const PHOTO_FORM = await sharp({ create: { width: 30, height: 40, channels: 3, background: '#fff' } })
  .jpeg()
  .withExif({ IFD0: { Artist: 'Téléphone de Claire Dubois' } })
  .toBuffer();

const NAMED = 'Le Pr Hélène Morvan présentera jeudi les consultations d’aide à l’arrêt du tabac du CHU.';

/**
 * The network's side is not what these tests are about (schedule.test.ts publishes on a real
 * Bluesky PDS): this connector records what it is asked to publish and answers as a network.
 */
function recordingConnector(network: PublishingNetwork, posted: PublishRequest[]): Connector {
  return {
    network,
    async publish(request) {
      posted.push(request);
      return { externalId: `post-${posted.length}`, url: `https://bsky.example/post/${posted.length}` };
    },
  };
}

describe.each(DIALECTS)('the consent register on %s', (dialect) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let valmont: string;
  let bourg: string;
  let director: SignedIn;
  let cm: SignedIn;
  let legal: SignedIn;
  let agent: SignedIn;
  let outsider: SignedIn;
  const posted: PublishRequest[] = [];
  const registry = new Map<PublishingNetwork, Connector>([
    ['bluesky', recordingConnector('bluesky', posted)],
  ]);
  const base = (establishment = valmont) => `/api/establishments/${establishment}/publishing`;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp(
      dialect,
      {
        smtpUrl: smtp.url,
        mailFrom: 'Blouse <blouse@chu-valmont.fr>',
        secretKeys: { current: randomBytes(32), previous: [] },
      },
      { connectorRegistry: registry },
    );
    valmont = await t.establishment('CHU de Valmont');
    bourg = await t.establishment('CH de Bourg');
    director = await t.user({ [valmont]: 'communication' }, { email: 'dircom@chu-valmont.fr' });
    cm = await t.user({ [valmont]: 'community_manager' }, { email: 'cm@chu-valmont.fr' });
    legal = await t.user({ [valmont]: 'legal' }, { email: 'juridique@chu-valmont.fr' });
    agent = await t.user({ [valmont]: 'agent' });
    outsider = await t.user({ [bourg]: 'communication' });
    await t.as(director, {
      method: 'PUT',
      url: `${base()}/accounts/bluesky`,
      payload: {
        serviceUrl: 'https://pds.example',
        identifier: 'chu-valmont.example',
        secret: 'app-password',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });

  const CONSENT = {
    person_name: 'Pr Hélène Morvan',
    person_kind: 'staff',
    uses: 'name,image',
    networks: 'bluesky,facebook',
    purpose: 'Campagne Mois sans tabac 2026',
    given_on: '2026-10-15',
    expires_on: '2027-10-14',
  };
  const record = (user: SignedIn, fields: Record<string, string> = CONSENT, form: Uint8Array = PDF_FORM) =>
    t.as(user, {
      method: 'POST',
      url: `${base()}/consents`,
      ...multipartBody(fields, [{ name: 'formulaire.pdf', bytes: form, field: 'form' }]),
    });
  async function draft(text = NAMED, network = 'bluesky') {
    const created = await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts`,
      payload: { title: 'Consultations tabac', variants: [{ network, text }] },
    });
    expect(created.statusCode).toBe(201);
    return created.json();
  }
  const people = (draftId: string, revision: number, consentIds: string[], nobodyShown = false) =>
    t.as(cm, {
      method: 'PUT',
      url: `${base()}/drafts/${draftId}/people`,
      payload: { revision, consentIds, nobodyShown },
    });

  it('records a consent with its signed form, kept byte for byte and hashed', async () => {
    const recorded = await record(cm);
    expect(recorded.statusCode).toBe(201);
    const consent = recorded.json();
    expect(consent).toMatchObject({
      personName: 'Pr Hélène Morvan',
      personKind: 'staff',
      uses: ['name', 'image'],
      networks: ['bluesky', 'facebook'],
      givenOn: '2026-10-15',
      expiresOn: '2027-10-14',
      state: 'valid',
      form: { mediaType: 'application/pdf', byteSize: PDF_FORM.length },
      withdrawal: null,
      drafts: [],
      takedowns: [],
    });
    const form = await t.as(legal, { method: 'GET', url: `${base()}/consents/${consent.id}/form` });
    expect(form.statusCode).toBe(200);
    expect(form.headers['content-type']).toBe('application/pdf');
    expect(form.headers['content-disposition']).toMatch(/^attachment; filename="consentement-/);
    expect(Buffer.compare(form.rawPayload, PDF_FORM)).toBe(0);
    const audit = await t.storage.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('target_id', '=', consent.id)
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(['publishing.consent.record']);
    // The register holds the name; the audit log, which outlives it, does not.
    expect(JSON.stringify(audit)).not.toContain('Morvan');
  });

  it('strips a photographed form of its metadata', async () => {
    const recorded = await record(legal, { ...CONSENT, person_name: 'Claire Dubois' }, PHOTO_FORM);
    expect(recorded.statusCode).toBe(201);
    const form = await t.as(cm, { method: 'GET', url: `${base()}/consents/${recorded.json().id}/form` });
    expect(form.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(form.rawPayload).metadata()).exif).toBeUndefined();
    expect(form.rawPayload.includes(Buffer.from('Claire Dubois'))).toBe(false);
  });

  it('refuses bad forms and bad fields with a French problem, storing nothing', async () => {
    const before = await t.as(cm, { method: 'GET', url: `${base()}/consents?limit=100` });
    const cases: [Record<string, string>, Uint8Array | null, number, string][] = [
      [CONSENT, HTML_BYTES, 415, 'formulaire_illisible'],
      [CONSENT, null, 400, 'formulaire_manquant'],
      [{ ...CONSENT, expires_on: '2026-01-01' }, PDF_FORM, 400, 'dates_incoherentes'],
      [{ ...CONSENT, given_on: '2026-02-30' }, PDF_FORM, 400, 'donnees_invalides'],
      [{ ...CONSENT, uses: 'name,dance' }, PDF_FORM, 400, 'donnees_invalides'],
      [{ ...CONSENT, uses: '' }, PDF_FORM, 400, 'donnees_invalides'],
      [{ ...CONSENT, networks: 'bluesky,myspace' }, PDF_FORM, 400, 'donnees_invalides'],
      [{ ...CONSENT, person_kind: 'ghost' }, PDF_FORM, 400, 'donnees_invalides'],
      [{ ...CONSENT, person_name: 'Hélène\u0000Morvan' }, PDF_FORM, 400, 'donnees_invalides'],
      [{ ...CONSENT, person_name: 'Hélène\u202eMorvan' }, PDF_FORM, 400, 'donnees_invalides'],
      [{ ...CONSENT, person_name: '   ' }, PDF_FORM, 400, 'donnees_invalides'],
      [{ ...CONSENT, extra: 'x' }, PDF_FORM, 400, 'donnees_invalides'],
    ];
    for (const [fields, form, status, code] of cases) {
      const response = await t.as(cm, {
        method: 'POST',
        url: `${base()}/consents`,
        ...multipartBody(fields, form === null ? [] : [{ name: 'f.pdf', bytes: form, field: 'form' }]),
      });
      expect(response.statusCode, JSON.stringify(fields)).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe(code);
    }
    const twoForms = await t.as(cm, {
      method: 'POST',
      url: `${base()}/consents`,
      ...multipartBody(CONSENT, [
        { name: 'a.pdf', bytes: PDF_FORM, field: 'form' },
        { name: 'b.pdf', bytes: PDF_FORM, field: 'form' },
      ]),
    });
    expect(twoForms.json().code).toBe('fichier_en_trop');
    const json = await t.as(cm, { method: 'POST', url: `${base()}/consents`, payload: CONSENT });
    expect(json.statusCode).toBe(400);
    const after = await t.as(cm, { method: 'GET', url: `${base()}/consents?limit=100` });
    expect(after.json().items).toHaveLength(before.json().items.length);
  });

  it('keeps agents and other establishments out of the register', async () => {
    const id = (await record(cm, { ...CONSENT, person_name: 'Jeanne', person_kind: 'patient' })).json().id;
    expect((await t.as(agent, { method: 'GET', url: `${base()}/consents` })).statusCode).toBe(403);
    expect((await t.as(agent, { method: 'GET', url: `${base()}/consents/${id}/form` })).statusCode).toBe(403);
    expect((await record(agent)).statusCode).toBe(403);
    expect(
      (await t.as(agent, { method: 'POST', url: `${base()}/consents/${id}/withdraw`, payload: {} }))
        .statusCode,
    ).toBe(403);
    expect((await t.as(outsider, { method: 'GET', url: `${base()}/consents/${id}` })).statusCode).toBe(404);
    // Another establishment's desk cannot reach it through its own address either.
    expect((await t.as(outsider, { method: 'GET', url: `${base(bourg)}/consents/${id}` })).statusCode).toBe(
      404,
    );
    expect(
      (await t.as(outsider, { method: 'GET', url: `${base(bourg)}/consents/${id}/form` })).statusCode,
    ).toBe(404);
    expect((await t.as(agent, { method: 'GET', url: `${base()}/takedowns` })).statusCode).toBe(403);
  });

  it('searches by name whatever the accents, filters by state, and pages with a cursor', async () => {
    await record(cm, { ...CONSENT, person_name: 'Éloïse Lefèvre' });
    await record(cm, {
      ...CONSENT,
      person_name: 'Paul Old',
      given_on: '2025-01-01',
      expires_on: '2025-12-31',
    });
    const found = await t.as(legal, { method: 'GET', url: `${base()}/consents?q=ELOISE%20lefevre` });
    expect(found.json().items.map((c: { personName: string }) => c.personName)).toEqual(['Éloïse Lefèvre']);
    const wildcard = await t.as(legal, { method: 'GET', url: `${base()}/consents?q=%25` });
    expect(wildcard.json().items).toEqual([]);
    const expired = await t.as(legal, { method: 'GET', url: `${base()}/consents?state=expired` });
    expect(expired.json().items.map((c: { personName: string }) => c.personName)).toEqual(['Paul Old']);
    expect(expired.json().items[0].state).toBe('expired');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await t.as(legal, {
          method: 'GET',
          url: `${base()}/consents?limit=2${cursor === null ? '' : `&cursor=${cursor}`}`,
        })
      ).json();
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    const all = (await t.as(legal, { method: 'GET', url: `${base()}/consents?limit=100` })).json().items;
    expect(seen).toEqual(all.map((c: { id: string }) => c.id));
    const forged = await t.as(legal, { method: 'GET', url: `${base()}/consents?cursor=bm9wZQ` });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().code).toBe('curseur_invalide');
    expect((await t.as(legal, { method: 'GET', url: `${base()}/consents?limit=101` })).statusCode).toBe(400);
  });

  it('blocks a post naming someone without consent, and lets it go once the consent is linked', async () => {
    const created = await draft();
    const variant = created.variants[0];
    expect(variant.verdict).toBe('block');
    expect(variant.findings).toContainEqual(
      expect.objectContaining({ rule: 'INST-02', severity: 'block', raisedBy: 'register' }),
    );
    expect(variant.findings.find((f: { rule: string }) => f.rule === 'INST-02').explanation).toContain(
      'Hélène Morvan',
    );
    const refused = await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts/${created.id}/submit`,
      payload: { revision: 1 },
    });
    expect(refused.json().code).toBe('variante_bloquee');

    const consent = (await record(cm)).json();
    const linked = await people(created.id, 1, [consent.id]);
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toMatchObject({
      revision: 2,
      people: {
        consents: [{ id: consent.id, personName: 'Pr Hélène Morvan', state: 'valid' }],
        nobodyShown: false,
      },
    });
    expect(linked.json().variants[0].verdict).not.toBe('block');
    const submitted = await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts/${created.id}/submit`,
      payload: { revision: 2 },
    });
    expect(submitted.statusCode).toBe(200);
  });

  it('holds a consent to its networks and uses', async () => {
    const facebookOnly = (
      await record(cm, { ...CONSENT, networks: 'facebook', person_name: 'Pr Hélène Morvan' })
    ).json();
    const created = await draft();
    const linked = (await people(created.id, 1, [facebookOnly.id])).json();
    expect(linked.variants[0].verdict).toBe('block');
    const imageOnly = (await record(cm, { ...CONSENT, uses: 'image' })).json();
    const again = (await people(created.id, 2, [imageOnly.id])).json();
    expect(again.variants[0].verdict).toBe('block');
  });

  it('asks who the photos show before submission', async () => {
    const created = await draft(
      'Affiche du Mois sans tabac : consultations gratuites au CHU, du lundi au vendredi.',
    );
    const photo = multipartBody({ alt_text: 'Affiche', revision: '1' }, [
      { name: 'a.png', bytes: PNG_BYTES, field: 'file' },
    ]);
    await t.as(cm, { method: 'POST', url: `${base()}/drafts/${created.id}/media`, ...photo });
    const refused = await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts/${created.id}/submit`,
      payload: { revision: 2 },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'consentement_requis',
      errors: [{ field: 'bluesky.media' }],
    });
    // The draft says so before anyone tries: no submission offered, and why.
    const shownDraft = (await t.as(cm, { method: 'GET', url: `${base()}/drafts/${created.id}` })).json();
    expect(shownDraft.actions.submit).toBe(false);
    expect(shownDraft.people.problems).toEqual([expect.objectContaining({ field: 'bluesky.media' })]);
    // A consent to be shown on Bluesky covers the photo as well as a statement would.
    const shown = (await record(cm, { ...CONSENT, person_name: 'Marc Petit', uses: 'image' })).json();
    expect((await people(created.id, 2, [shown.id])).statusCode).toBe(200);
    expect(
      (
        await t.as(cm, {
          method: 'POST',
          url: `${base()}/drafts/${created.id}/submit`,
          payload: { revision: 3 },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('refuses to link an unknown, foreign or withdrawn consent, and other roles', async () => {
    const created = await draft('Portes ouvertes de la maternité samedi de 10 h à 16 h.');
    const foreign = await t.as(outsider, {
      method: 'POST',
      url: `${base(bourg)}/consents`,
      ...multipartBody(CONSENT, [{ name: 'f.pdf', bytes: PDF_FORM, field: 'form' }]),
    });
    expect(foreign.statusCode).toBe(201);
    const unknown = await people(created.id, 1, ['nope', foreign.json().id]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('consentement_inconnu');
    expect(unknown.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'consentIds.0',
      'consentIds.1',
    ]);
    const withdrawn = (await record(cm, { ...CONSENT, person_name: 'Luc Martin' })).json();
    await t.as(legal, { method: 'POST', url: `${base()}/consents/${withdrawn.id}/withdraw`, payload: {} });
    const refused = await people(created.id, 1, [withdrawn.id]);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('consentement_hors_vigueur');
    expect(
      (
        await t.as(legal, {
          method: 'PUT',
          url: `${base()}/drafts/${created.id}/people`,
          payload: { revision: 1, consentIds: [], nobodyShown: true },
        })
      ).statusCode,
    ).toBe(403);
    const tooMany = await people(
      created.id,
      1,
      Array.from({ length: 51 }, (_, i) => `c${i}`),
    );
    expect(tooMany.statusCode).toBe(400);
    const stale = await people(created.id, 7, []);
    expect(stale.json().code).toBe('revision_perimee');
  });

  it('on withdrawal, flags the posts online, cancels what was scheduled, tells the team, and stops approval', async () => {
    const consent = (await record(cm)).json();
    // One post published with her, one scheduled, one waiting for the director.
    const ids: string[] = [];
    for (const day of ['lundi', 'mardi', 'mercredi']) {
      const created = await draft(`${NAMED} Rendez-vous ${day}.`);
      await people(created.id, 1, [consent.id]);
      await t.as(cm, {
        method: 'POST',
        url: `${base()}/drafts/${created.id}/submit`,
        payload: { revision: 2 },
      });
      ids.push(created.id);
    }
    const [publishedId, scheduledId, waitingId] = ids as [string, string, string];
    for (const id of [publishedId, scheduledId])
      expect(
        (
          await t.as(director, {
            method: 'POST',
            url: `${base()}/drafts/${id}/decisions`,
            payload: { revision: 2, decision: 'approved' },
          })
        ).json().status,
      ).toBe('approved');
    const soon = new Date(t.clock.now().getTime() + 60_000).toISOString();
    const later = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    const now = (
      await t.as(cm, {
        method: 'POST',
        url: `${base()}/drafts/${publishedId}/schedule`,
        payload: { revision: 2, at: soon },
      })
    ).json().items[0];
    const next = (
      await t.as(cm, {
        method: 'POST',
        url: `${base()}/drafts/${scheduledId}/schedule`,
        payload: { revision: 2, at: later },
      })
    ).json().items[0];
    t.clock.advance(120_000);
    expect(await publishOne(t.context, now.id, registry)).toBe('published');

    const withdrawn = await t.as(legal, {
      method: 'POST',
      url: `${base()}/consents/${consent.id}/withdraw`,
      payload: { reason: 'Courrier du 6 décembre' },
    });
    expect(withdrawn.statusCode).toBe(200);
    const detail = withdrawn.json();
    expect(detail).toMatchObject({ state: 'withdrawn', withdrawal: { reason: 'Courrier du 6 décembre' } });
    expect(detail.drafts.map((d: { id: string }) => d.id).sort()).toEqual([...ids].sort());
    expect(detail.takedowns).toEqual([
      expect.objectContaining({
        publicationId: now.id,
        network: 'bluesky',
        url: expect.stringContaining('https://'),
        resolvedAt: null,
      }),
    ]);
    const open = (await t.as(director, { method: 'GET', url: `${base()}/takedowns` })).json().items;
    expect(open.map((item: { publicationId: string }) => item.publicationId)).toContain(now.id);

    // What was scheduled is cancelled; what waits for approval can no longer be approved.
    const cancelled = await t.storage.db
      .selectFrom('publications')
      .select(['status', 'last_error'])
      .where('id', '=', next.id)
      .executeTakeFirstOrThrow();
    expect(cancelled).toEqual({ status: 'cancelled', last_error: 'annulée : un consentement a été retiré' });
    const approval = await t.as(director, {
      method: 'POST',
      url: `${base()}/drafts/${waitingId}/decisions`,
      payload: { revision: 2, decision: 'approved' },
    });
    expect(approval.statusCode).toBe(422);
    expect(approval.json().errors[0].message).toContain('a été retiré');

    await vi_waitFor(() => smtp.received.length >= 1);
    const mail = smtp.received[0] as ReceivedMail;
    expect(mail.to.sort()).toEqual(['cm@chu-valmont.fr', 'dircom@chu-valmont.fr']);
    expect(mailText(mail)).toMatch(
      /Publications en ligne à retirer des réseaux :\r?\n- bluesky : https:\/\/bsky\.example\/post\//u,
    );
    // The person's name stays in the register: the mail says where to look.
    expect(mailText(mail)).not.toContain('Morvan');

    const again = await t.as(legal, {
      method: 'POST',
      url: `${base()}/consents/${consent.id}/withdraw`,
      payload: {},
    });
    expect(again.statusCode).toBe(409);

    const takedown = detail.takedowns[0].id;
    expect(
      (await t.as(agent, { method: 'POST', url: `${base()}/takedowns/${takedown}/resolve` })).statusCode,
    ).toBe(403);
    expect(
      (await t.as(cm, { method: 'POST', url: `${base()}/takedowns/${takedown}/resolve` })).statusCode,
    ).toBe(204);
    expect(
      (await t.as(cm, { method: 'POST', url: `${base()}/takedowns/${takedown}/resolve` })).statusCode,
    ).toBe(409);
    expect((await t.as(cm, { method: 'POST', url: `${base()}/takedowns/nope/resolve` })).statusCode).toBe(
      404,
    );
    const left = (await t.as(director, { method: 'GET', url: `${base()}/takedowns` })).json().items;
    expect(left.map((item: { id: string }) => item.id)).not.toContain(takedown);
  });

  it('stops a scheduled post whose consent expired before its time', async () => {
    const short = (await record(cm, { ...CONSENT, given_on: '2026-10-01', expires_on: '2026-11-02' })).json();
    const created = await draft();
    await people(created.id, 1, [short.id]);
    await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts/${created.id}/submit`,
      payload: { revision: 2 },
    });
    await t.as(director, {
      method: 'POST',
      url: `${base()}/drafts/${created.id}/decisions`,
      payload: { revision: 2, decision: 'approved' },
    });
    // Tomorrow in Paris: the consent ran to the 2nd of November, included.
    const at = '2026-11-03T08:00:00.000Z';
    const scheduled = (
      await t.as(cm, {
        method: 'POST',
        url: `${base()}/drafts/${created.id}/schedule`,
        payload: { revision: 2, at },
      })
    ).json().items[0];
    const count = posted.length;
    t.clock.set(new Date('2026-11-03T08:01:00.000Z'));
    expect(await publishOne(t.context, scheduled.id, registry)).toBe('failed');
    expect(posted).toHaveLength(count);
    const row = await t.storage.db
      .selectFrom('publications')
      .select('last_error')
      .where('id', '=', scheduled.id)
      .executeTakeFirstOrThrow();
    // The reason goes to the audit log and by e-mail: it names nobody.
    expect(row.last_error).toBe('un consentement lié n’est plus en vigueur (voir le registre)');
    const audited = await t.storage.db
      .selectFrom('audit_log')
      .select('detail')
      .where('target_id', '=', scheduled.id)
      .execute();
    expect(JSON.stringify(audited)).not.toContain('Morvan');
  });

  it('refuses to schedule an approved post once a person in it has withdrawn', async () => {
    // Back within the sessions' idle limit (the test before moved the clock to the next day).
    t.clock.set(new Date('2026-11-02T09:10:00.000Z'));
    const consent = (await record(cm)).json();
    const created = await draft(`${NAMED} Programmation.`);
    await people(created.id, 1, [consent.id]);
    await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts/${created.id}/submit`,
      payload: { revision: 2 },
    });
    await t.as(director, {
      method: 'POST',
      url: `${base()}/drafts/${created.id}/decisions`,
      payload: { revision: 2, decision: 'approved' },
    });
    await t.as(legal, { method: 'POST', url: `${base()}/consents/${consent.id}/withdraw`, payload: {} });
    const refused = await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts/${created.id}/schedule`,
      payload: { revision: 2 },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('consentement_requis');
  });

  it('finds a post that went out with a person even after the draft stopped naming them', async () => {
    // Back within the sessions' idle limit (the test before moved the clock to the next day).
    t.clock.set(new Date('2026-11-02T09:10:00.000Z'));
    const consent = (await record(cm)).json();
    const created = await draft(`${NAMED} Édition spéciale.`);
    await people(created.id, 1, [consent.id]);
    await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts/${created.id}/submit`,
      payload: { revision: 2 },
    });
    await t.as(director, {
      method: 'POST',
      url: `${base()}/drafts/${created.id}/decisions`,
      payload: { revision: 2, decision: 'approved' },
    });
    const [publication] = (
      await t.as(cm, {
        method: 'POST',
        url: `${base()}/drafts/${created.id}/schedule`,
        payload: { revision: 2 },
      })
    ).json().items;
    expect(await publishOne(t.context, publication.id, registry)).toBe('published');
    // The author unlinks the consent afterwards (the draft stays editable once published).
    expect((await people(created.id, 2, [])).statusCode).toBe(200);
    const withdrawn = (
      await t.as(legal, { method: 'POST', url: `${base()}/consents/${consent.id}/withdraw`, payload: {} })
    ).json();
    expect(withdrawn.takedowns.map((item: { publicationId: string }) => item.publicationId)).toEqual([
      publication.id,
    ]);
  });

  it('flags a post that was going out at the moment of the withdrawal, once it is online', async () => {
    // Back within the sessions' idle limit (the test before moved the clock to the next day).
    t.clock.set(new Date('2026-11-02T09:10:00.000Z'));
    const consent = (await record(cm)).json();
    const created = await draft(`${NAMED} En direct.`);
    await people(created.id, 1, [consent.id]);
    await t.as(cm, {
      method: 'POST',
      url: `${base()}/drafts/${created.id}/submit`,
      payload: { revision: 2 },
    });
    await t.as(director, {
      method: 'POST',
      url: `${base()}/drafts/${created.id}/decisions`,
      payload: { revision: 2, decision: 'approved' },
    });
    const [publication] = (
      await t.as(cm, {
        method: 'POST',
        url: `${base()}/drafts/${created.id}/schedule`,
        payload: { revision: 2 },
      })
    ).json().items;
    // The network takes its time: the withdrawal lands while the post is being sent.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reached: () => void = () => undefined;
    const inFlight = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const slow: Connector = {
      network: 'bluesky',
      async publish() {
        reached();
        await held;
        return { externalId: 'post-lent', url: 'https://bsky.example/post/lent' };
      },
    };
    const running = publishOne(t.context, publication.id, new Map([['bluesky', slow]]));
    await inFlight;
    await t.as(legal, { method: 'POST', url: `${base()}/consents/${consent.id}/withdraw`, payload: {} });
    const before = (await t.as(director, { method: 'GET', url: `${base()}/takedowns` })).json().items;
    expect(before.map((item: { publicationId: string }) => item.publicationId)).not.toContain(publication.id);
    release();
    expect(await running).toBe('published');
    const after = (await t.as(director, { method: 'GET', url: `${base()}/takedowns` })).json().items;
    expect(after.map((item: { publicationId: string }) => item.publicationId)).toContain(publication.id);
  });
});

async function vi_waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('attente dépassée');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
