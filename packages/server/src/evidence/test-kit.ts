import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import yauzl from 'yauzl';
import yazl from 'yazl';
import type { Database } from '../db/schema.js';

/** Test helpers of the evidence module (incidents are created directly, as their module would). */

let counter = 0;

export async function createIncident(
  db: Kysely<Database>,
  establishmentId: string,
  title = 'Publication virale',
): Promise<string> {
  const id = randomUUID();
  counter += 1;
  const now = '2026-11-02T08:00:00.000Z';
  await db
    .insertInto('incidents')
    .values({
      id,
      establishment_id: establishmentId,
      report_id: null,
      reference: `INC-2026-${String(counter).padStart(4, '0')}-${id.slice(0, 4)}`,
      title,
      status: 'new',
      proposed_severity: 'N2',
      severity: null,
      proposed_category: 'patient',
      category: null,
      guard_findings: '[]',
      decisions: '[]',
      owner_id: null,
      first_published_at: null,
      breach_aware_at: null,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

export interface Part {
  readonly name: string;
  readonly value: string | Buffer;
  readonly fileName?: string;
  readonly contentType?: string;
}

/** A multipart/form-data body, built by hand so that tests control every byte. */
export function multipart(parts: readonly Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----blouse${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      part.fileName === undefined
        ? `form-data; name="${part.name}"`
        : `form-data; name="${part.name}"; filename="${part.fileName}"`;
    const type =
      part.fileName === undefined
        ? ''
        : `Content-Type: ${part.contentType ?? 'application/octet-stream'}\r\n`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
    chunks.push(typeof part.value === 'string' ? Buffer.from(part.value) : part.value);
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A real image (images are decoded and re-encoded without metadata before they are stored). */
export const PNG = await sharp({
  create: { width: 12, height: 8, channels: 3, background: { r: 20, g: 120, b: 200 } },
})
  .png()
  .toBuffer();

/** Every entry of a zip in memory, in order. */
export async function readZip(zip: Buffer): Promise<Array<[string, Buffer]>> {
  const file = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
  const entries: Array<[string, Buffer]> = [];
  for await (const entry of file.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await file.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    entries.push([entry.fileName, Buffer.concat(chunks)]);
  }
  return entries;
}

/** A zip of these entries (names must be ones yazl accepts; see renameEntry for the others). */
export function writeZip(entries: ReadonlyArray<readonly [string, Buffer]>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of entries) zip.addBuffer(content, name, { compress: false });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/**
 * Renames an entry in the raw bytes (local header and central directory), to forge the names
 * that no honest zip writer produces: « ../evil », « a\\b »… Both names must have the same length.
 */
export function renameEntry(zip: Buffer, from: string, to: string): Buffer {
  if (Buffer.byteLength(from) !== Buffer.byteLength(to)) throw new Error('same length needed');
  const copy = Buffer.from(zip);
  const needle = Buffer.from(from);
  let at = copy.indexOf(needle);
  let count = 0;
  while (at !== -1) {
    Buffer.from(to).copy(copy, at);
    count += 1;
    at = copy.indexOf(needle, at + 1);
  }
  if (count === 0) throw new Error(`${from} not found`);
  return copy;
}
