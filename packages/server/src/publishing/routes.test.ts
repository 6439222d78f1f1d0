import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';

const FLAGGED =
  '#MoisSansTabac Bravo à Kévin, hospitalisé en pneumologie chambre 12, qui a enfin arrêté de fumer après son infarctus !';
const FIXED =
  '#MoisSansTabac Bravo à toutes celles et ceux qui ont arrêté de fumer ce mois-ci avec notre équipe de tabacologie !';
const CAMPAIGN =
  '#MoisSansTabac En novembre, on arrête ensemble ! Consultations d’aide à l’arrêt du tabac gratuites au CHU, du lundi au vendredi. Tabac info service : 39 89.';
/** The guard warns (DEONTO-03, advertising): the legal step applies. */
const SENSITIVE =
  'Nos chirurgiens sont les meilleurs de France, venez vous faire opérer chez nous plutôt qu’à la clinique d’à côté !';

describe.each(DIALECTS)('publishing desk on %s', (dialect) => {
  let t: TestApp;
  let valmont: string;
  let bourg: string;
  let admin: SignedIn;
  let director: SignedIn;
  let secondDirector: SignedIn;
  let cm: SignedIn;
  let legal: SignedIn;
  let agent: SignedIn;
  let outsider: SignedIn;
  const base = () => `/api/establishments/${valmont}/publishing`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    valmont = await t.establishment('CHU de Valmont');
    bourg = await t.establishment('CH de Bourg');
    admin = await t.user({ [valmont]: 'admin' });
    director = await t.user({ [valmont]: 'communication' });
    secondDirector = await t.user({ [valmont]: 'communication' });
    cm = await t.user({ [valmont]: 'community_manager' });
    legal = await t.user({ [valmont]: 'legal' });
    agent = await t.user({ [valmont]: 'agent' });
    outsider = await t.user({ [bourg]: 'communication' });
  });
  afterAll(async () => t.close());

  const create = (user: SignedIn | null, payload: object) =>
    t.as(user, { method: 'POST', url: `${base()}/drafts`, payload });
  const put = (user: SignedIn | null, id: string, payload: object) =>
    t.as(user, { method: 'PUT', url: `${base()}/drafts/${id}`, payload });
  const submit = (user: SignedIn | null, id: string, revision: number) =>
    t.as(user, { method: 'POST', url: `${base()}/drafts/${id}/submit`, payload: { revision } });
  const decide = (user: SignedIn | null, id: string, payload: object) =>
    t.as(user, { method: 'POST', url: `${base()}/drafts/${id}/decisions`, payload });
  const draftOf = (text: string, network = 'facebook') => ({
    title: 'Mois sans tabac',
    variants: [{ network, text }],
  });

  describe('the journey: flagged, fixed, submitted, approved by someone else', () => {
    it('flags a patient named in a campaign post, and refuses to submit it', async () => {
      const created = await create(cm, {
        title: 'Mois sans tabac — témoignage',
        variants: [
          { network: 'facebook', text: FLAGGED },
          { network: 'bluesky', text: CAMPAIGN },
        ],
      });
      expect(created.statusCode).toBe(201);
      const draft = created.json();
      expect(draft).toMatchObject({ status: 'draft', revision: 1, authorId: cm.userId });
      const facebook = draft.variants.find((v: { network: string }) => v.network === 'facebook');
      expect(facebook.verdict).toBe('block');
      expect(facebook.findings.map((f: { rule: string }) => f.rule)).toContain('SECRET-01');
      expect(draft.actions).toMatchObject({ edit: true, submit: false, approve: false });

      const refused = await submit(cm, draft.id, 1);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({
        code: 'variante_bloquee',
        detail: expect.stringContaining('facebook'),
      });
      expect(refused.headers['content-type']).toContain('application/problem+json');
    });

    it('lets her fix it, submit it, refuses her own approval, and lets the director approve', async () => {
      const first = (await create(cm, draftOf(FLAGGED))).json();
      const fixed = await put(cm, first.id, { ...draftOf(FIXED), revision: 1 });
      expect(fixed.statusCode).toBe(200);
      expect(fixed.json()).toMatchObject({ revision: 2, status: 'draft', actions: { submit: true } });
      expect(fixed.json().variants[0].verdict).toBe('ok');

      const submitted = await submit(cm, first.id, 2);
      expect(submitted.statusCode).toBe(200);
      expect(submitted.json()).toMatchObject({
        status: 'in_review',
        sensitive: false,
        pendingStep: { index: 0, name: 'Direction de la communication' },
        actions: { approve: false, approveRefusal: expect.stringContaining('écrite') },
      });

      const own = await decide(cm, first.id, { revision: 2, decision: 'approved' });
      expect(own.statusCode).toBe(403);
      expect(own.json().code).toBe('auto_approbation');

      const asDirector = await t.as(director, { method: 'GET', url: `${base()}/drafts/${first.id}` });
      expect(asDirector.json().actions).toMatchObject({ approve: true, approveRefusal: null });
      const approved = await decide(director, first.id, {
        revision: 2,
        decision: 'approved',
        comment: 'Parfait.',
      });
      expect(approved.statusCode).toBe(200);
      expect(approved.json()).toMatchObject({
        status: 'approved',
        pendingStep: null,
        approvals: [
          { step: 0, revision: 2, approverId: director.userId, decision: 'approved', comment: 'Parfait.' },
        ],
      });
    });
  });

  describe('approvals', () => {
    async function approvedDraft(): Promise<string> {
      const draft = (await create(cm, draftOf(CAMPAIGN))).json();
      await submit(cm, draft.id, 1);
      const approved = await decide(director, draft.id, { revision: 1, decision: 'approved' });
      expect(approved.json().status).toBe('approved');
      return draft.id;
    }

    it('resets an approval when the text is edited after it, keeping it in the history', async () => {
      const id = await approvedDraft();
      const edited = await put(cm, id, { ...draftOf(`${CAMPAIGN} Venez nombreux !`), revision: 1 });
      expect(edited.statusCode).toBe(200);
      expect(edited.json()).toMatchObject({ status: 'draft', revision: 2, pendingStep: null });
      expect(edited.json().approvals).toEqual([
        expect.objectContaining({ revision: 1, decision: 'approved' }),
      ]);
      await submit(cm, id, 2);
      const again = await t.as(director, { method: 'GET', url: `${base()}/drafts/${id}` });
      expect(again.json()).toMatchObject({ status: 'in_review', pendingStep: { index: 0 } });
    });

    it('refuses the approval of whoever edited the current revision, even with the right role', async () => {
      const draft = (await create(cm, draftOf(CAMPAIGN))).json();
      await put(director, draft.id, { ...draftOf(`${CAMPAIGN} À bientôt !`), revision: 1 });
      await submit(director, draft.id, 2);
      const own = await decide(director, draft.id, { revision: 2, decision: 'approved' });
      expect(own.statusCode).toBe(403);
      expect(own.json().code).toBe('auto_approbation');
      const other = await decide(secondDirector, draft.id, { revision: 2, decision: 'approved' });
      expect(other.json().status).toBe('approved');
    });

    it('sends a draft the guard warns on to the legal service after the director', async () => {
      const draft = (await create(cm, draftOf(SENSITIVE, 'linkedin'))).json();
      expect(draft.variants[0].verdict).toBe('warn');
      const submitted = (await submit(cm, draft.id, 1)).json();
      expect(submitted).toMatchObject({ sensitive: true, pendingStep: { index: 0 } });
      const byLegalTooEarly = await decide(legal, draft.id, { revision: 1, decision: 'approved' });
      expect(byLegalTooEarly.statusCode).toBe(403);
      expect(byLegalTooEarly.json().code).toBe('interdit');
      const first = (await decide(director, draft.id, { revision: 1, decision: 'approved' })).json();
      expect(first).toMatchObject({
        status: 'in_review',
        pendingStep: { index: 1, name: 'Service juridique' },
      });
      const byDirectorAgain = await decide(secondDirector, draft.id, { revision: 1, decision: 'approved' });
      expect(byDirectorAgain.statusCode).toBe(403);
      const last = await decide(legal, draft.id, { revision: 1, decision: 'approved' });
      expect(last.json().status).toBe('approved');
    });

    it('asks for a comment to refuse, then lets the author edit and submit again', async () => {
      const draft = (await create(cm, draftOf(CAMPAIGN))).json();
      await submit(cm, draft.id, 1);
      const bare = await decide(director, draft.id, { revision: 1, decision: 'rejected', comment: '  ' });
      expect(bare.statusCode).toBe(400);
      expect(bare.json().code).toBe('commentaire_requis');
      const rejected = await decide(director, draft.id, {
        revision: 1,
        decision: 'rejected',
        comment: 'Ajoutez le numéro de Tabac info service en début de message.',
      });
      expect(rejected.json()).toMatchObject({ status: 'rejected', actions: { edit: true, submit: true } });
      const edited = await put(cm, draft.id, {
        ...draftOf(`Tabac info service : 39 89. ${CAMPAIGN}`),
        revision: 1,
      });
      expect(edited.json().status).toBe('draft');
      expect((await submit(cm, draft.id, 2)).json().status).toBe('in_review');
    });

    it('refuses a decision on a stale revision and a second decision at the same step', async () => {
      const draft = (await create(cm, draftOf(CAMPAIGN))).json();
      await submit(cm, draft.id, 1);
      const stale = await decide(director, draft.id, { revision: 7, decision: 'approved' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('revision_perimee');
      await decide(director, draft.id, { revision: 1, decision: 'approved' });
      const twice = await decide(secondDirector, draft.id, { revision: 1, decision: 'approved' });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().code).toBe('pas_en_validation');
    });

    it('writes every step to the audit log', async () => {
      const id = await approvedDraft();
      const actions = (
        await t.storage.db
          .selectFrom('audit_log')
          .select(['action'])
          .where('target_id', '=', id)
          .orderBy('seq')
          .execute()
      ).map((row) => row.action);
      expect(actions).toEqual([
        'publishing.draft.create',
        'publishing.draft.submit',
        'publishing.draft.approve',
      ]);
    });
  });

  describe('who may do what', () => {
    it('lets the communication team and legal read, refuses agents (403) and other establishments (404)', async () => {
      for (const user of [admin, director, cm, legal]) {
        expect((await t.as(user, { method: 'GET', url: `${base()}/drafts` })).statusCode).toBe(200);
        expect((await t.as(user, { method: 'GET', url: `${base()}/workflow` })).statusCode).toBe(200);
      }
      for (const path of ['/drafts', '/workflow']) {
        expect((await t.as(agent, { method: 'GET', url: `${base()}${path}` })).statusCode).toBe(403);
        expect((await t.as(outsider, { method: 'GET', url: `${base()}${path}` })).statusCode).toBe(404);
        expect((await t.as(null, { method: 'GET', url: `${base()}${path}` })).statusCode).toBe(401);
      }
    });

    it('lets legal and agents write nothing', async () => {
      const draft = (await create(cm, draftOf(CAMPAIGN))).json();
      for (const user of [legal, agent]) {
        expect((await create(user, draftOf(CAMPAIGN))).statusCode).toBe(403);
        expect((await put(user, draft.id, { ...draftOf(CAMPAIGN), revision: 1 })).statusCode).toBe(403);
        expect((await submit(user, draft.id, 1)).statusCode).toBe(403);
      }
      expect((await decide(agent, draft.id, { revision: 1, decision: 'approved' })).statusCode).toBe(403);
      expect((await create(outsider, draftOf(CAMPAIGN))).statusCode).toBe(404);
    });

    it('answers 404 for a draft of another establishment', async () => {
      const theirs = (
        await t.as(outsider, {
          method: 'POST',
          url: `/api/establishments/${bourg}/publishing/drafts`,
          payload: draftOf(CAMPAIGN),
        })
      ).json();
      expect((await t.as(director, { method: 'GET', url: `${base()}/drafts/${theirs.id}` })).statusCode).toBe(
        404,
      );
      expect((await put(director, theirs.id, { ...draftOf(CAMPAIGN), revision: 1 })).statusCode).toBe(404);
      expect((await decide(director, theirs.id, { revision: 1, decision: 'approved' })).statusCode).toBe(404);
    });

    it('lets only admin and communication change the workflow, and keeps it sound', async () => {
      const steps = [
        { name: 'Direction de la communication', roles: ['communication'], when: 'always' },
        { name: 'Juridique', roles: ['legal'], when: 'always' },
      ];
      for (const user of [cm, legal, agent])
        expect(
          (await t.as(user, { method: 'PUT', url: `${base()}/workflow`, payload: { steps } })).statusCode,
        ).toBe(403);
      const onlySensitive = await t.as(admin, {
        method: 'PUT',
        url: `${base()}/workflow`,
        payload: { steps: [{ name: 'Juridique', roles: ['legal'], when: 'sensitive' }] },
      });
      expect(onlySensitive.statusCode).toBe(400);
      expect(onlySensitive.json()).toMatchObject({ code: 'circuit_invalide' });
      const toAgents = await t.as(admin, {
        method: 'PUT',
        url: `${base()}/workflow`,
        payload: { steps: [{ name: 'Tous', roles: ['agent'], when: 'always' }] },
      });
      expect(toAgents.statusCode).toBe(400);
      const bourgBase = `/api/establishments/${bourg}/publishing`;
      const changed = await t.as(outsider, {
        method: 'PUT',
        url: `${bourgBase}/workflow`,
        payload: { steps },
      });
      expect(changed.json()).toMatchObject({ isDefault: false, canConfigure: true, steps });
      // A draft of Bourg now needs legal's approval too, even when the guard says nothing.
      const other = await t.user({ [bourg]: 'community_manager' });
      const draft = (
        await t.as(other, { method: 'POST', url: `${bourgBase}/drafts`, payload: draftOf(CAMPAIGN) })
      ).json();
      await t.as(other, {
        method: 'POST',
        url: `${bourgBase}/drafts/${draft.id}/submit`,
        payload: { revision: 1 },
      });
      const first = await t.as(outsider, {
        method: 'POST',
        url: `${bourgBase}/drafts/${draft.id}/decisions`,
        payload: { revision: 1, decision: 'approved' },
      });
      expect(first.json()).toMatchObject({
        status: 'in_review',
        pendingStep: { index: 1, name: 'Juridique' },
      });
    });
  });

  describe('bad input', () => {
    it('refuses unknown and repeated networks, and titles where the network has none, field by field', async () => {
      const response = await create(cm, {
        title: 'Essai',
        variants: [
          { network: 'myspace', text: CAMPAIGN },
          { network: 'x', text: CAMPAIGN },
          { network: 'x', text: CAMPAIGN },
          { network: 'facebook', text: CAMPAIGN, title: 'Un titre' },
        ],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'variantes_invalides',
        errors: [
          { field: 'variants.0.network', message: 'réseau inconnu' },
          { field: 'variants.2.network', message: 'réseau en double' },
          { field: 'variants.3.title', message: 'ce réseau n’a pas de titre' },
        ],
      });
    });

    it('refuses NUL characters, empty titles, no variant and unknown fields with a French 400', async () => {
      for (const payload of [
        draftOf('abc\u0000def'),
        { title: '   ', variants: [{ network: 'x', text: CAMPAIGN }] },
        { title: 'Vide', variants: [] },
        { ...draftOf(CAMPAIGN), extra: true },
        { title: 'Long', variants: [{ network: 'facebook', text: 'a'.repeat(65_001) }] },
      ]) {
        const response = await create(cm, payload);
        expect(response.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
    });

    it('saves a variant longer than its network allows, shows the count, and refuses to submit it', async () => {
      const long = `${CAMPAIGN} ${'Arrêter de fumer, c’est possible. '.repeat(10)}`;
      const draft = (
        await create(cm, {
          title: 'Trop long',
          variants: [
            { network: 'x', text: long },
            { network: 'youtube', text: CAMPAIGN },
          ],
        })
      ).json();
      const x = draft.variants.find((v: { network: string }) => v.network === 'x');
      expect(x.limits[0]).toMatchObject({ unit: 'x-weighted', max: 280, over: true });
      const refused = await submit(cm, draft.id, 1);
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({
        code: 'limites_depassees',
        errors: expect.arrayContaining([
          expect.objectContaining({ field: 'x.text' }),
          { field: 'youtube.title', message: 'titre requis' },
        ]),
      });
    });

    it('refuses an edit on a stale revision, so that two editors never overwrite each other', async () => {
      const draft = (await create(cm, draftOf(CAMPAIGN))).json();
      expect((await put(director, draft.id, { ...draftOf(`${CAMPAIGN} !`), revision: 1 })).statusCode).toBe(
        200,
      );
      const late = await put(cm, draft.id, { ...draftOf(`${CAMPAIGN} ?`), revision: 1 });
      expect(late.statusCode).toBe(409);
      expect(late.json().code).toBe('revision_perimee');
    });

    it('pages the list with a cursor and refuses a forged one', async () => {
      const first = await t.as(legal, { method: 'GET', url: `${base()}/drafts?limit=2` });
      expect(first.json().items).toHaveLength(2);
      const cursor = first.json().nextCursor;
      expect(cursor).toEqual(expect.any(String));
      const second = await t.as(legal, { method: 'GET', url: `${base()}/drafts?limit=2&cursor=${cursor}` });
      const ids = [...first.json().items, ...second.json().items].map((d: { id: string }) => d.id);
      expect(new Set(ids).size).toBe(ids.length);
      const forged = await t.as(legal, { method: 'GET', url: `${base()}/drafts?cursor=bm9wZQ` });
      expect(forged.statusCode).toBe(400);
      expect(forged.json().code).toBe('curseur_invalide');
      const tooMany = await t.as(legal, { method: 'GET', url: `${base()}/drafts?limit=1000` });
      expect(tooMany.statusCode).toBe(400);
    });
  });
});
