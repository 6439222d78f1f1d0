import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify.js';
import type { Role } from '../db/schema.js';
import { createTestApp, type SignedIn, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';
import { manifestSchema } from './bundle-format.js';
import { EVIDENCE_GENESIS, evidenceChainHash } from './evidence-chain.js';
import { createIncident, multipart, PNG, readZip } from './test-kit.js';
import { verifyBundle } from './verify-bundle.js';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(DIALECTS)('evidence routes (%s)', (dialect) => {
  let t: TestApp;
  let establishment: string;
  let other: string;
  let incident: string;
  let users: Record<Role | 'outsider', SignedIn>;

  beforeAll(async () => {
    t = await createTestApp(dialect, { maxFileBytes: 64 * 1024 });
    establishment = await t.establishment('CHU de Test');
    other = await t.establishment('Clinique voisine');
    incident = await createIncident(t.storage.db, establishment);
    users = {
      admin: await t.user({ [establishment]: 'admin' }),
      direction: await t.user({ [establishment]: 'direction' }),
      communication: await t.user({ [establishment]: 'communication' }),
      community_manager: await t.user({ [establishment]: 'community_manager' }),
      legal: await t.user({ [establishment]: 'legal' }),
      agent: await t.user({ [establishment]: 'agent' }),
      outsider: await t.user({ [other]: 'communication' }),
    };
  });
  afterAll(() => t.close());

  const url = (eid: string, iid: string, rest = '') =>
    `/api/establishments/${eid}/incidents/${iid}/evidence${rest}`;
  const upload = (
    user: SignedIn | null,
    parts: Parameters<typeof multipart>[0],
    eid = establishment,
    iid = incident,
  ) => {
    const body = multipart(parts);
    return t.as(user, { method: 'POST', url: url(eid, iid), payload: body.payload, headers: body.headers });
  };
  const postText = (user: SignedIn | null, payload: unknown, eid = establishment, iid = incident) =>
    t.as(user, { method: 'POST', url: url(eid, iid), payload: payload as Record<string, unknown> });
  const countEvidence = async () =>
    Number(
      (
        await t.storage.db
          .selectFrom('evidence')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('seals an uploaded file: type from the bytes, SHA-256, chain link, audit and timeline', async () => {
    const before = await countEvidence();
    const response = await upload(users.community_manager, [
      { name: 'kind', value: 'screenshot' },
      { name: 'source_url', value: 'https://social.example/post/42' },
      { name: 'captured_at', value: '2026-11-02T08:30:00+01:00' },
      // The client lies about the type and tries a path in the name.
      { name: 'file', value: PNG, fileName: '../../etc/capture.txt', contentType: 'text/plain' },
    ]);
    expect(response.statusCode).toBe(201);
    const body = response.json();
    const stored = await t.storage.db
      .selectFrom('evidence')
      .selectAll()
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    // An image is kept re-encoded without metadata; the received file's hash stays beside it.
    const kept = Buffer.from(stored.content);
    expect(body).toMatchObject({
      kind: 'screenshot',
      fileName: 'capture.txt',
      mediaType: 'image/png',
      size: kept.length,
      sha256: sha(kept),
      originalSha256: sha(PNG),
      sourceUrl: 'https://social.example/post/42',
      capturedAt: '2026-11-02T07:30:00.000Z',
      capturedBy: { id: users.community_manager.userId },
      incidentId: incident,
    });
    expect(body.seq).toBe(before + 1);
    expect(stored.original_sha256).toBe(sha(PNG));
    expect(stored.establishment_id).toBe(establishment);
    expect(stored.chain_hash).toBe(
      evidenceChainHash(stored.prev_hash, {
        seq: stored.seq,
        incidentId: incident,
        kind: 'screenshot',
        fileName: 'capture.txt',
        mediaType: 'image/png',
        size: kept.length,
        sha256: sha(kept),
        sourceUrl: 'https://social.example/post/42',
        capturedAt: '2026-11-02T07:30:00.000Z',
        capturedBy: users.community_manager.userId,
        originalSha256: sha(PNG),
      }),
    );
    const audit = await t.storage.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'evidence.add')
      .where('target_id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(audit.establishment_id).toBe(establishment);
    expect(JSON.parse(audit.detail)).toMatchObject({
      sha256: sha(kept),
      originalSha256: sha(PNG),
      chainHash: body.chainHash,
    });
    const event = await t.storage.db
      .selectFrom('incident_events')
      .selectAll()
      .where('incident_id', '=', incident)
      .where('kind', '=', 'evidence')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.detail)).toEqual({ evidenceId: body.id, sha256: sha(kept) });
  });

  it('seals a captured text sent as JSON, stored verbatim (HTML and SQL are only data)', async () => {
    const content = "<script>alert(1)</script>'); DROP TABLE evidence; --";
    const response = await postText(users.legal, {
      kind: 'text',
      content,
      source_url: 'http://forum.example/t/1',
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      kind: 'text',
      mediaType: 'text/plain; charset=utf-8',
      size: Buffer.byteLength(content),
    });
    const read = await t.as(users.legal, {
      method: 'GET',
      url: url(establishment, incident, `/${body.id}/content`),
    });
    expect(read.statusCode).toBe(200);
    expect(read.body).toBe(content);
    expect(read.headers['content-disposition']).toMatch(/^attachment;/);
    expect(read.headers['x-content-type-options']).toBe('nosniff');
    const audited = await t.storage.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'evidence.read')
      .where('target_id', '=', body.id)
      .execute();
    expect(audited).toEqual([{ actor_id: users.legal.userId }]);
  });

  it('detects the media type of common captures and refuses an empty file', async () => {
    const cases: Array<[Buffer, string]> = [
      [await sharp(PNG).jpeg().toBuffer(), 'image/jpeg'],
      [await sharp(PNG).webp().toBuffer(), 'image/webp'],
      [Buffer.from('%PDF-1.7\n%âãÏÓ'), 'application/pdf'],
      [Buffer.from('  <!DOCTYPE html><html><body>page</body></html>'), 'text/html; charset=utf-8'],
      [Buffer.from('Bonjour, texte simple.'), 'text/plain; charset=utf-8'],
      [Buffer.from([0, 1, 2, 3, 0xfe]), 'application/octet-stream'],
    ];
    for (const [bytes, type] of cases) {
      const response = await upload(users.communication, [
        { name: 'kind', value: 'document' },
        { name: 'file', value: bytes, fileName: 'x.png', contentType: 'image/png' },
      ]);
      expect(response.statusCode).toBe(201);
      expect(response.json().mediaType).toBe(type);
    }
    const empty = await upload(users.communication, [
      { name: 'kind', value: 'document' },
      { name: 'file', value: Buffer.alloc(0), fileName: 'vide.txt' },
    ]);
    expect(empty.statusCode).toBe(422);
    expect(empty.json().code).toBe('fichier_vide');
    // An image signature over bytes no decoder reads is refused, not stored unchecked.
    const forged = await upload(users.communication, [
      { name: 'kind', value: 'screenshot' },
      { name: 'file', value: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), fileName: 'x.jpg' },
    ]);
    expect(forged.statusCode).toBe(422);
    expect(forged.json().code).toBe('image_illisible');
  });

  it('refuses bad inputs with a clear 4xx and stores nothing', async () => {
    const before = await countEvidence();
    const file = { name: 'file', value: PNG, fileName: 'a.png' };
    const bad: Array<
      [Promise<{ statusCode: number; json: () => { code: string; detail: string } }>, number]
    > = [
      [upload(users.communication, [{ name: 'kind', value: 'video' }, file]), 400],
      [upload(users.communication, [file]), 400],
      [upload(users.communication, [{ name: 'kind', value: 'screenshot' }]), 400],
      [
        upload(users.communication, [
          { name: 'kind', value: 'screenshot' },
          file,
          { ...file, fileName: 'b.png' },
        ]),
        400,
      ],
      [
        upload(users.communication, [
          { name: 'kind', value: 'screenshot' },
          { ...file, name: 'autre' },
        ]),
        400,
      ],
      [
        upload(users.communication, [
          { name: 'kind', value: 'screenshot' },
          { name: 'kind', value: 'page' },
          file,
        ]),
        400,
      ],
      [
        upload(users.communication, [
          { name: 'kind', value: 'screenshot' },
          { name: 'source_url', value: 'javascript:alert(1)' },
          file,
        ]),
        400,
      ],
      [
        upload(users.communication, [
          { name: 'kind', value: 'screenshot' },
          { name: 'captured_at', value: 'hier' },
          file,
        ]),
        400,
      ],
      [
        upload(users.communication, [
          { name: 'kind', value: 'screenshot' },
          { name: 'captured_at', value: '2027-01-01T00:00:00Z' },
          file,
        ]),
        422,
      ],
      [
        upload(users.communication, [
          { name: 'kind', value: 'screenshot' },
          { name: 'owner', value: 'x' },
          file,
        ]),
        400,
      ],
      [
        upload(users.communication, [
          { name: 'kind', value: 'screenshot' },
          { ...file, value: Buffer.alloc(64 * 1024 + 1, 1) },
        ]),
        413,
      ],
      [postText(users.communication, { kind: 'text', content: 'x'.repeat(200_001) }), 400],
      [postText(users.communication, { kind: 'text', content: '' }), 400],
      [postText(users.communication, { kind: 'screenshot', content: 'x' }), 400],
      [postText(users.communication, { kind: 'text', content: 42 }), 400],
      [postText(users.communication, { kind: 'text', content: 'x', extra: 1 }), 400],
      [postText(users.communication, { kind: 'text', content: 'x', source_url: 'ftp://x.example/' }), 400],
      [t.as(users.communication, { method: 'POST', url: url(establishment, incident) }), 415],
    ];
    for (const [request, status] of bad) {
      const response = await request;
      expect(response.statusCode, JSON.stringify(response.json())).toBe(status);
      expect(response.json().detail).toMatch(/\S/);
    }
    expect(await countEvidence()).toBe(before);
  });

  it('keeps the incident of another establishment out of reach (404)', async () => {
    const foreign = await createIncident(t.storage.db, other);
    const response = await postText(
      users.communication,
      { kind: 'text', content: 'x' },
      establishment,
      foreign,
    );
    expect(response.statusCode).toBe(404);
    const list = await t.as(users.communication, { method: 'GET', url: url(establishment, foreign) });
    expect(list.statusCode).toBe(404);
    const missing = await t.as(users.communication, {
      method: 'GET',
      url: url(establishment, incident, '/nope/content'),
    });
    expect(missing.statusCode).toBe(404);
  });

  it('lets only the desk add, list and read, and only communication and legal export', async () => {
    const seeded = await postText(users.communication, { kind: 'text', content: 'pièce' });
    const evidenceId = seeded.json().id as string;
    const expectations: Array<
      [Role | 'outsider' | 'anonymous', { add: number; list: number; read: number; export: number }]
    > = [
      ['communication', { add: 201, list: 200, read: 200, export: 200 }],
      ['community_manager', { add: 201, list: 200, read: 200, export: 403 }],
      ['legal', { add: 201, list: 200, read: 200, export: 200 }],
      ['admin', { add: 403, list: 403, read: 403, export: 403 }],
      // The direction follows incidents through the dashboards, not the evidence locker.
      ['direction', { add: 403, list: 403, read: 403, export: 403 }],
      ['agent', { add: 403, list: 403, read: 403, export: 403 }],
      ['outsider', { add: 404, list: 404, read: 404, export: 404 }],
      ['anonymous', { add: 401, list: 401, read: 401, export: 401 }],
    ];
    for (const [who, expected] of expectations) {
      const user = who === 'anonymous' ? null : users[who];
      const add = await postText(user, { kind: 'text', content: `par ${who}` });
      const list = await t.as(user, { method: 'GET', url: url(establishment, incident) });
      const read = await t.as(user, {
        method: 'GET',
        url: url(establishment, incident, `/${evidenceId}/content`),
      });
      const exported = await t.as(user, { method: 'GET', url: url(establishment, incident, '/export') });
      expect({
        who,
        add: add.statusCode,
        list: list.statusCode,
        read: read.statusCode,
        export: exported.statusCode,
      }).toEqual({
        who,
        ...expected,
      });
    }
  });

  it('chains the evidence of every incident of an establishment, and each establishment on its own', async () => {
    const second = await createIncident(t.storage.db, establishment, 'Deuxième incident');
    const elsewhere = await createIncident(t.storage.db, other);
    const outsider = users.outsider;
    for (let index = 0; index < 3; index += 1) {
      expect((await postText(users.communication, { kind: 'text', content: `a${index}` })).statusCode).toBe(
        201,
      );
      expect(
        (await postText(users.communication, { kind: 'text', content: `b${index}` }, establishment, second))
          .statusCode,
      ).toBe(201);
    }
    const foreign = await postText(outsider, { kind: 'text', content: 'ailleurs' }, other, elsewhere);
    expect(foreign.json()).toMatchObject({ seq: 1, prevHash: EVIDENCE_GENESIS });
    await expectLinearChain(establishment);
    const listed = await t.as(users.legal, { method: 'GET', url: url(establishment, second) });
    expect(listed.json().items.map((item: { incidentId: string }) => item.incidentId)).toEqual(
      Array(3).fill(second),
    );
  });

  it('keeps the chain linear under 20 concurrent appends', async () => {
    const fresh = await t.establishment('Hôpital concurrent');
    const desk = await t.user({ [fresh]: 'community_manager' });
    const target = await createIncident(t.storage.db, fresh);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        postText(desk, { kind: 'text', content: `pièce ${index}` }, fresh, target),
      ),
    );
    expect(responses.map((response) => response.statusCode)).toEqual(Array(20).fill(201));
    const seqs = responses.map((response) => response.json().seq as number).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    await expectLinearChain(fresh);
    expect((await verifyAuditChain(t.storage.db)).intact).toBe(true);
  });

  it('exports a zip that verifies, with a manifest whose SHA-256 is in the audit log', async () => {
    const response = await t.as(users.legal, { method: 'GET', url: url(establishment, incident, '/export') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="preuves-INC-/);
    const entries = await readZip(response.rawPayload);
    const names = entries.map(([name]) => name);
    expect(names).toContain('manifest.json');
    expect(names).toContain('README.txt');
    const manifestBytes = entries.find(([name]) => name === 'manifest.json')?.[1] as Buffer;
    const manifest = manifestSchema.parse(JSON.parse(manifestBytes.toString('utf8')));
    const listed = await t.as(users.legal, { method: 'GET', url: url(establishment, incident) });
    expect(manifest.items.map((item) => item.sha256)).toEqual(
      listed.json().items.map((item: { sha256: string }) => item.sha256),
    );
    expect(manifest.items.every((item) => /^evidence\/\d{3}-[A-Za-z0-9._-]+$/.test(item.path))).toBe(true);
    expect(manifest.incident.id).toBe(incident);
    expect(manifest.generatedBy.id).toBe(users.legal.userId);
    const readme = entries.find(([name]) => name === 'README.txt')?.[1].toString('utf8');
    expect(readme).toContain('sha256sum');
    expect(readme).toContain('blouse evidence verify');

    const audit = await t.storage.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'evidence.export')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail).manifestSha256).toBe(sha(manifestBytes));

    const file = join(mkdtempSync(join(tmpdir(), 'blouse-export-')), 'preuves.zip');
    writeFileSync(file, response.rawPayload);
    const report = await verifyBundle(file);
    expect(report.problems).toEqual([]);
    expect(report.intact).toBe(true);
    expect(report.manifestSha256).toBe(sha(manifestBytes));
  });

  it('refuses NUL, lone surrogates and direction overrides in the source address (400, French) and stores nothing', async () => {
    const before = await countEvidence();
    for (const source_url of [
      'https://a.fr/\ud800',
      'https://a.fr/\udc00x',
      'https://a.fr/\u0000',
      'https://a.fr/\u202Egpj.exe',
    ]) {
      const response = await postText(users.communication, { kind: 'text', content: 'texte', source_url });
      expect(response.statusCode).toBe(400);
      expect(response.json().detail).toContain('caractère interdit');
    }
    const text = await postText(users.communication, { kind: 'text', content: 'a\u0000b' });
    expect(text.statusCode).toBe(400);
    const id = await t.as(users.communication, { method: 'GET', url: url(establishment, '%00') });
    expect(id.statusCode).toBe(400);
    expect(await countEvidence()).toBe(before);
  });

  it('keeps the chain intact when an emoji straddles the file name limit (cut by code points)', async () => {
    const own = await createIncident(t.storage.db, establishment, 'Nom de fichier limite');
    const fileName = `${'a'.repeat(199)}😀-fin.png`;
    const response = await upload(
      users.communication,
      [
        { name: 'kind', value: 'screenshot' },
        { name: 'file', value: PNG, fileName },
      ],
      establishment,
      own,
    );
    expect(response.statusCode).toBe(201);
    expect(response.json().fileName).toBe(`${'a'.repeat(199)}😀`);
    const stored = await t.storage.db
      .selectFrom('evidence')
      .select('file_name')
      .where('id', '=', response.json().id)
      .executeTakeFirstOrThrow();
    expect(stored.file_name).toBe(`${'a'.repeat(199)}😀`);
    const exported = await t.as(users.legal, { method: 'GET', url: url(establishment, own, '/export') });
    expect(exported.statusCode).toBe(200);
    const file = join(mkdtempSync(join(tmpdir(), 'blouse-export-')), 'preuves.zip');
    writeFileSync(file, exported.rawPayload);
    const report = await verifyBundle(file);
    expect(report.problems).toEqual([]);
    expect(report.intact).toBe(true);
  });

  it('audits the list of evidence as a sensitive read, and orders its timeline event', async () => {
    const own = await createIncident(t.storage.db, establishment, 'Lecture de la liste');
    const added = await postText(
      users.communication,
      { kind: 'text', content: 'capture' },
      establishment,
      own,
    );
    expect(added.statusCode).toBe(201);
    const listed = await t.as(users.community_manager, { method: 'GET', url: url(establishment, own) });
    expect(listed.statusCode).toBe(200);
    const audit = await t.storage.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'evidence.list')
      .where('target_id', '=', own)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_id).toBe(users.community_manager.userId);
    expect(audit[0]?.establishment_id).toBe(establishment);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toEqual({ items: 1 });
    // A refused list (outsider, unknown incident) leaves no audit row.
    expect((await t.as(users.outsider, { method: 'GET', url: url(establishment, own) })).statusCode).toBe(
      404,
    );
    expect((await t.as(users.legal, { method: 'GET', url: url(establishment, 'inconnu') })).statusCode).toBe(
      404,
    );
    const all = await t.storage.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'evidence.list')
      .where('target_id', 'in', [own, 'inconnu'])
      .execute();
    expect(all).toHaveLength(1);
    // The timeline event has the incidents module's sortable id (time first), not a random UUID.
    const event = await t.storage.db
      .selectFrom('incident_events')
      .select(['id', 'at'])
      .where('incident_id', '=', own)
      .where('kind', '=', 'evidence')
      .executeTakeFirstOrThrow();
    expect(event.id).toMatch(/^[0-9a-f]{12}-[0-9a-f]{8}-[0-9a-f]{16}$/);
    expect(Number.parseInt(event.id.slice(0, 12), 16)).toBe(Date.parse(event.at));
  });

  async function expectLinearChain(eid: string): Promise<void> {
    const rows = await t.storage.db
      .selectFrom('evidence')
      .select(['seq', 'prev_hash', 'chain_hash'])
      .where('establishment_id', '=', eid)
      .orderBy('seq')
      .execute();
    let previous = EVIDENCE_GENESIS;
    rows.forEach((row, index) => {
      expect(row.seq).toBe(index + 1);
      expect(row.prev_hash).toBe(previous);
      previous = row.chain_hash;
    });
  }
});
