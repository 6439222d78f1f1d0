import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../evidence/test-kit.js';
import { verifyBundle } from '../evidence/verify-bundle.js';
import { createTestApp, type SignedIn, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';
import { type FilePart, multipartBody, PNG_BYTES } from './multipart-body.js';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const FIELDS = {
  url: 'https://www.instagram.com/p/abc123',
  network: 'instagram',
  excerpt: 'Photo prise dans le couloir du service, avec un patient reconnaissable.',
};

/**
 * A phone's photo: EXIF with the author's name, the device, a GPS position, and an orientation
 * (6: the sensor's 8 × 6 pixels are shown turned a quarter, 6 × 8).
 */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 6, channels: 3, background: { r: 10, g: 160, b: 90 } } })
    .jpeg()
    .withExif({
      IFD0: { Artist: 'Jeanne Dupont', Make: 'Apple', Model: 'iPhone 15 Pro' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2404/100' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

describe.each(DIALECTS)('a report’s screenshots as evidence, on %s', (dialect) => {
  let t: TestApp;
  let establishment: string;
  let agent: SignedIn;
  let desk: SignedIn;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    establishment = await t.establishment();
    agent = await t.user({ [establishment]: 'agent' });
    desk = await t.user({ [establishment]: 'communication' });
  });
  afterAll(async () => t.close());

  const file = (user: SignedIn, fields: Record<string, string>, files: FilePart[]) => {
    const body = multipartBody(fields, files);
    return t.as(user, {
      method: 'POST',
      url: `/api/establishments/${establishment}/reports`,
      payload: body.payload,
      headers: body.headers,
    });
  };
  const incidentOf = async (reportId: string) =>
    (
      await t.storage.db
        .selectFrom('incidents')
        .select('id')
        .where('report_id', '=', reportId)
        .executeTakeFirstOrThrow()
    ).id;
  const evidenceUrl = (incidentId: string, rest = '') =>
    `/api/establishments/${establishment}/incidents/${incidentId}/evidence${rest}`;

  it('seals the screenshot on the incident at filing: listed with its hash, shown, exported, verifiable', async () => {
    const filed = await file(agent, FIELDS, [{ name: 'couloir.png', bytes: PNG_BYTES, type: 'image/png' }]);
    expect(filed.statusCode).toBe(201);
    const incidentId = await incidentOf(filed.json().reportId);

    const list = await t.as(desk, { method: 'GET', url: evidenceUrl(incidentId) });
    expect(list.statusCode).toBe(200);
    const items = list.json().items;
    expect(items).toHaveLength(1);
    const [piece] = items;
    expect(piece).toMatchObject({
      kind: 'screenshot',
      fileName: 'couloir.png',
      mediaType: 'image/png',
      sourceUrl: FIELDS.url,
      capturedBy: { id: agent.userId },
      originalSha256: sha(PNG_BYTES),
      capturedAt: filed.json().receivedAt,
    });

    // The image itself, for the desk's thumbnail: exact type, nosniff, inline with its name.
    const image = await t.as(desk, { method: 'GET', url: evidenceUrl(incidentId, `/${piece.id}/image`) });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(image.headers['content-disposition']).toMatch(/^inline; filename="couloir.png"/);
    expect(sha(image.rawPayload)).toBe(piece.sha256);
    expect(image.rawPayload.length).toBe(piece.size);
    const reads = await t.storage.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'evidence.read')
      .where('target_id', '=', piece.id)
      .execute();
    expect(reads).toEqual([{ actor_id: desk.userId }]);
    // An agent (the reporter's role) does not see the desk's evidence.
    const forbidden = await t.as(agent, {
      method: 'GET',
      url: evidenceUrl(incidentId, `/${piece.id}/image`),
    });
    expect(forbidden.statusCode).toBe(403);

    const exported = await t.as(desk, { method: 'GET', url: evidenceUrl(incidentId, '/export') });
    expect(exported.statusCode).toBe(200);
    const entries = new Map(await readZip(exported.rawPayload));
    const inZip = entries.get(`evidence/${String(piece.seq).padStart(3, '0')}-couloir.png`);
    expect(inZip === undefined ? undefined : sha(inZip)).toBe(piece.sha256);
    const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '{}');
    expect(manifest.items[0]).toMatchObject({ sha256: piece.sha256, originalSha256: sha(PNG_BYTES) });
    const path = join(mkdtempSync(join(tmpdir(), 'blouse-report-export-')), 'preuves.zip');
    writeFileSync(path, exported.rawPayload);
    const verified = await verifyBundle(path);
    expect(verified.problems).toEqual([]);
    expect(verified.intact).toBe(true);
  });

  it('strips an anonymous photo’s EXIF (author, phone, GPS), keeps its orientation and the original’s hash', async () => {
    const photo = await phonePhoto();
    expect(await exifr.parse(photo, { gps: true })).toMatchObject({ Artist: 'Jeanne Dupont', Make: 'Apple' });
    const filed = await file(agent, { ...FIELDS, anonymous: 'true' }, [
      { name: 'IMG_0042.JPG', bytes: photo, type: 'image/jpeg' },
    ]);
    expect(filed.statusCode).toBe(201);
    const reportId = filed.json().reportId;

    const stored = await t.storage.db
      .selectFrom('report_files')
      .select('content')
      .where('report_id', '=', reportId)
      .executeTakeFirstOrThrow();
    const evidence = await t.storage.db
      .selectFrom('evidence')
      .selectAll()
      .where('incident_id', '=', await incidentOf(reportId))
      .executeTakeFirstOrThrow();
    for (const bytes of [Buffer.from(stored.content), Buffer.from(evidence.content)]) {
      const metadata = await sharp(bytes).metadata();
      expect(metadata.exif).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
      expect(metadata.orientation).toBeUndefined();
      // Turned as the phone showed it, now in the pixels themselves.
      expect([metadata.width, metadata.height]).toEqual([6, 8]);
      expect(await exifr.parse(bytes, { gps: true })).toBeUndefined();
      expect(bytes.includes(Buffer.from('Jeanne Dupont'))).toBe(false);
      expect(bytes.includes(Buffer.from('iPhone'))).toBe(false);
    }
    expect(evidence.original_sha256).toBe(sha(photo));
    expect(evidence.sha256).toBe(sha(Buffer.from(evidence.content)));
    expect(evidence.sha256).not.toBe(sha(photo));
    // Anonymous: the piece names no one, and its name is not the phone's.
    expect(evidence.captured_by).toBeNull();
    expect(evidence.file_name).toBe('capture-1.jpg');
  });
});
