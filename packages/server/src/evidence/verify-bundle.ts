import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { BUNDLE_FORMAT, MANIFEST_PATH, type Manifest, manifestSchema, README_PATH } from './bundle-format.js';
import { EVIDENCE_GENESIS, evidenceChainHash } from './evidence-chain.js';
import { zipLayoutProblems } from './zip-layout.js';

export type BundleProblemKind = 'altered' | 'missing' | 'added' | 'unsafe' | 'link' | 'order';

/** One difference between the archive and what its manifest vouches for, in French. */
export interface BundleProblem {
  readonly kind: BundleProblemKind;
  readonly path: string | null;
  readonly seq: number | null;
  readonly message: string;
}

export interface BundleReport {
  readonly intact: boolean;
  readonly manifest: Manifest;
  /** To compare with the « evidence.export » entry of the establishment's audit log. */
  readonly manifestSha256: string;
  readonly problems: readonly BundleProblem[];
}

/** The file is not there or cannot be read (exit 66), or is not a Blouse export (exit 65). */
export class BundleError extends Error {
  constructor(
    readonly reason: 'unreadable' | 'not_bundle',
    message: string,
  ) {
    super(message);
    this.name = 'BundleError';
  }
}

export interface BundleLimits {
  /** Sum of the pieces' sizes read at most; 2 GiB by default. */
  readonly maxTotalBytes: number;
  readonly maxManifestBytes: number;
  readonly maxEntries: number;
}

const DEFAULT_LIMITS: BundleLimits = {
  maxTotalBytes: 2 * 1024 ** 3,
  maxManifestBytes: 64 * 1024 ** 2,
  maxEntries: 100_000,
};

/**
 * Checks an evidence export without extracting it: nothing is written to disk, no entry path
 * is ever used as one, and no more bytes are inflated than the manifest announces (a zip bomb
 * stops at the announced size). Every file's size and SHA-256, every chain link, and the one-to-one
 * match between the manifest's items and the archive's files are checked.
 */
export async function verifyBundle(
  path: string,
  limits: BundleLimits = DEFAULT_LIMITS,
): Promise<BundleReport> {
  await requireRegularFile(path);
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(path, {
      lazyEntries: true,
      autoClose: false,
      // We decode and judge every name ourselves, so that an unsafe one is reported, not fatal.
      decodeStrings: false,
      validateEntrySizes: true,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== undefined) throw new BundleError('unreadable', `lecture impossible (${code}).`);
    throw new BundleError('not_bundle', 'ce fichier n’est pas une archive zip lisible.');
  }
  try {
    return await verifyOpenZip(zip, path, limits);
  } finally {
    zip.close();
  }
}

async function requireRegularFile(path: string): Promise<void> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new BundleError('unreadable', `« ${path} » n’est pas un fichier ordinaire.`);
  } catch (error) {
    if (error instanceof BundleError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new BundleError(
      'unreadable',
      code === 'ENOENT'
        ? `fichier introuvable : « ${path} ».`
        : `lecture impossible de « ${path} » (${code ?? 'erreur'}).`,
    );
  }
}

async function verifyOpenZip(zip: ZipFile, path: string, limits: BundleLimits): Promise<BundleReport> {
  const problems: BundleProblem[] = [];
  const entries = new Map<string, Entry>();
  const everyEntry: Entry[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      everyEntry.push(entry);
      if (everyEntry.length > limits.maxEntries) {
        throw new BundleError('not_bundle', `l’archive contient plus de ${limits.maxEntries} entrées.`);
      }
      const name = entryName(entry);
      const unsafe = unsafeReason(name);
      if (unsafe !== undefined) {
        problems.push({
          kind: 'unsafe',
          path: name,
          seq: null,
          message: `entrée dangereuse « ${name} » : ${unsafe}.`,
        });
        continue;
      }
      if (name.endsWith('/') && entry.uncompressedSize === 0) continue; // a folder carries no data
      if (entries.has(name)) {
        problems.push({ kind: 'unsafe', path: name, seq: null, message: `entrée en double « ${name} ».` });
        continue;
      }
      entries.set(name, entry);
    }
  } catch (error) {
    if (error instanceof BundleError) throw error;
    throw new BundleError('not_bundle', 'l’archive zip est endommagée (répertoire central illisible).');
  }

  // What the central directory lists must be all the archive holds, each byte in one entry.
  for (const reason of await zipLayoutProblems(path, everyEntry)) {
    problems.push({ kind: 'unsafe', path: null, seq: null, message: `archive irrégulière : ${reason}.` });
  }

  const manifestEntry = entries.get(MANIFEST_PATH);
  if (manifestEntry === undefined) {
    throw new BundleError('not_bundle', 'pas de manifest.json : ce n’est pas une archive de preuves Blouse.');
  }
  const manifestBytes = await readManifestBytes(zip, manifestEntry, limits);
  const manifest = parseManifest(manifestBytes);
  const manifestSha256 = createHash('sha256').update(manifestBytes).digest('hex');

  const total = manifest.items.reduce((sum, item) => sum + item.size, 0);
  if (total > limits.maxTotalBytes) {
    throw new BundleError(
      'not_bundle',
      `le manifeste annonce ${total} octets, au-delà de la limite de ${limits.maxTotalBytes} octets.`,
    );
  }

  const listed = new Set<string>();
  for (const item of manifest.items) {
    const label = `pièce n° ${item.seq} « ${item.path} »`;
    if (listed.has(item.path)) {
      problems.push({
        kind: 'order',
        path: item.path,
        seq: item.seq,
        message: `${label} listée deux fois dans le manifeste.`,
      });
      continue;
    }
    listed.add(item.path);
    const entry = entries.get(item.path);
    if (entry === undefined) {
      problems.push({
        kind: 'missing',
        path: item.path,
        seq: item.seq,
        message: `fichier manquant : ${label}.`,
      });
    } else {
      const problem = await checkFile(zip, entry, item.size, item.sha256);
      if (problem !== undefined) {
        problems.push({
          kind: 'altered',
          path: item.path,
          seq: item.seq,
          message: `fichier modifié : ${label} (${problem}).`,
        });
      }
    }
  }
  for (const name of entries.keys()) {
    if (name !== MANIFEST_PATH && name !== README_PATH && !listed.has(name)) {
      problems.push({
        kind: 'added',
        path: name,
        seq: null,
        message: `fichier ajouté, absent du manifeste : « ${name} ».`,
      });
    }
  }
  problems.push(...checkChain(manifest));
  return { intact: problems.length === 0, manifest, manifestSha256, problems };
}

/** Names as stored: backslashes are kept (not turned into folders) so they can be refused. */
function entryName(entry: Entry): string {
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
}

function unsafeReason(name: string): string | undefined {
  if (name === '') return 'nom vide';
  if (name.includes('\\')) return 'barre oblique inverse dans le chemin';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'chemin absolu';
  if (name.split('/').includes('..')) return 'chemin qui remonte hors de l’archive (« .. »)';
  if (/\p{Cc}/u.test(name)) return 'caractère de contrôle dans le nom';
  return undefined;
}

async function readManifestBytes(zip: ZipFile, entry: Entry, limits: BundleLimits): Promise<Buffer> {
  if (entry.uncompressedSize > limits.maxManifestBytes) {
    throw new BundleError('not_bundle', 'manifest.json est anormalement volumineux.');
  }
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of await openEntry(zip, entry)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } catch {
    throw new BundleError('not_bundle', 'manifest.json est illisible dans l’archive.');
  }
}

function parseManifest(bytes: Buffer): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new BundleError('not_bundle', 'manifest.json n’est pas du JSON valide.');
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== BUNDLE_FORMAT) {
    throw new BundleError('not_bundle', `format inconnu (« ${String(format)} ») : attendu ${BUNDLE_FORMAT}.`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BundleError(
      'not_bundle',
      `manifest.json ne suit pas le format ${BUNDLE_FORMAT} (champ « ${issue?.path.join('.') ?? '?'} »).`,
    );
  }
  return parsed.data;
}

function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  return zip.openReadStreamPromise(entry);
}

/**
 * Size first (from the central directory, and enforced while inflating), then SHA-256: a file
 * is never inflated beyond the size its manifest item announces.
 */
async function checkFile(
  zip: ZipFile,
  entry: Entry,
  size: number,
  sha256: string,
): Promise<string | undefined> {
  if (entry.isEncrypted()) return 'entrée chiffrée';
  if (entry.uncompressedSize !== size) return `taille ${entry.uncompressedSize} octets au lieu de ${size}`;
  const hash = createHash('sha256');
  let read = 0;
  try {
    for await (const chunk of await openEntry(zip, entry)) {
      read += (chunk as Buffer).length;
      if (read > size) return `plus de ${size} octets`;
      hash.update(chunk as Buffer);
    }
  } catch {
    return 'contenu illisible ou tronqué';
  }
  const actual = hash.digest('hex');
  return actual === sha256 ? undefined : `SHA-256 ${actual} au lieu de ${sha256}`;
}

/**
 * Each item's link is checked on its own (its fields and prevHash give its chainHash); items are
 * a part of the establishment's chain, so consecutive positions must also link to each other.
 */
export function checkChain(manifest: Manifest): BundleProblem[] {
  const problems: BundleProblem[] = [];
  let previous: Manifest['items'][number] | undefined;
  for (const item of manifest.items) {
    const recomputed = evidenceChainHash(item.prevHash, {
      seq: item.seq,
      incidentId: manifest.incident.id,
      kind: item.kind,
      fileName: item.fileName,
      mediaType: item.mediaType,
      size: item.size,
      sha256: item.sha256,
      sourceUrl: item.sourceUrl,
      capturedAt: item.capturedAt,
      capturedBy: item.capturedBy?.id ?? null,
      originalSha256: item.originalSha256 ?? null,
    });
    const at = { path: item.path, seq: item.seq };
    if (recomputed !== item.chainHash) {
      problems.push({
        kind: 'link',
        ...at,
        message: `maillon n° ${item.seq} rompu : ses champs ou son prevHash ne donnent plus son chainHash.`,
      });
    }
    if (item.seq === 1 && item.prevHash !== EVIDENCE_GENESIS) {
      problems.push({
        kind: 'link',
        ...at,
        message: 'maillon n° 1 rompu : son prevHash devrait être 64 zéros.',
      });
    }
    if (previous !== undefined) {
      if (item.seq <= previous.seq) {
        problems.push({
          kind: 'order',
          ...at,
          message: `ordre de la chaîne rompu : la pièce n° ${item.seq} suit la pièce n° ${previous.seq}.`,
        });
      } else if (item.seq === previous.seq + 1 && item.prevHash !== previous.chainHash) {
        problems.push({
          kind: 'link',
          ...at,
          message: `maillon n° ${item.seq} rompu : son prevHash n’est pas le chainHash de la pièce n° ${previous.seq}.`,
        });
      }
    }
    previous = item;
  }
  const head = manifest.chainHead;
  if (previous !== undefined) {
    if (head === null || previous.seq > head.seq) {
      problems.push({
        kind: 'link',
        path: previous.path,
        seq: previous.seq,
        message: `la pièce n° ${previous.seq} est au-delà de la tête de chaîne annoncée.`,
      });
    } else if (previous.seq === head.seq && previous.chainHash !== head.hash) {
      problems.push({
        kind: 'link',
        path: previous.path,
        seq: previous.seq,
        message: `la tête de chaîne annoncée (n° ${head.seq}) ne correspond pas à la dernière pièce.`,
      });
    }
  }
  return problems;
}
