import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT, type Manifest } from './bundle-format.js';
import { type BundleSource, bundleStream } from './bundle-writer.js';
import { EVIDENCE_GENESIS, evidenceChainHash } from './evidence-chain.js';
import { verifyBundle } from './verify-bundle.js';

const PIECE_BYTES = 1024 * 1024;
const PIECES = 6;
const CHUNK = 64 * 1024;

/** Six pieces of 1 MiB (random: the zip cannot shrink them), with a log of when each is opened and read to its end. */
function instrumentedPieces() {
  const log: string[] = [];
  const contents = Array.from({ length: PIECES }, () => randomBytes(PIECE_BYTES));
  const sources: BundleSource[] = contents.map((content, index) => ({
    path: `evidence/${String(index + 1).padStart(3, '0')}-piece.bin`,
    size: content.length,
    open: async () => {
      log.push(`open ${index}`);
      let offset = 0;
      // Produces its bytes only as they are asked for, like a file or a database cursor.
      return new Readable({
        read() {
          if (offset >= content.length) {
            log.push(`end ${index}`);
            this.push(null);
            return;
          }
          this.push(content.subarray(offset, offset + CHUNK));
          offset += CHUNK;
        },
      });
    },
  }));
  return { log, contents, sources };
}

function manifestFor(contents: readonly Buffer[], sources: readonly BundleSource[]): Manifest {
  const incidentId = 'incident-1';
  let prevHash = EVIDENCE_GENESIS;
  const items = contents.map((content, index) => {
    const fields = {
      seq: index + 1,
      incidentId,
      kind: 'document',
      fileName: 'piece.bin',
      mediaType: 'application/octet-stream',
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      sourceUrl: null,
      capturedAt: '2026-11-02T09:00:00.000Z',
      capturedBy: null,
    };
    const chainHash = evidenceChainHash(prevHash, fields);
    const item = { ...fields, path: sources[index]?.path ?? '', prevHash, chainHash };
    prevHash = chainHash;
    return item;
  });
  return {
    format: BUNDLE_FORMAT,
    establishment: { id: 'e', name: 'CH de test' },
    incident: { id: incidentId, reference: 'INC-2026-0001', title: 'Test' },
    generatedAt: '2026-11-02T10:00:00.000Z',
    generatedBy: { id: 'u', displayName: 'Juriste' },
    items: items.map(({ incidentId: _, ...item }) => item),
    chainHead: { seq: items.length, hash: prevHash },
  };
}

describe('the evidence bundle stream', () => {
  it('reads the pieces one at a time, each to its end before the next is opened, and never all at once', async () => {
    const { log, contents, sources } = instrumentedPieces();
    const manifest = manifestFor(contents, sources);
    const manifestBytes = Buffer.from(JSON.stringify(manifest));
    const zip = bundleStream(manifest, manifestBytes, sources);
    expect(zip).toBeInstanceOf(Readable);

    // The first bytes of the zip come out while later pieces are still unopened: the archive is
    // produced as it is read, not assembled first (6 MiB of pieces, output not consumed yet).
    const first = await new Promise<Buffer>((resolve) => zip.once('data', resolve));
    zip.pause();
    expect(first.length).toBeGreaterThan(0);
    expect(log.filter((entry) => entry.startsWith('open')).length).toBeLessThan(PIECES);

    const rest = await buffer(zip);
    // Strictly sequential: open 0, end 0, open 1, end 1…
    expect(log).toEqual(contents.flatMap((_, index) => [`open ${index}`, `end ${index}`]));

    const path = join(mkdtempSync(join(tmpdir(), 'blouse-bundle-')), 'preuves.zip');
    writeFileSync(path, Buffer.concat([first, rest]));
    const report = await verifyBundle(path);
    expect(report.problems).toEqual([]);
    expect(report.intact).toBe(true);
  });

  it('fails the download when a piece cannot be read, instead of ending an incomplete zip', async () => {
    const { contents, sources } = instrumentedPieces();
    const broken: BundleSource[] = sources.map((source, index) =>
      index === 2 ? { ...source, open: () => Promise.reject(new Error('lecture impossible')) } : source,
    );
    const manifest = manifestFor(contents, sources);
    const zip = bundleStream(manifest, Buffer.from(JSON.stringify(manifest)), broken);
    await expect(buffer(zip)).rejects.toThrow('lecture impossible');
  });
});
