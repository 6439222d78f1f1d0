import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';
import { addEvidence, exportEvidence } from './evidence-service.js';
import { createIncident, readZip } from './test-kit.js';
import { verifyBundle } from './verify-bundle.js';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe.each(DIALECTS)('streamed evidence export on %s', (dialect) => {
  let t: TestApp;
  let establishment: string;
  let legal: SignedIn;
  let incident: string;
  const pieces = Array.from({ length: 4 }, () => randomBytes(1536 * 1024));
  beforeAll(async () => {
    t = await createTestApp(dialect);
    establishment = await t.establishment();
    legal = await t.user({ [establishment]: 'legal' });
    incident = await createIncident(t.storage.db, establishment);
    const actor = { establishmentId: establishment, userId: legal.userId };
    for (const [index, content] of pieces.entries()) {
      await addEvidence(t.context, actor, incident, {
        kind: 'document',
        fileName: `piece-${index}.bin`,
        content,
        sourceUrl: null,
        capturedAt: undefined,
      });
    }
  });
  afterAll(async () => t.close());

  it('hands the route a stream, not a built archive, and the archive verifies', async () => {
    const actor = { establishmentId: establishment, userId: legal.userId };
    const exported = await exportEvidence(t.context, actor, incident);
    expect(exported.zip).toBeInstanceOf(Readable);
    expect(Buffer.isBuffer(exported.zip)).toBe(false);
    const entries = new Map(await readZip(await buffer(exported.zip)));
    for (const [index, content] of pieces.entries()) {
      const inZip = entries.get(`evidence/${String(index + 1).padStart(3, '0')}-piece-${index}.bin`);
      expect(inZip === undefined ? undefined : sha(inZip)).toBe(sha(content));
    }
  });

  it('serves 6 MiB of evidence through the route as a zip that `blouse evidence verify` accepts', async () => {
    const response = await t.as(legal, {
      method: 'GET',
      url: `/api/establishments/${establishment}/incidents/${incident}/evidence/export`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    // Streamed: the length is not known when the headers leave.
    expect(response.headers['content-length']).toBeUndefined();
    expect(response.headers['transfer-encoding']).toBe('chunked');
    const path = join(mkdtempSync(join(tmpdir(), 'blouse-export-')), 'preuves.zip');
    writeFileSync(path, response.rawPayload);
    const report = await verifyBundle(path);
    expect(report.problems).toEqual([]);
    expect(report.manifest.items).toHaveLength(pieces.length);
    expect(report.manifestSha256).toBe(response.headers['x-manifest-sha256']);
  });
});
