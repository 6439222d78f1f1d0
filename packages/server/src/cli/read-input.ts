import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError, dataError, inputError } from './exit-status.js';

const MEBIBYTE = 1024 * 1024;
const READ_CHUNK_BYTES = 64 * 1024;

/**
 * A post to publish is a few kilobytes; 1 MiB leaves ample room while keeping `--file /dev/zero`,
 * a pasted video or an endless pipe from eating the memory or running the analysis for hours.
 */
export const MAX_TEXT_BYTES = MEBIBYTE;

/**
 * Text from bytes of unknown origin: invalid UTF-8 becomes U+FFFD rather than an error, so that a
 * pasted binary file yields a report, not a crash.
 */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
}

/** Reads stdin, but stops as soon as it exceeds `maxBytes` (exit 65) rather than buffering it all. */
export async function readStdin(
  stdin: AsyncIterable<string | Uint8Array>,
  maxBytes = MAX_TEXT_BYTES,
): Promise<string> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    total += bytes.length;
    // Leaving the loop closes the stream: an endless producer (`yes |`) is not read to the end.
    if (total > maxBytes) throw tooLarge('le texte reçu sur l’entrée standard', maxBytes);
    chunks.push(bytes);
  }
  return decodeText(Buffer.concat(chunks));
}

/**
 * Reads a text file. A missing or unreadable path, a directory, a device, a pipe or a socket is
 * an input error (exit 66); a file over `maxBytes` is refused as a data error (exit 65).
 */
export async function readTextFile(path: string, cwd: string, maxBytes = MAX_TEXT_BYTES): Promise<string> {
  return decodeText(await readFileBytes(path, cwd, maxBytes));
}

/** A file's bytes, at most `maxBytes`; a French CliError for a missing, special or too large file. */
export async function readFileBytes(path: string, cwd: string, maxBytes: number): Promise<Uint8Array> {
  const absolute = resolve(cwd, path);
  // stat before open: opening a FIFO for reading would block until some writer shows up.
  refuseUnsuitable(path, await statOrFail(path, absolute), maxBytes);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    // O_NONBLOCK: should the path have been swapped for a FIFO since the stat, open still returns.
    handle = await open(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw inputError(describeReadFailure(path, error as NodeJS.ErrnoException));
  }
  try {
    refuseUnsuitable(path, await handle.stat(), maxBytes);
    return await readAtMost(handle, path, maxBytes);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw inputError(describeReadFailure(path, error as NodeJS.ErrnoException));
  } finally {
    await handle.close();
  }
}

async function statOrFail(path: string, absolute: string): Promise<Stats> {
  try {
    return await stat(absolute);
  } catch (error) {
    throw inputError(describeReadFailure(path, error as NodeJS.ErrnoException));
  }
}

function refuseUnsuitable(path: string, stats: Stats, maxBytes: number): void {
  if (stats.isDirectory()) throw inputError(`« ${path} » est un dossier, pas un fichier.`);
  if (!stats.isFile()) {
    throw inputError(
      `« ${path} » n’est pas un fichier ordinaire (périphérique, tube ou socket) : donnez le chemin d’un fichier ordinaire.`,
    );
  }
  if (stats.size > maxBytes) throw tooLarge(`« ${path} »`, maxBytes);
}

/** The size was checked, but a file can grow while being read: never buffer more than the limit. */
async function readAtMost(
  handle: Awaited<ReturnType<typeof open>>,
  path: string,
  maxBytes: number,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.alloc(READ_CHUNK_BYTES);
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) return Buffer.concat(chunks);
    total += bytesRead;
    if (total > maxBytes) throw tooLarge(`« ${path} »`, maxBytes);
    chunks.push(chunk.subarray(0, bytesRead));
  }
}

function tooLarge(what: string, maxBytes: number) {
  return dataError(`${what} dépasse la taille maximale de ${formatSize(maxBytes)} : rien n’a été vérifié.`);
}

function formatSize(bytes: number): string {
  return bytes % MEBIBYTE === 0 ? `${bytes / MEBIBYTE} Mio` : `${bytes} octets`;
}

export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

export async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function describeReadFailure(path: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return `fichier introuvable : « ${path} ».`;
    case 'EISDIR':
      return `« ${path} » est un dossier, pas un fichier.`;
    case 'EACCES':
    case 'EPERM':
      return `lecture de « ${path} » refusée (droits insuffisants).`;
    default:
      return `lecture de « ${path} » impossible (${error.code ?? error.message}).`;
  }
}
