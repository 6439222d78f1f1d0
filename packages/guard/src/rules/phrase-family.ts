import { WORD_END, WORD_START } from '../text/words.js';
import { compilePhrase } from './phrase-syntax.js';
import { rememberLast } from './remember-last.js';
import { KeyIndex } from './word-gate.js';

/**
 * Phrase families: the many phrase patterns of one kind of language (threats, insults,
 * complaints…), each with a label, scanned together over the folded text.
 *
 * Why this shape: the guard must read thousands of posts per second, and a regular expression
 * with hundreds of alternatives is slow twice over: V8 tries every alternative at every word,
 * and compiling it takes milliseconds. So a phrase names its key, the word (or words) any match
 * must contain ("tuer?|buter?…" for "je vais le buter"); a post is only scanned for the phrases
 * whose key words it contains, each phrase being its own small expression, compiled the first
 * time a post needs it. A family whose phrases have no keys (who is spoken of, the tone of a
 * post) is scanned whole, as one alternation.
 *
 * Phrases are written in the guard's one phrase syntax (`phrase-syntax.ts`). Word phrases are
 * matched between the word edges of `text/words.ts`; sign phrases (emojis, "?") get no edges and
 * are plain regex. Every expression runs without the `u` flag.
 */

/** Where something was found (offsets in the folded text are offsets in the original). */
export interface Hit {
  readonly start: number;
  readonly end: number;
}

export interface LabelledHit<L extends string> extends Hit {
  readonly label: L;
}

/**
 * A phrase: its label, its readable source, and optionally its key, a fragment naming the words
 * one of which any match must contain. An empty key marks a companion phrase, which only matters
 * beside another phrase of the family (laughter beside a threat, a group beside a claim about
 * it): it is looked for only when another phrase of the family is.
 */
export type Phrase<L extends string> = readonly [label: L, source: string, key?: string];

interface Compiled<L extends string> {
  readonly label: L;
  readonly pattern: RegExp;
  /** A sign made of emojis only, which a post without any pictograph cannot contain. */
  readonly pictographic?: boolean;
}

export interface PhraseFamily<L extends string> {
  /** Its number among all families, for the shared index of key words. */
  readonly id: number;
  /** Keyed phrases, in the family's order (earlier phrases win where two match the same words). */
  readonly keyed: readonly Compiled<L>[];
  readonly companions: readonly number[];
  /** The phrases without keys, as one alternation with a capture group per label run. */
  readonly whole: RegExp | null;
  readonly wholeLabels: readonly L[];
  /** Signs (emojis, marks), each its own small expression, looked for in every post. */
  readonly signs: readonly Compiled<L>[];
}

// Emojis and pictographic signs: surrogate pairs and the symbol blocks (❤, ☠, ✊).
const PICTOGRAPH = /[\u2190-\u2bff\ud800-\udfff]/;

/** Whether the text has any emoji at all, asked once per post before the emoji signs. */
const hasPictograph = rememberLast((text: string): boolean => PICTOGRAPH.test(text));

function wordPattern(source: string): RegExp {
  return new RegExp(`${WORD_START}(?:${compilePhrase(source)})${WORD_END}`, 'g');
}

/**
 * Builds a family from word phrases (matched between word edges) and sign phrases (matched as
 * they are). Earlier phrases win when two would match at the same place, so list the longer,
 * more specific ones first.
 */
export function phraseFamily<L extends string>(
  words: readonly Phrase<L>[],
  signs: readonly Phrase<L>[] = [],
): PhraseFamily<L> {
  const id = familyCount++;
  const keyedPhrases = words.filter(([, , key]) => key !== undefined);
  const loose = words.filter(([, , key]) => key === undefined);
  const companions: number[] = [];
  keyedPhrases.forEach(([, , key], at) => {
    if (key === '') companions.push(at);
    if (key !== '' && key !== undefined) KEYS.addKey(key, id * FAMILY_STRIDE + at);
  });

  // Consecutive loose phrases with the same label share one capture group.
  const runs: { label: L; sources: string[] }[] = [];
  for (const [label, source] of loose) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.label === label) last.sources.push(compilePhrase(source));
    else runs.push({ label, sources: [compilePhrase(source)] });
  }
  const whole =
    runs.length > 0
      ? new RegExp(
          `${WORD_START}(?:${runs.map((run) => `(${run.sources.join('|')})`).join('|')})${WORD_END}`,
          'g',
        )
      : null;
  if (whole !== null && (new RegExp(`${whole.source}|`).exec('')?.length ?? 1) !== runs.length + 1) {
    throw new Error('phrase family: phrases must use non-capturing groups only');
  }
  return {
    id,
    keyed: keyedPhrases.map(([label, source]) => ({ label, pattern: wordPattern(source) })),
    companions,
    whole,
    wholeLabels: runs.map((run) => run.label),
    signs: signs.map(([label, source]) => ({
      label,
      pattern: new RegExp(source, 'g'),
      pictographic: PICTOGRAPH.test(source) && !/[a-z0-9?]/i.test(source.replace(/\\s\*/g, '')),
    })),
  };
}

/** Every match of the family in the text, in text order, with the label of its phrase. */
export function scanFamily<L extends string>(family: PhraseFamily<L>, text: string): LabelledHit<L>[] {
  const found: (LabelledHit<L> & { readonly rank: number })[] = [];
  const wanted = keyedPhrasesIn(family, text);
  for (const at of wanted) {
    const phrase = family.keyed[at];
    if (phrase !== undefined) collect(phrase.pattern, text, phrase.label, at, found);
  }
  if (family.whole !== null) collectWhole(family, family.whole, text, found);
  const pictographs = hasPictograph(text);
  family.signs.forEach((sign, at) => {
    if (pictographs || sign.pictographic !== true) {
      collect(sign.pattern, text, sign.label, family.keyed.length + at, found);
    }
  });
  if (found.length < 2) return found.map(({ start, end, label }) => ({ start, end, label }));
  // Where two phrases matched overlapping words, keep what one alternation would: the leftmost,
  // then the earlier phrase.
  found.sort((a, b) => a.start - b.start || a.rank - b.rank);
  const hits: LabelledHit<L>[] = [];
  let reached = -1;
  for (const { start, end, label } of found) {
    if (start < reached) continue;
    hits.push({ start, end, label });
    reached = end;
  }
  return hits;
}

/** The keyed phrases whose key words the text contains, with the companions if any is. */
function keyedPhrasesIn<L extends string>(family: PhraseFamily<L>, text: string): number[] {
  const wanted = phrasesWanted(text).get(family.id);
  if (wanted === undefined) return [];
  return family.companions.length === 0 ? wanted : [...new Set([...wanted, ...family.companions])];
}

// Every family files its key words in one index, so that a post's words are looked up once for
// all families rather than once per family.
const KEYS = new KeyIndex<number>();
const FAMILY_STRIDE = 4096;
let familyCount = 0;

function computePhrasesWanted(text: string): Map<number, number[]> {
  const wanted = new Map<number, number[]>();
  for (const entry of KEYS.wanted(text)) {
    const family = Math.floor(entry / FAMILY_STRIDE);
    const list = wanted.get(family);
    if (list === undefined) wanted.set(family, [entry % FAMILY_STRIDE]);
    else list.push(entry % FAMILY_STRIDE);
  }
  return wanted;
}

/** Family number → the keyed phrases of that family whose key words the text contains. */
const phrasesWanted = rememberLast(computePhrasesWanted);

function collect<L extends string>(
  pattern: RegExp,
  text: string,
  label: L,
  rank: number,
  found: (LabelledHit<L> & { readonly rank: number })[],
): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (end === start) pattern.lastIndex++;
    found.push({ start, end, label, rank });
  }
  pattern.lastIndex = 0;
}

function collectWhole<L extends string>(
  family: PhraseFamily<L>,
  pattern: RegExp,
  text: string,
  found: (LabelledHit<L> & { readonly rank: number })[],
): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (end === start) pattern.lastIndex++;
    let group = 1;
    while (group < match.length && match[group] === undefined) group++;
    const label = family.wholeLabels[group - 1];
    if (label !== undefined) found.push({ start, end, label, rank: family.keyed.length + group });
  }
  pattern.lastIndex = 0;
}

/** One readable pattern as a regex over folded text, for the few checks that stand alone. */
export function cue(source: string): RegExp {
  return new RegExp(`${WORD_START}(?:${compilePhrase(source)})${WORD_END}`, 'g');
}

export function matches(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

export { anyOf, gap, within } from './phrase-syntax.js';
