import { seededRandom } from '@blouse/buzz';
import { describe, expect, it } from 'vitest';
import type { WatchTermKind } from '../../db/schema.js';
import { compileWatchTerms } from './compile.js';
import { foldForMatching } from './fold-for-matching.js';
import type { EstablishmentMatch, WatchTerm } from './matcher.js';
import { termPatterns } from './term-patterns.js';

/**
 * The automaton against the slowest obvious way: every spelling of every term looked for one
 * by one in the folded post, its edges checked by regular expressions, the mention rules
 * applied establishment by establishment. Terms are drawn from a small vocabulary, so that they
 * overlap, are shared by several establishments and meet their exclusions; posts are written
 * from the same words with every trap of the word edges (glued letters and digits, hashtags,
 * handles, underscores, zero-width characters, accents, no-break spaces, emoji).
 */

const KINDS: readonly WatchTermKind[] = [
  'name',
  'name',
  'alias',
  'alias',
  'alias',
  'hashtag',
  'service',
  'exclusion',
];

function vocabulary(random: () => number, size: number): string[] {
  const syllables = [
    'va',
    'mon',
    'chu',
    'lé',
    'ro',
    'ch',
    'sa',
    'int',
    'é',
    'loi',
    'nor',
    'cœ',
    'ur',
    'pa',
    'rc',
    'h',
  ];
  const words = new Set<string>(['CHU', 'CH', 'de', 'du', 'l’', 'Saint', 'Hôpital', 'Clinique', 'urgences']);
  while (words.size < size) {
    let word = '';
    const length = 1 + Math.floor(random() * 3);
    for (let i = 0; i < length; i++) word += syllables[Math.floor(random() * syllables.length)];
    words.add(random() < 0.3 ? word[0]?.toUpperCase() + word.slice(1) : word);
  }
  return [...words];
}

function buildTerms(words: readonly string[], random: () => number, count: number): WatchTerm[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const terms: WatchTerm[] = [];
  for (let index = 0; index < count; index++) {
    const kind = pick(KINDS);
    const length = 1 + Math.floor(random() * (kind === 'exclusion' ? 3 : 2));
    const parts = Array.from({ length }, () => pick(words));
    let written = parts.join(pick([' ', ' ', '-', ' ']));
    if (kind === 'hashtag') written = `#${parts.join('')}`;
    else if (kind === 'alias' && random() < 0.15) written = `@${parts.join('_')}`;
    // About seven terms an establishment; many share a term with others.
    const establishment = Math.floor(random() * Math.ceil(count / 7));
    terms.push({ id: `t${index}`, establishmentId: `e${establishment}`, kind, term: written });
  }
  return terms;
}

function buildPost(words: readonly string[], random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const separators = [
    ' ',
    ' ',
    ' ',
    '  ',
    '\u00a0',
    '-',
    '’',
    "'",
    ', ',
    '\n',
    '_',
    '.',
    ' #',
    ' @',
    '#',
    '@',
    '',
  ];
  const noise = ['', '', '', '', '2', 'x', '\u200b', '\u00ad', 'é', '🙏', '❤️', 'ж', '𝐀', '_'];
  let post = '';
  const length = 5 + Math.floor(random() * 30);
  for (let index = 0; index < length; index++) {
    let word = pick(words);
    // Now and then a hashtag or handle glued from two words, as names of several words are.
    const glue = random();
    if (glue < 0.05) word = `#${word}${pick(words)}`;
    else if (glue < 0.1) word = `@${word}_${pick(words)}`;
    const style = random();
    if (style < 0.15) word = word.toUpperCase();
    else if (style < 0.3) word = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    else if (style < 0.35) word = word.normalize('NFD');
    if (random() < 0.2) {
      const cut = Math.floor(random() * (word.length + 1));
      word = word.slice(0, cut) + pick(noise) + word.slice(cut);
    }
    post += (index === 0 ? '' : pick(separators)) + word;
  }
  return post;
}

/** How often the rules came into play, to be sure the posts exercise them. */
interface RuleCounts {
  exclusionsMet: number;
  servicesAlone: number;
}

/**
 * The obvious matcher: no automaton, no tables, no shortcut for services. Only the spellings of
 * each term are worked out once, as the automaton's are (they have tests of their own).
 */
function naiveMatcher(terms: readonly WatchTerm[]) {
  const spellings = terms.map((term) => termPatterns(term.kind, term.term));
  return (text: string, counts: RuleCounts = { exclusionsMet: 0, servicesAlone: 0 }) =>
    naiveMatch(terms, spellings, text, counts);
}

function naiveMatch(
  terms: readonly WatchTerm[],
  spellings: readonly string[][],
  text: string,
  counts: RuleCounts,
): EstablishmentMatch[] {
  const folded = foldForMatching(text);
  interface Found {
    readonly index: number;
    readonly term: WatchTerm;
    readonly tag: boolean;
    readonly start: number;
    readonly end: number;
  }
  const byEstablishment = new Map<string, Found[]>();
  const seen = new Set<string>();
  terms.forEach((term, index) => {
    if (seen.has(term.id)) return;
    seen.add(term.id);
    if (!byEstablishment.has(term.establishmentId)) byEstablishment.set(term.establishmentId, []);
    for (const pattern of spellings[index] ?? []) {
      if (!folded.includes(pattern)) continue;
      for (const start of occurrences(folded, pattern)) {
        byEstablishment.get(term.establishmentId)?.push({
          index,
          term,
          tag: pattern.startsWith('#') || pattern.startsWith('@'),
          start,
          end: start + pattern.length,
        });
      }
    }
  });
  const result: EstablishmentMatch[] = [];
  for (const [establishmentId, found] of byEstablishment) {
    const exclusions = found.filter((hit) => hit.term.kind === 'exclusion');
    const kept = found.filter(
      (hit) =>
        hit.term.kind !== 'exclusion' &&
        (exclusions.length === 0 ||
          ((hit.term.kind !== 'alias' || hit.tag) &&
            exclusions.every((exclusion) => hit.end <= exclusion.start || exclusion.end <= hit.start))),
    );
    if (exclusions.length > 0 && found.length > exclusions.length) counts.exclusionsMet += 1;
    if (found.length > 0 && found.every((hit) => hit.term.kind === 'service')) counts.servicesAlone += 1;
    if (!kept.some((hit) => hit.term.kind !== 'service')) continue;
    const indexes = [...new Set(kept.map((hit) => hit.index))].sort((a, b) => a - b);
    result.push({ establishmentId, terms: indexes.map((index) => terms[index] as WatchTerm) });
  }
  return result;
}

/** Every start of `pattern` in `text` at word edges, overlapping ones included. */
function occurrences(text: string, pattern: string): number[] {
  let expression = expressions.get(pattern);
  if (expression === undefined) {
    expression = edgeExpression(pattern);
    expressions.set(pattern, expression);
  }
  return [...text.matchAll(expression)].map((match) => match.index);
}
const expressions = new Map<string, RegExp>();

function edgeExpression(pattern: string): RegExp {
  const word = '[\\p{L}\\p{N}\\p{M}]';
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const tag = pattern.startsWith('#') || pattern.startsWith('@');
  const before = tag ? `(?<!${word}|_)` : new RegExp(`^${word}`, 'u').test(pattern) ? `(?<!${word})` : '';
  const endsWithWord = new RegExp(`${word}$`, 'u').test(pattern);
  const after = !endsWithWord
    ? ''
    : pattern.startsWith('@')
      ? `(?!${word}|_|\\.${word})`
      : tag
        ? `(?!${word}|_)`
        : `(?!${word})`;
  return new RegExp(`${before}(?=${escaped}${after})`, 'gu');
}

describe('compileWatchTerms against the obvious matcher', () => {
  it('finds the same establishments and terms in random posts, with 10,000 terms', () => {
    const random = seededRandom(10);
    const words = vocabulary(random, 1_500);
    const terms = buildTerms(words, random, 10_000);
    const matcher = compileWatchTerms(terms);
    const naive = naiveMatcher(terms);
    const counts: RuleCounts = { exclusionsMet: 0, servicesAlone: 0 };
    let mentions = 0;
    for (let sample = 0; sample < 150; sample++) {
      const post = buildPost(words, random);
      const expected = naive(post, counts);
      expect(matcher.match(post), JSON.stringify(post)).toEqual(expected);
      mentions += expected.length;
    }
    // The posts exercise every rule, many times.
    expect(mentions).toBeGreaterThan(1_000);
    expect(counts.exclusionsMet).toBeGreaterThan(10);
    expect(counts.servicesAlone).toBeGreaterThan(100);
  });

  it('agrees on posts that glue terms to letters, digits and tokens', () => {
    const random = seededRandom(11);
    const words = vocabulary(random, 40);
    const terms = buildTerms(words, random, 500);
    const matcher = compileWatchTerms(terms);
    const naive = naiveMatcher(terms);
    const counts: RuleCounts = { exclusionsMet: 0, servicesAlone: 0 };
    for (let sample = 0; sample < 300; sample++) {
      const post = buildPost(words, random);
      expect(matcher.match(post), JSON.stringify(post)).toEqual(naive(post, counts));
    }
    // With few words, exclusions are met all the time.
    expect(counts.exclusionsMet).toBeGreaterThan(100);
  });
});
