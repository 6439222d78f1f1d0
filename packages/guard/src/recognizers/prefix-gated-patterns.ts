/**
 * Runs only the patterns that can match a given text. Each pattern is filed under the literal
 * letters it must start with (up to three: "infarctus…" under "inf"); a text is scanned only with
 * the groups whose key begins one of its words. Patterns that start with a choice or a group
 * have no key and always run. Exact: a match starts at a word start (callers check it), so its
 * first letters are the first letters of a word of the text. The words are the key-word gate's
 * (`rules/word-gate.ts`), read once per post for every gate.
 */
import { KeyIndex, literalKey } from '../rules/word-gate.js';
import { isWordCode } from '../text/words.js';

const KEY_LENGTH = 3;
/** Past this many groups, a single pass of the whole alternation is cheaper. */
const MAX_GROUP_PASSES = 16;

export interface GatedMatch {
  readonly index: number;
  readonly text: string;
}

export interface PrefixGatedPatterns {
  /** Every match in the text of any pattern, in no particular order (overlaps possible). */
  matches(text: string): GatedMatch[];
}

/**
 * Long texts are read in windows of this size, overlapping by more than any match is long, so
 * that each window wakes only the groups its own words need: linear in the text, whatever its
 * length.
 */
const WINDOW = 2_000;
const OVERLAP = 200;

/** `fragments` are regex sources over folded text; `suffix` is appended to each group. */
export function prefixGatedPatterns(fragments: readonly string[], suffix: string): PrefixGatedPatterns {
  const groups = new Map<string, string[]>();
  const always: string[] = [];
  for (const fragment of fragments) {
    // The gate's words stop at apostrophes and hyphens, so a key does too.
    const key = literalKey(fragment, KEY_LENGTH);
    if (key.length === 0) {
      always.push(fragment);
      continue;
    }
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [fragment]);
    else group.push(fragment);
  }
  // A match starts at a word start: the look-behind fails every mid-word position at once.
  const compile = (sources: readonly string[]) =>
    new RegExp(`(?<![\\p{L}\\p{N}])(?:${sources.join('|')})${suffix}`, 'gu');
  // A group's patterns all start with its key: written first, the key lets V8 skip ahead to
  // where it occurs instead of trying the look-behind at every position; the word start is then
  // checked behind the key. Measured: about a quarter faster per pass on posts.
  const compileKeyed = (key: string, sources: readonly string[]) =>
    new RegExp(
      `${key}(?<![\\p{L}\\p{N}]${key})(?:${sources.map((source) => source.slice(key.length)).join('|')})${suffix}`,
      'gu',
    );
  const compiled = new Map([...groups].map(([key, sources]) => [key, compileKeyed(key, sources)]));
  const alwaysPattern = always.length > 0 ? compile(always) : null;
  // On a long text most groups are wanted, and one pass of the whole alternation beats dozens of
  // passes of its parts.
  const everything = bySourceLength(fragments).map(compile);
  const gate = new KeyIndex<RegExp>();
  for (const [key, pattern] of compiled) gate.addPrefix(key, pattern);

  const inWindow = (text: string): GatedMatch[] => {
    const wanted = new Set<RegExp>();
    if (alwaysPattern !== null) wanted.add(alwaysPattern);
    for (const pattern of gate.wanted(text)) wanted.add(pattern);
    const found: GatedMatch[] = [];
    const passes = wanted.size > MAX_GROUP_PASSES ? everything : wanted;
    for (const pattern of passes) {
      pattern.lastIndex = 0;
      for (const match of text.matchAll(pattern)) found.push({ index: match.index, text: match[0] });
    }
    return found;
  };

  return {
    matches(text: string): GatedMatch[] {
      if (text.length <= WINDOW + OVERLAP) return inWindow(text);
      const found: GatedMatch[] = [];
      const seen = new Set<number>();
      for (let start = 0; start < text.length; start += WINDOW) {
        // A window starts at a word start: cutting a word would make a false match inside it.
        let from = start;
        while (from > 0 && from > start - OVERLAP && mayBeInWord(text.charCodeAt(from - 1))) from--;
        const end = Math.min(text.length, start + WINDOW + OVERLAP);
        for (const match of inWindow(text.slice(from, end))) {
          const index = from + match.index;
          // The longest match at an offset wins; a window's tail may cut a match short, so a
          // match that touches the window's end is left to the next window.
          if (end < text.length && index + match.text.length >= end) continue;
          const key = index * 1_000 + match.text.length;
          if (seen.has(key)) continue;
          seen.add(key);
          found.push({ index, text: match.text });
        }
      }
      return found;
    },
  };
}

/**
 * Where a window may not start: inside a word of the gate, or after any other non-ASCII letter,
 * since callers' edges may be Unicode ones (a cut there would make a false word start).
 */
function mayBeInWord(code: number): boolean {
  return code > 0x7f || isWordCode(code);
}

/**
 * Past some size V8 no longer compiles a regular expression to machine code but interprets it,
 * about ten times slower; the single pass is cut into alternations of at most this much source.
 */
const MAX_PASS_SOURCE = 7_000;

function bySourceLength(fragments: readonly string[]): string[][] {
  const parts: string[][] = [];
  let part: string[] = [];
  let length = 0;
  for (const fragment of fragments) {
    if (part.length > 0 && length + fragment.length > MAX_PASS_SOURCE) {
      parts.push(part);
      part = [];
      length = 0;
    }
    part.push(fragment);
    length += fragment.length + 1;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}
