#!/usr/bin/env node
// Builds the compact gazetteer files committed under packages/guard/data from the project's
// shared gazetteers (see data/PROVENANCE.md for sources and licences).
//
//   node packages/guard/scripts/build-gazetteers.mjs [--from <dir>] [--out <dir>]
//
// --from defaults to <repo>/../shared/data/gazetteers (the shared/ folder
// that sits beside the repository); --out defaults to ../data. The output is deterministic: same
// input, same bytes (gzip header carries no time stamp).

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const args = { from: resolve(here, '../../../../shared/data/gazetteers'), out: resolve(here, '../data') };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag === '--from' || flag === '--out') && value !== undefined) {
      args[flag.slice(2)] = resolve(value);
      i++;
    } else {
      throw new Error(`unknown argument ${flag} (usage: build-gazetteers.mjs [--from DIR] [--out DIR])`);
    }
  }
  return args;
}

/**
 * Same folding as src/text/fold.ts (lower case, diacritics dropped, typographic apostrophes and
 * dashes made plain, white space collapsed), so that keys written here are keys the runtime
 * looks up. A test checks every loaded key is a fixed point of the runtime foldKey.
 */
function foldKey(text) {
  return text
    .replace(/[\u2019\u2018\u02bc\u00b4`]/g, "'")
    .replace(/[\u2010-\u2014]/g, '-')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/\s+/g, ' ');
}

function readRows(path) {
  const text = readFileSync(path, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.split('\t'));
}

/** name → count rows, folded and summed over accent variants; sorted by key (compresses best). */
function foldCounts(rows, minimum) {
  const counts = new Map();
  for (const [name, count] of rows) {
    const n = Number(count);
    if (!name || !Number.isInteger(n)) throw new Error(`bad name row: ${name}\t${count}`);
    const key = foldKey(name);
    counts.set(key, (counts.get(key) ?? 0) + n);
  }
  const kept = [...counts].filter(([, n]) => n >= minimum);
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return kept.map(([key, n]) => `${key}\t${n}`);
}

function writeGzip(outDir, name, lines) {
  const raw = Buffer.from(lines.length > 0 ? `${lines.join('\n')}\n` : '', 'utf8');
  const gz = gzipSync(raw, { level: 9 });
  writeFileSync(join(outDir, name), gz);
  const sha = createHash('sha256').update(gz).digest('hex');
  console.log(
    `${name}: ${lines.length} rows, ${raw.length} bytes raw, ${gz.length} bytes gzip, sha256 ${sha}`,
  );
}

function sha256File(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function main() {
  const { from, out } = parseArgs(process.argv.slice(2));
  mkdirSync(out, { recursive: true });
  for (const name of ['firstnames.tsv', 'surnames.tsv', 'health-terms.tsv']) {
    console.log(`input ${name}: sha256 ${sha256File(join(from, name))}`);
  }

  // INSEE publishes first names only from 20 births and surnames only from 30: keep everything.
  writeGzip(out, 'firstnames.tsv.gz', foldCounts(readRows(join(from, 'firstnames.tsv')), 20));
  writeGzip(out, 'surnames.tsv.gz', foldCounts(readRows(join(from, 'surnames.tsv')), 30));

  const health = readRows(join(from, 'health-terms.tsv'));
  const cim10 = [];
  const drugs = [];
  for (const row of health) {
    const [term, kind, source] = row;
    if (row.length !== 3 || !term || !source) throw new Error(`bad health row: ${row.join('\t')}`);
    if (kind === 'condition') {
      // CIM-10 labels are CC BY-ND: the rows are copied verbatim (term and source untouched,
      // original order); all normalisation happens at load time in src/lexicon.
      cim10.push(`${term}\t${source}`);
    } else if (kind === 'drug') {
      const atc = source.replace(/^edsnlp-drugs:atc=/, '');
      drugs.push(`${term}\t${atc}`);
    }
    // care_unit rows (one hospital's internal care-site abbreviations) are not shipped.
  }
  writeGzip(out, 'cim10-labels.tsv.gz', cim10);
  writeGzip(out, 'drugs.tsv.gz', drugs);
}

try {
  main();
} catch (error) {
  console.error(`build-gazetteers: ${error instanceof Error ? error.message : String(error)}`);
  console.error(
    'The sources are the shared gazetteers (shared/data/gazetteers beside the repository), see data/PROVENANCE.md.',
  );
  process.exitCode = 1;
}
