import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';
import { type FilePart, multipartBody, PNG_BYTES } from './multipart-body.js';
import { FIELD_MESSAGES } from './report-form.js';

const GOOD = { url: 'https://www.facebook.com/groups/g/posts/1', network: 'facebook' };
const DESCRIPTION = 'Story vue hier soir : photo d’un patient dans le couloir des urgences.';
const SCREENSHOT: FilePart = { name: 'story.png', bytes: PNG_BYTES, type: 'image/png' };

describe.each(DIALECTS)('report form errors, one French sentence per field, on %s', (dialect) => {
  let t: TestApp;
  let establishment: string;
  let agent: SignedIn;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    establishment = await t.establishment();
    agent = await t.user({ [establishment]: 'agent' });
  });
  afterAll(async () => t.close());

  const file = (fields: Record<string, string>, files: FilePart[] = []) => {
    const body = multipartBody(fields, files);
    return t.as(agent, {
      method: 'POST',
      url: `/api/establishments/${establishment}/reports`,
      payload: body.payload,
      headers: body.headers,
    });
  };

  it.each<[string, Record<string, string>, FilePart[], Array<[string, string]>]>([
    [
      'a link that is not a web address',
      { ...GOOD, url: 'facebook.com/groupe' },
      [],
      [['url', FIELD_MESSAGES.urlInvalid]],
    ],
    [
      'a link with credentials',
      { ...GOOD, url: 'https://moi:secret@a.fr/' },
      [],
      [['url', FIELD_MESSAGES.urlInvalid]],
    ],
    [
      'a link too long',
      { ...GOOD, url: `https://a.fr/${'a'.repeat(2_040)}` },
      [],
      [['url', FIELD_MESSAGES.urlTooLong]],
    ],
    [
      'a link with a direction override',
      { ...GOOD, url: 'https://a.fr/\u202Egpj.exe' },
      [],
      [['url', FIELD_MESSAGES.unsafe]],
    ],
    ['no network', { url: GOOD.url }, [], [['network', FIELD_MESSAGES.network]]],
    ['an unknown network', { ...GOOD, network: 'myspace' }, [], [['network', FIELD_MESSAGES.network]]],
    [
      'an excerpt too long',
      { ...GOOD, excerpt: 'x'.repeat(5_001) },
      [],
      [['excerpt', FIELD_MESSAGES.tooLong(5_000)]],
    ],
    [
      'a place too long',
      { ...GOOD, seen_where: 'x'.repeat(501) },
      [],
      [['seen_where', FIELD_MESSAGES.tooLong(500)]],
    ],
    ['a note too long', { ...GOOD, note: 'x'.repeat(2_001) }, [], [['note', FIELD_MESSAGES.tooLong(2_000)]]],
    [
      'a date that is not one',
      { ...GOOD, first_published_at: 'hier' },
      [],
      [['first_published_at', FIELD_MESSAGES.dateInvalid]],
    ],
    [
      'a date in the future',
      { ...GOOD, first_published_at: '2026-12-25' },
      [],
      [['first_published_at', FIELD_MESSAGES.dateFuture]],
    ],
    ['a bad anonymous flag', { ...GOOD, anonymous: 'oui' }, [], [['anonymous', FIELD_MESSAGES.anonymous]]],
    [
      'no link, no description, no screenshot',
      { network: 'instagram' },
      [],
      [
        ['excerpt', FIELD_MESSAGES.descriptionWithoutLink],
        ['screenshots', FIELD_MESSAGES.screenshotWithoutLink],
      ],
    ],
    [
      'no link and a short description',
      { network: 'instagram', note: 'Une story.' },
      [SCREENSHOT],
      [['excerpt', FIELD_MESSAGES.descriptionWithoutLink]],
    ],
    [
      'no link and no screenshot',
      { network: 'instagram', excerpt: DESCRIPTION },
      [],
      [['screenshots', FIELD_MESSAGES.screenshotWithoutLink]],
    ],
    [
      'several wrong fields at once',
      { url: 'pas un lien', network: 'myspace', first_published_at: 'hier' },
      [],
      [
        ['url', FIELD_MESSAGES.urlInvalid],
        ['network', FIELD_MESSAGES.network],
        ['first_published_at', FIELD_MESSAGES.dateInvalid],
      ],
    ],
  ])('refuses %s, naming each field in French', async (_, fields, files, expected) => {
    const response = await file(fields, files);
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.code).toBe('donnees_invalides');
    expect(problem.errors.map((e: { field: string; message: string }) => [e.field, e.message])).toEqual(
      expected,
    );
    expect(problem.detail).toBe(`Signalement à corriger : ${expected[0]?.[1]}`);
    // Not zod's wording.
    expect(response.body).not.toMatch(/Invalid|expected|Too big|string/);
  });

  it('states the form’s limits to anyone, for the form to show them', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/reports/form-limits' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      maxScreenshots: 5,
      maxFileBytes: t.context.config.maxFileBytes,
      minDescriptionWithoutLink: 20,
    });
  });

  it('names the screenshot field when a file is not an image', async () => {
    const response = await file(GOOD, [
      { name: 'page.png', bytes: Buffer.from('<html>'), type: 'image/png' },
    ]);
    expect(response.statusCode).toBe(415);
    expect(response.json().errors).toEqual([
      {
        field: 'screenshots',
        message: 'La capture n° 1 n’est pas une image PNG, JPEG ou WebP.',
        code: 'capture_refusee',
      },
    ]);
  });

  it('files a report without a link when a description and a screenshot say what was seen', async () => {
    const response = await file(
      { network: 'instagram', excerpt: DESCRIPTION, seen_where: 'Story Instagram' },
      [SCREENSHOT],
    );
    expect(response.statusCode).toBe(201);
    const row = await t.storage.db
      .selectFrom('reports')
      .select(['url', 'excerpt'])
      .where('id', '=', response.json().reportId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ url: '', excerpt: DESCRIPTION });
    const evidence = await t.storage.db
      .selectFrom('evidence')
      .innerJoin('incidents', 'incidents.id', 'evidence.incident_id')
      .select('evidence.source_url')
      .where('incidents.report_id', '=', response.json().reportId)
      .executeTakeFirstOrThrow();
    expect(evidence.source_url).toBeNull();
  });
});
