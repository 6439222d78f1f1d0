import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT, type Manifest } from './bundle-format.js';
import { BundleError, verifyBundle } from './verify-bundle.js';

/**
 * Zips written byte by byte (stored, no compression), so that each test controls the layout
 * that honest writers never produce: shared bytes, unlisted local entries, stray data.
 */
interface LocalPart {
  readonly name: string;
  readonly data: Buffer;
}

function localHeader({ name, data }: LocalPart): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(crc32(data), 14);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  return Buffer.concat([header, Buffer.from(name), data]);
}

function centralHeader({ name, data }: LocalPart, offset: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt32LE(crc32(data), 16);
  header.writeUInt32LE(data.length, 20);
  header.writeUInt32LE(data.length, 24);
  header.writeUInt16LE(Buffer.byteLength(name), 28);
  header.writeUInt32LE(offset, 42);
  return Buffer.concat([header, Buffer.from(name)]);
}

function endRecord(entries: number, directorySize: number, directoryOffset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries, 8);
  end.writeUInt16LE(entries, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return end;
}

interface Layout {
  /** Bytes before the first local entry. */
  readonly before?: Buffer;
  /** Local entries in file order; `listed: false` leaves one out of the central directory. */
  readonly locals: ReadonlyArray<LocalPart & { readonly listed?: boolean }>;
  /** Extra central entries pointing at the local entry of that index (shared bytes). */
  readonly aliases?: ReadonlyArray<{ readonly name: string; readonly sameAs: number }>;
  /** Bytes between the central directory and its end record. */
  readonly beforeEnd?: Buffer;
  /** Bytes after the end record. */
  readonly after?: Buffer;
}

function buildZip(layout: Layout): Buffer {
  const chunks: Buffer[] = [];
  let offset = 0;
  const push = (bytes: Buffer) => {
    chunks.push(bytes);
    offset += bytes.length;
  };
  if (layout.before !== undefined) push(layout.before);
  const offsets: number[] = [];
  for (const part of layout.locals) {
    offsets.push(offset);
    push(localHeader(part));
  }
  const directoryOffset = offset;
  const central: Buffer[] = [];
  layout.locals.forEach((part, index) => {
    if (part.listed !== false) central.push(centralHeader(part, offsets[index] ?? 0));
  });
  for (const alias of layout.aliases ?? []) {
    const target = layout.locals[alias.sameAs];
    if (target === undefined) throw new Error('no such entry');
    central.push(centralHeader({ name: alias.name, data: target.data }, offsets[alias.sameAs] ?? 0));
  }
  const directory = Buffer.concat(central);
  push(directory);
  if (layout.beforeEnd !== undefined) push(layout.beforeEnd);
  push(endRecord(central.length, directory.length, directoryOffset));
  if (layout.after !== undefined) push(layout.after);
  return Buffer.concat(chunks);
}

const MANIFEST: Manifest = {
  format: BUNDLE_FORMAT,
  establishment: { id: 'e', name: 'CH de test' },
  incident: { id: 'i', reference: 'INC-2026-0001', title: 'Test' },
  generatedAt: '2026-11-02T10:00:00.000Z',
  generatedBy: { id: 'u', displayName: 'Juriste' },
  items: [],
  chainHead: null,
};
const manifest: LocalPart = { name: 'manifest.json', data: Buffer.from(JSON.stringify(MANIFEST)) };
const readme: LocalPart = { name: 'README.txt', data: Buffer.from('Export de preuves.') };

async function verify(layout: Layout) {
  const path = join(mkdtempSync(join(tmpdir(), 'blouse-zip-layout-')), 'preuves.zip');
  writeFileSync(path, buildZip(layout));
  return verifyBundle(path);
}

const messages = (report: Awaited<ReturnType<typeof verify>>) => report.problems.map((p) => p.message);

describe('the bundle verifier refuses archives whose bytes say more than their central directory', () => {
  it('accepts a hand-made archive laid out exactly (the builder itself is sound)', async () => {
    const report = await verify({ locals: [manifest, readme] });
    expect(report.problems).toEqual([]);
    expect(report.intact).toBe(true);
  });

  it('refuses two entries sharing the same bytes (overlap)', async () => {
    const report = await verify({
      locals: [manifest, readme],
      aliases: [{ name: 'README2.txt', sameAs: 1 }],
    });
    expect(report.intact).toBe(false);
    expect(messages(report)).toContain(
      'archive irrégulière : l’entrée « README2.txt » chevauche la précédente.',
    );
  });

  it('refuses a local entry that the central directory does not list', async () => {
    const hidden = { name: 'evidence/999-cache.png', data: Buffer.from('autre contenu'), listed: false };
    const report = await verify({ locals: [manifest, hidden, readme] });
    expect(report.intact).toBe(false);
    expect(messages(report).join('\n')).toMatch(
      /hors du répertoire central avant « README\.txt » \(entrée cachée \?\)/,
    );
  });

  it('refuses an unlisted local entry after the last one, and data before the first', async () => {
    const trailing = { name: 'evidence/998-x.bin', data: Buffer.from('x'), listed: false };
    const report = await verify({ before: Buffer.from('MZ prefix'), locals: [manifest, readme, trailing] });
    expect(report.intact).toBe(false);
    expect(messages(report)).toEqual(
      expect.arrayContaining([
        'archive irrégulière : 9 octets avant la première entrée.',
        expect.stringMatching(/octets hors du répertoire central après la dernière entrée/),
      ]),
    );
  });

  it('refuses data between the central directory and its end, and after the end', async () => {
    const between = await verify({ locals: [manifest, readme], beforeEnd: Buffer.from('cache') });
    expect(between.intact).toBe(false);
    expect(messages(between)).toContain(
      'archive irrégulière : des octets séparent le répertoire central de sa fin.',
    );
    await expect(
      verify({ locals: [manifest, readme], after: Buffer.from('PK-cache') }),
    ).rejects.toBeInstanceOf(BundleError);
  });
});
