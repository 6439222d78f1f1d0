import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createIncident, multipart, PNG, readZip, renameEntry, writeZip } from '../evidence/test-kit.js';
import { createTestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';
import { evidenceCommand } from './evidence.js';
import { EXIT } from './exit-status.js';
import { captureIo } from './test-io.js';

type Entries = Array<[string, Buffer]>;

/** Runs the command as `main` would (errors become a status and one sentence on stderr). */
async function verify(file: string, ...extra: string[]) {
  const { io, out, err } = captureIo();
  let status: number;
  try {
    status = await evidenceCommand(['verify', file, ...extra], io);
  } catch (error) {
    const cliError = error as { status?: number; message: string };
    if (cliError.status === undefined) throw error;
    io.stderr.write(cliError.message);
    status = cliError.status;
  }
  return { status, out: out(), err: err() };
}

describe.each(DIALECTS)('blouse evidence verify on an export (%s)', (dialect) => {
  let original: Buffer;
  let entries: Entries;
  let dir: string;
  let counter = 0;

  beforeAll(async () => {
    const t = await createTestApp(dialect);
    try {
      const establishment = await t.establishment();
      const legal = await t.user({ [establishment]: 'legal' });
      const incident = await createIncident(t.storage.db, establishment, 'Vidéo tournée en salle de soins');
      const other = await createIncident(t.storage.db, establishment);
      const url = (id: string) => `/api/establishments/${establishment}/incidents/${id}/evidence`;
      const png = multipart([
        { name: 'kind', value: 'screenshot' },
        { name: 'file', value: PNG, fileName: 'Capture d’écran 1.png' },
      ]);
      await t.as(legal, { method: 'POST', url: url(incident), payload: png.payload, headers: png.headers });
      await t.as(legal, {
        method: 'POST',
        url: url(other),
        payload: { kind: 'text', content: 'autre incident' },
      });
      await t.as(legal, {
        method: 'POST',
        url: url(incident),
        payload: { kind: 'text', content: 'commentaire capturé' },
      });
      await t.as(legal, {
        method: 'POST',
        url: url(incident),
        payload: { kind: 'text', content: 'deuxième commentaire' },
      });
      const response = await t.as(legal, { method: 'GET', url: `${url(incident)}/export` });
      expect(response.statusCode).toBe(200);
      original = response.rawPayload;
    } finally {
      await t.close();
    }
    entries = await readZip(original);
    dir = mkdtempSync(join(tmpdir(), 'blouse-verify-'));
  });

  const save = (bytes: Buffer): string => {
    counter += 1;
    const file = join(dir, `copie-${counter}.zip`);
    writeFileSync(file, bytes);
    return file;
  };
  const manifestOf = (list: Entries) =>
    JSON.parse((list.find(([name]) => name === 'manifest.json') as [string, Buffer])[1].toString('utf8'));
  const withManifest = (list: Entries, edit: (manifest: ReturnType<typeof manifestOf>) => void): Entries => {
    const manifest = manifestOf(list);
    edit(manifest);
    return list.map(([name, bytes]) => [
      name,
      name === 'manifest.json' ? Buffer.from(JSON.stringify(manifest)) : bytes,
    ]);
  };
  const firstPiece = () => entries.find(([name]) => name.startsWith('evidence/')) as [string, Buffer];

  it('says an untouched export is intact (exit 0), and gives the manifest’s SHA-256', async () => {
    const result = await verify(save(original));
    expect(result.status).toBe(EXIT.ok);
    expect(result.out).toContain('Archive intacte : 3 pièce(s)');
    expect(result.out).toMatch(/Empreinte du manifeste \(SHA-256\) : [0-9a-f]{64}/);
    const json = await verify(save(original), '--json');
    expect(JSON.parse(json.out)).toMatchObject({ intact: true, items: 3, problems: [] });
    // The pieces of this incident are a part of the chain: seq 1, 3, 4 (2 is the other incident).
    expect(manifestOf(entries).items.map((item: { seq: number }) => item.seq)).toEqual([1, 3, 4]);
  });

  it('names a file changed by one byte', async () => {
    const [name, bytes] = firstPiece();
    const changed = Buffer.from(bytes);
    changed[changed.length - 1] = (changed[changed.length - 1] as number) ^ 1;
    const result = await verify(save(await writeZip(entries.map(([n, b]) => [n, n === name ? changed : b]))));
    expect(result.status).toBe(1);
    expect(result.out).toContain('Archive altérée : 1 anomalie(s)');
    expect(result.out).toContain(`fichier modifié : pièce n° 1 « ${name} » (SHA-256`);
  });

  it('sees a manifest edited after the export', async () => {
    const dated = await verify(
      save(
        await writeZip(withManifest(entries, (m) => (m.items[1].capturedAt = '2026-01-01T00:00:00.000Z'))),
      ),
    );
    expect(dated.status).toBe(1);
    expect(dated.out).toContain('maillon n° 3 rompu');

    const rehashed = await verify(
      save(await writeZip(withManifest(entries, (m) => (m.items[0].sha256 = 'a'.repeat(64))))),
    );
    expect(rehashed.status).toBe(1);
    expect(rehashed.out).toContain('fichier modifié : pièce n° 1');
    expect(rehashed.out).toContain('maillon n° 1 rompu');

    const reordered = await verify(save(await writeZip(withManifest(entries, (m) => m.items.reverse()))));
    expect(reordered.status).toBe(1);
    expect(reordered.out).toContain('ordre de la chaîne rompu');

    const relinked = await verify(
      save(await writeZip(withManifest(entries, (m) => (m.items[2].prevHash = m.items[0].chainHash)))),
    );
    expect(relinked.out).toContain('maillon n° 4 rompu');
  });

  it('names a missing file and an added file', async () => {
    const [name] = firstPiece();
    const missing = await verify(save(await writeZip(entries.filter(([n]) => n !== name))));
    expect(missing.status).toBe(1);
    expect(missing.out).toContain(`fichier manquant : pièce n° 1 « ${name} »`);

    const added = await verify(save(await writeZip([...entries, ['evidence/999-ajout.png', PNG]])));
    expect(added.status).toBe(1);
    expect(added.out).toContain('fichier ajouté, absent du manifeste : « evidence/999-ajout.png »');
  });

  it('refuses unsafe entries without reading them: « .. », absolute paths, backslashes, duplicates', async () => {
    const forged = await writeZip([...entries, ['zz/evil', Buffer.from('pwned')]]);
    const parent = await verify(save(renameEntry(forged, 'zz/evil', '../evil')));
    expect(parent.status).toBe(1);
    expect(parent.out).toContain('entrée dangereuse « ../evil » : chemin qui remonte');

    const absolute = await verify(save(renameEntry(forged, 'zz/evil', '/z/evil')));
    expect(absolute.out).toContain('entrée dangereuse « /z/evil » : chemin absolu');

    const backslash = await verify(save(renameEntry(forged, 'zz/evil', 'zz\\evil')));
    expect(backslash.out).toContain('barre oblique inverse');

    const [name, bytes] = firstPiece();
    const twice = await verify(save(await writeZip([...entries, [name, bytes]])));
    expect(twice.status).toBe(1);
    expect(twice.out).toContain(`entrée en double « ${name} »`);
  });

  it('tells a file that is not a Blouse export (65) from one that cannot be read (66)', async () => {
    const text = join(dir, 'note.zip');
    writeFileSync(text, 'ceci n’est pas une archive');
    expect((await verify(text)).status).toBe(EXIT.dataError);

    const noManifest = await verify(save(await writeZip(entries.filter(([n]) => n !== 'manifest.json'))));
    expect(noManifest.status).toBe(EXIT.dataError);
    expect(noManifest.err).toContain('pas de manifest.json');

    const brokenJson = await verify(
      save(await writeZip(entries.map(([n, b]) => [n, n === 'manifest.json' ? b.subarray(0, 20) : b]))),
    );
    expect(brokenJson.status).toBe(EXIT.dataError);
    const otherFormat = await verify(
      save(await writeZip(withManifest(entries, (m) => (m.format = 'autre/2')))),
    );
    expect(otherFormat.status).toBe(EXIT.dataError);
    expect(otherFormat.err).toContain('format inconnu');

    expect((await verify(join(dir, 'absente.zip'))).status).toBe(EXIT.noInput);
    const folder = join(dir, 'dossier.zip');
    mkdirSync(folder);
    expect((await verify(folder)).status).toBe(EXIT.noInput);
  });
});

describe('blouse evidence (command line)', () => {
  it('prints its help and refuses a wrong command line', async () => {
    const help = captureIo();
    expect(await evidenceCommand(['--help'], help.io)).toBe(EXIT.ok);
    expect(help.out()).toContain('blouse evidence verify ARCHIVE.zip');
    for (const argv of [
      [],
      ['sign'],
      ['verify'],
      ['verify', 'a.zip', 'b.zip'],
      ['verify', 'a.zip', '--fast'],
    ]) {
      const { io } = captureIo();
      await expect(evidenceCommand(argv, io)).rejects.toMatchObject({ status: EXIT.usage });
    }
  });
});
