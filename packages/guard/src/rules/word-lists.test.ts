import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataFileUrl } from '../lexicon/data-files.js';
import { compilePhrase } from './phrase-syntax.js';
import { wordList } from './word-lists.js';

const names = readdirSync(dataFileUrl('rules/'))
  .filter((file) => file.endsWith('.txt'))
  .map((file) => file.slice(0, -4));

describe('the rule word lists (data/rules)', () => {
  it('are there', () => {
    expect(names.length).toBeGreaterThan(40);
  });

  it.each(names)('%s states its purpose first, and lists phrases that compile, each once', (name) => {
    const text = readFileSync(dataFileUrl(`rules/${name}.txt`), 'utf8');
    expect(text.startsWith('# ')).toBe(true);
    const phrases = wordList(name);
    expect(new Set(phrases).size).toBe(phrases.length);
    for (const phrase of phrases) expect(() => new RegExp(compilePhrase(phrase))).not.toThrow();
  });
});
