import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpDatabase, occurrences } from '../checks/database-dump.js';
import type { Role } from '../db/schema.js';
import { createTestApp, type SignedIn, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';
import {
  type FilePart,
  formDataBody,
  HTML_BYTES,
  JPEG_BYTES,
  type MultipartBody,
  multipartBody,
  PNG_BYTES,
  SVG_BYTES,
  WEBP_BYTES,
} from './multipart-body.js';
import { parseReportForm } from './report-form.js';

const FIELDS = {
  url: 'https://www.facebook.com/groups/valmont/posts/123',
  network: 'facebook',
  excerpt: 'Les infirmières des urgences sont des incapables, honte à ce CHU !',
  seen_where: 'Groupe « Tu sais que tu viens de Valmont »',
  note: 'Publié hier soir, déjà 40 commentaires.',
  first_published_at: '2026-11-01',
};

describe.each(DIALECTS)('reports on %s', (dialect) => {
  let t: TestApp;
  let establishment: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    establishment = await t.establishment();
  });
  afterAll(async () => t.close());

  const send = (user: SignedIn | null, body: MultipartBody, id = establishment) =>
    t.as(user, {
      method: 'POST',
      url: `/api/establishments/${id}/reports`,
      payload: body.payload,
      headers: body.headers,
    });
  const report = (
    user: SignedIn | null,
    fields: Record<string, string>,
    files: FilePart[] = [],
    id = establishment,
  ) => send(user, multipartBody(fields, files), id);

  async function counts() {
    const count = async (table: 'reports' | 'report_files' | 'incidents' | 'audit_log' | 'incident_events') =>
      Number(
        (
          await t.storage.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number | string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      reports: await count('reports'),
      files: await count('report_files'),
      incidents: await count('incidents'),
      events: await count('incident_events'),
      audit: await count('audit_log'),
    };
  }

  it('files a signed report with screenshots, opens its incident and audits it, in one go', async () => {
    const agent = await t.user({ [establishment]: 'agent' });
    const before = await counts();
    const response = await send(
      agent,
      await formDataBody(FIELDS, [
        { name: 'capture 1.png', bytes: PNG_BYTES, type: 'image/png' },
        { name: 'IMG_0042.JPG', bytes: JPEG_BYTES, type: 'image/jpeg' },
        { name: 'story.webp', bytes: WEBP_BYTES, type: 'image/webp' },
      ]),
    );
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.incidentReference).toMatch(/^INC-2026-\d{4}$/);
    expect(body.receivedAt).toBe('2026-11-02T09:00:00.000Z');
    expect(body.acknowledgement).toMatch(/Ne répondez pas vous-même/);
    expect(body.followUpCode).toBeUndefined();

    const row = await t.storage.db
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', body.reportId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      establishment_id: establishment,
      reporter_id: agent.userId,
      follow_up_hash: null,
      url: FIELDS.url,
      network: 'facebook',
      excerpt: FIELDS.excerpt,
      seen_where: FIELDS.seen_where,
      note: FIELDS.note,
      first_published_at: '2026-11-01T00:00:00.000Z',
    });
    const files = await t.storage.db
      .selectFrom('report_files')
      .selectAll()
      .where('report_id', '=', body.reportId)
      .orderBy('file_name')
      .execute();
    expect(files.map((f) => [f.file_name, f.media_type])).toEqual([
      ['IMG_0042.jpg', 'image/jpeg'],
      ['capture 1.png', 'image/png'],
      ['story.webp', 'image/webp'],
    ]);
    // Stored re-encoded without metadata: the hash is the stored bytes' own.
    for (const file of files) {
      expect(file.size).toBe(file.content.length);
      expect(file.sha256).toBe(createHash('sha256').update(file.content).digest('hex'));
    }

    const incident = await t.storage.db
      .selectFrom('incidents')
      .selectAll()
      .where('report_id', '=', body.reportId)
      .executeTakeFirstOrThrow();
    expect(incident.reference).toBe(body.incidentReference);
    expect(incident.establishment_id).toBe(establishment);

    const audit = await t.storage.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'report.create')
      .where('target_id', '=', body.reportId)
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(agent.userId);
    expect(audit.establishment_id).toBe(establishment);
    expect(JSON.parse(audit.detail)).toMatchObject({ screenshots: 3, anonymous: false });
    expect(audit.detail).not.toContain('incapables');

    const after = await counts();
    expect(after.reports - before.reports).toBe(1);
    expect(after.files - before.files).toBe(3);
    expect(after.incidents - before.incidents).toBe(1);
  });

  it('files an anonymous report that nothing links to its sender, audit log included', async () => {
    const other = establishment;
    const agent = await t.user({ [other]: 'agent' });
    const identity = ['users', 'memberships', 'sessions'];
    const before = await dumpDatabase(t.storage);

    const response = await report(
      agent,
      { ...FIELDS, anonymous: 'true' },
      [{ name: 'a.png', bytes: PNG_BYTES }],
      other,
    );
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.followUpCode).toMatch(/^[A-Z0-9-]{39}$/);
    expect(body.acknowledgement).toMatch(/code de suivi/);

    const after = await dumpDatabase(t.storage);
    // The sender's id is only where it was before the report: in the accounts' own tables.
    const found = occurrences(after, agent.userId).map((hit) => hit.split(':')[0]);
    expect(new Set(found)).toEqual(new Set(identity));
    for (const table of identity) expect(after.get(table)).toEqual(before.get(table));
    // …and neither their e-mail nor the follow-up code is anywhere.
    expect(occurrences(after, agent.email).every((hit) => hit.startsWith('users:'))).toBe(true);
    expect(occurrences(after, body.followUpCode)).toEqual([]);
    expect(occurrences(after, body.followUpCode.replaceAll('-', ''))).toEqual([]);

    const row = await t.storage.db
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', body.reportId)
      .executeTakeFirstOrThrow();
    expect(row.reporter_id).toBeNull();
    expect(row.follow_up_hash).toBe(
      createHash('sha256').update(body.followUpCode.replaceAll('-', '')).digest('hex'),
    );
    const audit = await t.storage.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target_id', '=', body.reportId)
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBeNull();

    // Not among « my reports » either.
    const mine = await t.as(agent, { method: 'GET', url: `/api/establishments/${other}/reports/mine` });
    expect(mine.json()).toEqual({ reports: [] });
  });

  it('follows a report by its code, without a session, showing a plain outcome only', async () => {
    const agent = await t.user({ [establishment]: 'agent' });
    const filed = (await report(agent, { ...FIELDS, anonymous: 'true' })).json();
    const follow = (code: string) =>
      t.app.inject({ method: 'POST', url: '/api/reports/follow-up', payload: { code } });

    const fresh = await follow(filed.followUpCode);
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json()).toEqual({
      reportId: filed.reportId,
      url: FIELDS.url,
      network: 'facebook',
      createdAt: filed.receivedAt,
      incidentReference: filed.incidentReference,
      status: 'new',
      statusLabel: expect.any(String),
      outcome: 'Votre signalement a bien été reçu : le service communication va l’examiner.',
    });
    // Typed by hand: lower case, spaces instead of dashes.
    expect((await follow(filed.followUpCode.toLowerCase().replaceAll('-', ' '))).statusCode).toBe(200);

    await t.storage.db
      .updateTable('incidents')
      .set({
        status: 'decided',
        decisions: JSON.stringify([
          { kind: 'monitor', comment: 'Commentaire interne confidentiel', by: agent.userId },
          { kind: 'report_to_platform', evidenceId: 'preuve-secrete' },
          { kind: 'Pas un identifiant <b>' },
        ]),
      })
      .where('report_id', '=', filed.reportId)
      .execute();
    const decided = await follow(filed.followUpCode);
    expect(decided.json()).toMatchObject({
      status: 'decided',
      outcome: expect.stringMatching(/s’en occupe/),
    });
    expect(decided.body).not.toContain('monitor');
    expect(decided.body).not.toContain('report_to_platform');
    expect(decided.body).not.toContain('confidentiel');
    expect(decided.body).not.toContain('preuve-secrete');
    expect(decided.body).not.toContain(agent.userId);

    for (const code of ['AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', '---', "' or 1=1 --"]) {
      const unknown = await follow(code);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().detail).toBe('Aucun signalement ne correspond à ce code.');
    }
    expect((await follow('x'.repeat(101))).statusCode).toBe(400);
  });

  it('lists a reporter’s own signed reports, and only theirs', async () => {
    // Reports in one establishment (incident references are per establishment); `me` also
    // belongs to a second one, where the list must stay empty.
    const place = establishment;
    const secondPlace = await t.establishment('CH de Mine');
    const me = await t.user({ [place]: 'agent', [secondPlace]: 'legal' });
    const colleague = await t.user({ [place]: 'agent' });
    const first = (await report(me, { url: 'https://x.com/a/status/1', network: 'x' }, [], place)).json();
    t.clock.advance(60_000);
    const second = (
      await report(me, { url: 'https://www.tiktok.com/@b/video/2', network: 'tiktok' }, [], place)
    ).json();
    t.clock.advance(-60_000);
    await report(colleague, { url: 'https://x.com/c/status/3', network: 'x' }, [], place);
    await report(me, { url: 'https://x.com/d/status/4', network: 'x', anonymous: 'true' }, [], place);

    const mine = await t.as(me, { method: 'GET', url: `/api/establishments/${place}/reports/mine` });
    expect(mine.statusCode).toBe(200);
    const reports = mine.json().reports;
    expect(reports.map((r: { reportId: string }) => r.reportId)).toEqual([second.reportId, first.reportId]);
    expect(reports[0]).toMatchObject({
      url: 'https://www.tiktok.com/@b/video/2',
      network: 'tiktok',
      incidentReference: second.incidentReference,
      status: 'new',
      outcome: expect.any(String),
    });
    const elsewhere = await t.as(me, {
      method: 'GET',
      url: `/api/establishments/${secondPlace}/reports/mine`,
    });
    expect(elsewhere.json()).toEqual({ reports: [] });
    expect(Object.keys(reports[0]).sort()).toEqual(
      [
        'createdAt',
        'outcome',
        'incidentReference',
        'network',
        'reportId',
        'status',
        'statusLabel',
        'url',
      ].sort(),
    );
  });

  it('decides the type from the bytes: forged images are refused and nothing is stored', async () => {
    const agent = await t.user({ [establishment]: 'agent' });
    const before = await counts();
    const forged: FilePart[][] = [
      [{ name: 'photo.png', bytes: HTML_BYTES, type: 'image/png' }],
      [{ name: 'logo.svg', bytes: SVG_BYTES, type: 'image/svg+xml' }],
      [{ name: 'logo.png', bytes: SVG_BYTES, type: 'image/png' }],
      [{ name: 'empty.png', bytes: Buffer.alloc(0), type: 'image/png' }],
      // One good file does not carry a bad one.
      [
        { name: 'ok.png', bytes: PNG_BYTES, type: 'image/png' },
        { name: 'bad.jpg', bytes: Buffer.from('MZ\x90\x00 executable'), type: 'image/jpeg' },
      ],
    ];
    for (const files of forged) {
      const response = await report(agent, FIELDS, files);
      expect(response.statusCode).toBe(415);
      expect(response.json().code).toBe('type_de_fichier_refuse');
    }
    expect(await counts()).toEqual(before);

    // Real JPEG bytes claimed as a GIF: stored as what they are.
    const response = await report(agent, FIELDS, [
      { name: 'anim.gif', bytes: JPEG_BYTES, type: 'image/gif' },
    ]);
    expect(response.statusCode).toBe(201);
    const file = await t.storage.db
      .selectFrom('report_files')
      .selectAll()
      .where('report_id', '=', response.json().reportId)
      .executeTakeFirstOrThrow();
    expect([file.file_name, file.media_type]).toEqual(['anim.jpg', 'image/jpeg']);
  });

  it('sanitises file names: paths, NUL and bidirectional tricks', async () => {
    const agent = await t.user({ [establishment]: 'agent' });
    const names = [
      '../../etc/passwd.png',
      'C:\\x\\y.png',
      'evil\u0000.html.png',
      'doc\u202Egnp.exe',
      '....',
      `${'a'.repeat(300)}.png`,
    ];
    const response = await report(
      agent,
      FIELDS,
      names.slice(0, 5).map((name) => ({ name, bytes: PNG_BYTES, type: 'image/png' })),
    );
    expect(response.statusCode).toBe(201);
    const long = await report(agent, FIELDS, [{ name: names[5] as string, bytes: PNG_BYTES }]);
    expect(long.statusCode).toBe(201);
    const stored = await t.storage.db
      .selectFrom('report_files')
      .select(['report_id', 'file_name'])
      .where('report_id', 'in', [response.json().reportId, long.json().reportId])
      .execute();
    const fileNames = stored.map((f) => f.file_name);
    expect(fileNames).toEqual(
      expect.arrayContaining(['passwd.png', 'y.png', 'evil.html.png', 'docgnp.png', 'capture-5.png']),
    );
    for (const name of fileNames) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for controls on purpose
      expect(name).not.toMatch(/[/\\\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
      expect(name.length).toBeLessThanOrEqual(100);
    }
  });

  it('keeps none of the sender’s file names in an anonymous report: capture-N with the real type', async () => {
    const agent = await t.user({ [establishment]: 'agent' });
    const response = await report(agent, { ...FIELDS, anonymous: 'true' }, [
      { name: 'Capture d’écran 2026-11-02 à 10.15.23.png', bytes: PNG_BYTES, type: 'image/png' },
      { name: 'jdupont_IMG.png', bytes: JPEG_BYTES, type: 'image/png' },
      { name: 'C:\\Users\\jdupont\\photo.webp', bytes: WEBP_BYTES },
    ]);
    expect(response.statusCode).toBe(201);
    const stored = await t.storage.db
      .selectFrom('report_files')
      .select(['file_name', 'media_type'])
      .where('report_id', '=', response.json().reportId)
      .orderBy('file_name')
      .execute();
    expect(stored).toEqual([
      { file_name: 'capture-1.png', media_type: 'image/png' },
      { file_name: 'capture-2.jpg', media_type: 'image/jpeg' },
      { file_name: 'capture-3.webp', media_type: 'image/webp' },
    ]);
    const dump = JSON.stringify(await dumpDatabase(t.storage));
    expect(dump).not.toContain('jdupont');
    expect(dump).not.toContain('10.15.23');
    // A signed report keeps the name, which helps the desk.
    const signed = await report(agent, FIELDS, [{ name: 'jdupont_IMG.png', bytes: PNG_BYTES }]);
    const named = await t.storage.db
      .selectFrom('report_files')
      .select('file_name')
      .where('report_id', '=', signed.json().reportId)
      .executeTakeFirstOrThrow();
    expect(named.file_name).toBe('jdupont_IMG.png');
  });

  it('refuses NUL and lone surrogates in the text fields with a French 400, storing nothing', async () => {
    const agent = await t.user({ [establishment]: 'agent' });
    const before = await counts();
    const cases: Array<Record<string, string>> = [
      { ...FIELDS, excerpt: 'avant\u0000après' },
      { ...FIELDS, seen_where: '\u0000' },
      { ...FIELDS, note: 'note \u0000' },
    ];
    for (const fields of cases) {
      const response = await report(agent, fields);
      expect(response.statusCode).toBe(400);
      expect(response.json().detail).toContain('caractère interdit');
    }
    // Lone surrogates cannot cross a UTF-8 multipart body: the schema is checked directly.
    const now = new Date('2026-11-02T10:00:00Z');
    for (const field of ['excerpt', 'seen_where', 'note', 'url'] as const) {
      const value = field === 'url' ? 'https://a.fr/\ud800' : 'texte \udc00';
      expect(() => parseReportForm({ ...FIELDS, [field]: value }, now)).toThrow(/caractère interdit/);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses an oversize file with a 413 and stores nothing', async () => {
    const agent = await t.user({ [establishment]: 'agent' });
    const before = await counts();
    const huge = Buffer.concat([PNG_BYTES, Buffer.alloc(t.context.config.maxFileBytes)]);
    const response = await report(agent, FIELDS, [
      { name: 'ok.png', bytes: PNG_BYTES },
      { name: 'huge.png', bytes: huge },
    ]);
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('fichier_trop_volumineux');
    expect(await counts()).toEqual(before);
  });

  it('refuses more than five screenshots with a 413 and stores nothing', async () => {
    const agent = await t.user({ [establishment]: 'agent' });
    const before = await counts();
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `c${i}.png`, bytes: PNG_BYTES }));
    const response = await report(agent, FIELDS, six);
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('trop_de_fichiers');
    expect(await counts()).toEqual(before);
    expect((await report(agent, FIELDS, six.slice(0, 5))).statusCode).toBe(201);
  });

  it('refuses bad fields with a French 4xx naming them, and stores nothing', async () => {
    const agent = await t.user({ [establishment]: 'agent' });
    const before = await counts();
    const cases: [Record<string, string>, number, string][] = [
      [{ network: 'facebook' }, 400, 'excerpt'],
      [{ ...FIELDS, url: 'javascript:alert(1)' }, 400, 'url'],
      [{ ...FIELDS, url: 'ftp://example.org/x' }, 400, 'url'],
      [{ ...FIELDS, url: 'https://user:secret@example.org/x' }, 400, 'url'],
      [{ ...FIELDS, url: 'https://token@example.org/x' }, 400, 'url'],
      [{ ...FIELDS, url: 'pas une adresse' }, 400, 'url'],
      [{ ...FIELDS, url: `https://example.org/${'a'.repeat(2_030)}` }, 400, 'url'],
      [{ ...FIELDS, network: 'myspace' }, 400, 'network'],
      [{ url: FIELDS.url }, 400, 'network'],
      [{ ...FIELDS, excerpt: 'x'.repeat(5_001) }, 400, 'excerpt'],
      [{ ...FIELDS, seen_where: 'x'.repeat(501) }, 400, 'seen_where'],
      [{ ...FIELDS, note: 'x'.repeat(2_001) }, 400, 'note'],
      [{ ...FIELDS, first_published_at: '2026-11-03' }, 400, 'first_published_at'],
      [{ ...FIELDS, first_published_at: '2026-11-02T10:00:00+00:00' }, 400, 'first_published_at'],
      [{ ...FIELDS, first_published_at: 'hier' }, 400, 'first_published_at'],
      [{ ...FIELDS, anonymous: 'oui' }, 400, 'anonymous'],
      [{ ...FIELDS, reporter_id: 'quelqu’un' }, 400, ''],
    ];
    for (const [fields, status, field] of cases) {
      const response = await report(agent, fields);
      expect(response.statusCode, JSON.stringify(fields).slice(0, 120)).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      if (field !== '') expect(response.json().errors?.[0]?.field).toBe(field);
      expect(response.json().detail).toMatch(/[a-zé]/);
    }
    // A file in another field, a repeated field, a JSON body, a huge value.
    const stray = await report(agent, FIELDS, [{ name: 'a.png', bytes: PNG_BYTES, field: 'avatar' }]);
    expect(stray.statusCode).toBe(400);
    const repeated = multipartBody(FIELDS);
    const twice = Buffer.concat([
      Buffer.from(
        `------blouse-test-boundary-7f3a9c\r\nContent-Disposition: form-data; name="url"\r\n\r\nhttps://a.example/\r\n`,
      ),
      repeated.payload,
    ]);
    expect((await send(agent, { payload: twice, headers: repeated.headers })).statusCode).toBe(400);
    const json = await t.as(agent, {
      method: 'POST',
      url: `/api/establishments/${establishment}/reports`,
      payload: FIELDS,
    });
    expect(json.statusCode).toBe(415);
    const huge = await report(agent, { ...FIELDS, note: 'x'.repeat(70_000) });
    expect(huge.statusCode).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it('stores SQL and HTML verbatim and returns them as JSON data', async () => {
    const agent = await t.user({ [establishment]: 'agent' });
    const hostile = {
      url: "https://example.org/?q=');drop%20table%20reports;--&x=<script>alert(1)</script>",
      network: 'forum',
      excerpt: "Robert'); DROP TABLE reports;-- <img src=x onerror=alert(1)>",
      seen_where: '<iframe src="https://evil.example"></iframe>',
      note: "' OR '1'='1",
    };
    const response = await report(agent, hostile);
    expect(response.statusCode).toBe(201);
    const row = await t.storage.db
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', response.json().reportId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject(hostile);
    const mine = await t.as(agent, {
      method: 'GET',
      url: `/api/establishments/${establishment}/reports/mine`,
    });
    expect(mine.headers['content-type']).toContain('application/json');
    expect(mine.json().reports[0].url).toBe(hostile.url);
  });

  it.each<Role>(['admin', 'communication', 'community_manager', 'legal', 'agent'])(
    'lets a %s report',
    async (role) => {
      const user = await t.user({ [establishment]: role });
      expect((await report(user, FIELDS)).statusCode).toBe(201);
    },
  );

  it('hides another establishment (404) and asks for a session (401), storing nothing', async () => {
    const elsewhere = await t.establishment('Ailleurs');
    const outsider = await t.user({ [elsewhere]: 'communication' });
    const before = await counts();
    expect((await report(outsider, FIELDS)).statusCode).toBe(404);
    expect((await report(null, FIELDS)).statusCode).toBe(401);
    expect(
      (await t.as(outsider, { method: 'GET', url: `/api/establishments/${establishment}/reports/mine` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.as(null, { method: 'GET', url: `/api/establishments/${establishment}/reports/mine` }))
        .statusCode,
    ).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('documents its routes in the OpenAPI description', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/establishments/{establishmentId}/reports',
        '/api/establishments/{establishmentId}/reports/mine',
        '/api/reports/follow-up',
        '/api/establishments/{establishmentId}/reports/{reportId}/files/{fileId}',
        '/api/establishments/{establishmentId}/checks',
        '/api/establishments/{establishmentId}/checks/stats',
      ]),
    );
    expect(document.paths['/api/establishments/{establishmentId}/reports'].post.tags).toEqual([
      'signalements',
    ]);
  });

  describe('screenshots for the desk', () => {
    let reportId: string;
    let fileId: string;
    beforeAll(async () => {
      const agent = await t.user({ [establishment]: 'agent' });
      const filed = await report(agent, FIELDS, [
        { name: '../<b>capture</b>\r\n.png', bytes: PNG_BYTES, type: 'text/html' },
      ]);
      reportId = filed.json().reportId;
      const file = await t.storage.db
        .selectFrom('report_files')
        .select('id')
        .where('report_id', '=', reportId)
        .executeTakeFirstOrThrow();
      fileId = file.id;
    });
    const url = (id = establishment, report = reportId, file = fileId) =>
      `/api/establishments/${id}/reports/${report}/files/${file}`;

    it.each<[Role, number]>([
      ['communication', 200],
      ['community_manager', 200],
      ['legal', 200],
      ['admin', 403],
      ['agent', 403],
    ])('for a %s: %i', async (role, status) => {
      const user = await t.user({ [establishment]: role });
      const response = await t.as(user, { method: 'GET', url: url() });
      expect(response.statusCode).toBe(status);
      if (status !== 200) return;
      expect(response.headers['content-type']).toBe('image/png');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="[^"\r\n]+"; filename\*=UTF-8''/,
      );
      expect(response.headers['content-disposition']).not.toMatch(/[<>\r\n]/);
      const stored = await t.storage.db
        .selectFrom('report_files')
        .select('content')
        .where('id', '=', fileId)
        .executeTakeFirstOrThrow();
      expect(response.rawPayload.equals(Buffer.from(stored.content))).toBe(true);
    });

    it('audits every read as a sensitive read', async () => {
      const legal = await t.user({ [establishment]: 'legal' });
      await t.as(legal, { method: 'GET', url: url() });
      const entries = await t.storage.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'report.file.read')
        .where('actor_id', '=', legal.userId)
        .execute();
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ establishment_id: establishment, target_id: fileId });
    });

    it('does not disclose another establishment’s files or mismatched ids', async () => {
      const elsewhere = await t.establishment('Autre');
      const deskElsewhere = await t.user({ [elsewhere]: 'communication' });
      expect((await t.as(deskElsewhere, { method: 'GET', url: url() })).statusCode).toBe(404);
      // Same user with a role in both: the file is not reachable through the other establishment.
      const both = await t.user({ [elsewhere]: 'communication', [establishment]: 'communication' });
      expect((await t.as(both, { method: 'GET', url: url(elsewhere) })).statusCode).toBe(404);
      expect((await t.as(both, { method: 'GET', url: url(establishment, 'autre-rapport') })).statusCode).toBe(
        404,
      );
      expect(
        (await t.as(both, { method: 'GET', url: url(establishment, reportId, 'inconnu') })).statusCode,
      ).toBe(404);
    });
  });
});
