// The training posts listed in train-data/manifest.json, inspected exactly as at run time
// (src/inspect.ts), with each file's SHA-256 for the weights' provenance. Shared by the
// decision-layer and span-tagger trainers.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseEvalSet } from '../dist/eval/jsonl.js';
import { inspect } from '../dist/inspect.js';

const root = new URL('../', import.meta.url);

/** Returns { files: [{path, kind, posts, sha256}], posts: [{record, inspection}] }; exits on a bad line. */
export function loadTrainingPosts(lexicon) {
  const manifest = JSON.parse(readFileSync(new URL('train-data/manifest.json', root), 'utf8'));
  const posts = [];
  const files = [];
  for (const entry of manifest.files) {
    const content = readFileSync(new URL(`train-data/${entry.path}`, root), 'utf8');
    const parsed = parseEvalSet(content);
    if (parsed.invalid.length > 0) {
      console.error(
        `${entry.path}: ${parsed.invalid.length} invalid lines, first: ${JSON.stringify(parsed.invalid[0])}`,
      );
      process.exit(1);
    }
    files.push({
      path: entry.path,
      kind: entry.kind,
      posts: parsed.records.length,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
    for (const record of parsed.records) {
      posts.push({ record, inspection: inspect(record.text, { context: record.context }, lexicon) });
    }
  }
  return { files, posts };
}
