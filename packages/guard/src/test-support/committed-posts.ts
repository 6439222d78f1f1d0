import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SAMPLE_POSTS } from '../bench/sample-posts.js';

const TRAIN_DATA = fileURLToPath(new URL('../../train-data/', import.meta.url));

/**
 * The texts of every post committed with the package (the training sets and the benchmark's), for
 * tests that must hold on real posts: a gate never shuts where its pattern matches.
 */
export function committedPosts(): string[] {
  const texts = SAMPLE_POSTS.map((post) => post.text);
  for (const file of readdirSync(TRAIN_DATA).filter((name) => name.endsWith('.jsonl'))) {
    for (const line of readFileSync(`${TRAIN_DATA}${file}`, 'utf8').split('\n')) {
      if (line.trim() !== '') texts.push((JSON.parse(line) as { text: string }).text);
    }
  }
  return texts;
}
