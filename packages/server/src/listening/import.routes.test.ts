import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../evidence/test-kit.js';
import { createTestApp, type SignedIn, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';
import { addTestTerm } from './test-kit.js';
import { termsChanged } from './watch-terms/matcher-cache.js';

const CSV = [
  'Date;Heure;Auteur;Abonnés;Réseau;Texte;Lien',
  '01/11/2026;14:30;@marie_l;1200;Twitter;Encore 3 heures d’attente aux urgences du CHU de Valmont;https://x.example/marie_l/status/1',
  '01/11/2026;15:00;@paul;10;Facebook;Belle journée à la plage;https://facebook.example/paul/posts/2',
  'pas une date;15:00;@jo;10;Facebook;Le CHU de Valmont recrute;https://facebook.example/jo/posts/3',
  '01/11/2026;16:00;@lea;5;Facebook;Merci au CHU de Valmont !;https://facebook.example/lea/posts/4?utm_source=export',
].join('\n');

describe.each(DIALECTS)('POST /listening/import on %s', (dialect) => {
  let t: TestApp;
  let valmont: string;
  let communication: SignedIn;
  const send = (user: SignedIn | null, parts: Parameters<typeof multipart>[0]) => {
    const { payload, headers } = multipart(parts);
    return t.as(user, {
      method: 'POST',
      url: `/api/establishments/${valmont}/listening/import`,
      payload,
      headers,
    });
  };
  const file = (content: string, fileName = 'export.csv') => ({
    name: 'file',
    value: Buffer.from(content),
    fileName,
  });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    valmont = await t.establishment('CHU de Valmont');
    communication = await t.user({ [valmont]: 'communication' });
    await addTestTerm(t.storage.db, valmont, 'CHU de Valmont');
    termsChanged(t.context);
  });
  afterAll(async () => t.close());

  it('imports what concerns the establishment, once, and says what it did with each row', async () => {
    const first = await send(communication, [file(CSV)]);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      received: 4,
      stored: 2,
      duplicates: 0,
      unmatched: 1,
      rejected: [{ line: 4, message: expect.stringMatching(/^ligne 4 : /) }],
    });
    const again = await send(communication, [{ name: 'format', value: 'csv' }, file(CSV, 'sans-extension')]);
    expect(again.json()).toMatchObject({ received: 4, stored: 0, duplicates: 2 });
    const mentions = await t.as(communication, {
      method: 'GET',
      url: `/api/establishments/${valmont}/listening/mentions?source=import`,
    });
    expect(mentions.json().items).toHaveLength(2);
    const audit = await t.storage.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'listening.import')
      .execute();
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({
      fileName: 'export.csv',
      stored: 2,
      rejected: 1,
    });
    expect(audit[0]?.detail).not.toContain('attente');
  });

  it('refuses the reading roles, agents and other establishments', async () => {
    for (const role of ['legal', 'agent'] as const) {
      const user = await t.user({ [valmont]: role });
      expect((await send(user, [file(CSV)])).statusCode).toBe(403);
    }
    const cm = await t.user({ [valmont]: 'community_manager' });
    expect((await send(cm, [file(CSV)])).statusCode).toBe(200);
    const outsider = await t.user({ [await t.establishment('Ailleurs')]: 'admin' });
    expect((await send(outsider, [file(CSV)])).statusCode).toBe(404);
  });

  it('refuses files it cannot read, in French', async () => {
    const noFile = await send(communication, [{ name: 'format', value: 'csv' }]);
    expect(noFile.json()).toMatchObject({ status: 400, code: 'fichier_manquant' });
    const noFormat = await send(communication, [file(CSV, 'export.txt')]);
    expect(noFormat.json()).toMatchObject({
      status: 400,
      code: 'import_invalide',
      detail: expect.stringContaining('format'),
    });
    const noHeader = await send(communication, [file('a;b\n1;2\n')]);
    expect(noHeader.json()).toMatchObject({ status: 400, code: 'en_tete_introuvable' });
    const badJson = await send(communication, [file('[\n  {"texte": "Le CHU de Valmont",\n', 'export.json')]);
    expect(badJson.json()).toMatchObject({ status: 400, code: 'json_invalide' });
    const badZone = await send(communication, [{ name: 'timeZone', value: 'Mars/Olympus' }, file(CSV)]);
    expect(badZone.json()).toMatchObject({ status: 400, code: 'import_invalide' });
    const unknown = await send(communication, [{ name: 'couleur', value: 'bleu' }, file(CSV)]);
    expect(unknown.json()).toMatchObject({ status: 400, code: 'champ_inconnu' });
    const two = await send(communication, [file(CSV), file(CSV)]);
    expect(two.json()).toMatchObject({ status: 400, code: 'fichier_en_trop' });
    const json = await t.as(communication, {
      method: 'POST',
      url: `/api/establishments/${valmont}/listening/import`,
      payload: { file: CSV },
    });
    expect(json.statusCode).toBe(415);
  });
});
