import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { inputError } from './exit-status.js';

/**
 * Text from bytes of unknown origin: invalid UTF-8 becomes U+FFFD rather than an error, so that a
 * pasted binary file yields a report, not a crash.
 */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
}

export async function readStdin(stdin: AsyncIterable<string | Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stdin) {
    chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  }
  return decodeText(Buffer.concat(chunks));
}

/** Reads a text file; a missing, unreadable or directory path is an input error (exit 66). */
export async function readTextFile(path: string, cwd: string): Promise<string> {
  const absolute = resolve(cwd, path);
  try {
    return decodeText(await readFile(absolute));
  } catch (error) {
    throw inputError(describeReadFailure(path, error as NodeJS.ErrnoException));
  }
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
