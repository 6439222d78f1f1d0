import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/**
 * The committed gazetteers live in packages/guard/data. This module sits in src/lexicon (run by
 * Vitest) or dist/lexicon (compiled), both two levels below the package root, so the same
 * relative URL finds the data from either place.
 */
const DATA_DIR = new URL('../../data/', import.meta.url);

export function dataFileUrl(name: string): URL {
  return new URL(name, DATA_DIR);
}

/** The text of a gzipped data file. */
export function readGzipText(name: string): string {
  return gunzipSync(readFileSync(dataFileUrl(name))).toString('utf8');
}

/** Rows of a gzipped tab-separated data file (no header, one row per non-empty line). */
export function readGzipRows(name: string): string[][] {
  const rows: string[][] = [];
  for (const line of readGzipText(name).split('\n')) if (line.length > 0) rows.push(line.split('\t'));
  return rows;
}

/** A plain-text word list: one folded word per line, « # » to the end of a line is a comment. */
export function readWordList(name: string): Set<string> {
  const words = new Set<string>();
  for (const line of readFileSync(dataFileUrl(name), 'utf8').split('\n')) {
    const word = line.replace(/#.*$/u, '').trim();
    if (word.length > 0) words.add(word);
  }
  return words;
}
