/**
 * Cue sets: the matching engine of the conduct rules (ROLE, RESERVE, DISCR, DEONTO, CRISIS,
 * PRIV-03). Those rules are about what a sentence says, not about who it names, so they look for
 * the first cue phrase of a set in the folded text, often from a given offset on.
 *
 * Phrases are written in the guard's one phrase syntax (`phrase-syntax.ts`); a set joins them
 * into as few regexes as V8 matches fast.
 */
import { WORD_CHARS, WORD_END, WORD_START } from '../text/words.js';
import { compilePhrase } from './phrase-syntax.js';

export { gap, oneOf } from './phrase-syntax.js';

/** Where a cue was found in the text (folded offsets are original offsets). */
export interface Cue {
  readonly start: number;
  readonly end: number;
}

/** A pattern may end on a word ("que") or on what follows an elision ("qu'"): both are edges. */
const WORD_EDGE_AFTER = `(?:${WORD_END}|(?<![${WORD_CHARS}]))`;

/** The index of the character after the one at `index` (a surrogate pair is one character). */
function nextIndex(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return index + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
}

/**
 * V8 stops optimising a regex whose source passes 20 KB (measured: matching then gets forty times
 * slower), so a cue set is split into regexes of at most this many source characters, well under
 * that limit: smaller regexes also compile to less code, and the isolate's regex code is shared
 * by every rule family.
 */
const REGEX_BUDGET = 6_000;

/**
 * The word edge before a cue. Measured on V8, this leading look-behind is cheaper than checking
 * the edge after the match: it rejects most positions (inside a word) at the first character,
 * before any alternative is tried.
 */
const WORD_EDGE_BEFORE = WORD_START;

/** One compiled regex of a cue set, and the family (group) of each of its capturing groups. */
interface Part {
  readonly regex: RegExp;
  /** groups[i] is the family of capture i + 1; a part of a single family has no capture. */
  readonly groups: readonly number[];
}

function makePart(alternatives: readonly { group: number; source: string }[]): Part {
  const groups = [...new Set(alternatives.map((alternative) => alternative.group))];
  const body =
    groups.length === 1
      ? alternatives.map((alternative) => alternative.source).join('|')
      : groups
          .map((group) => {
            const own = alternatives.filter((alternative) => alternative.group === group);
            return `(${own.map((alternative) => alternative.source).join('|')})`;
          })
          .join('|');
  // No `u` flag: cues are plain text, and without it classes compile to much less code.
  return { regex: new RegExp(`${WORD_EDGE_BEFORE}(?:${body})${WORD_EDGE_AFTER}`, 'g'), groups };
}

/**
 * A family of cue patterns compiled into as few regexes as V8 matches fast: each post is scanned
 * once per regex, not once per pattern (measured: a 12 KB alternation costs about a third of
 * its patterns run one by one).
 */
export class CueSet {
  private readonly parts: readonly Part[];

  /**
   * `groups` are families of readable patterns; `findTagged` tells which family a cue belongs
   * to. The patterns themselves must only use non-capturing groups.
   */
  constructor(groups: readonly (readonly string[])[]) {
    const parts: Part[] = [];
    let pending: { group: number; source: string }[] = [];
    let size = 0;
    groups.forEach((patterns, group) => {
      for (const pattern of patterns) {
        const source = `(?:${compilePhrase(pattern)})`;
        if (pending.length > 0 && size + source.length > REGEX_BUDGET) {
          parts.push(makePart(pending));
          pending = [];
          size = 0;
        }
        pending.push({ group, source });
        size += source.length;
      }
    });
    if (pending.length > 0) parts.push(makePart(pending));
    this.parts = parts;
  }

  /** The first cue that starts at or after `from`, in text order. */
  find(text: string, from = 0): Cue | null {
    return this.findTagged(text, from)?.cue ?? null;
  }

  /** The first cue at or after `from`, with the index of the family it belongs to. */
  findTagged(text: string, from = 0): { cue: Cue; group: number } | null {
    let best: { cue: Cue; group: number } | null = null;
    for (const part of this.parts) {
      const found = findInPart(part, text, from);
      if (found !== null && (best === null || found.cue.start < best.cue.start)) best = found;
    }
    return best;
  }

  /** The first cue for which `accept` holds (e.g. not negated, at a heading). */
  findWhere(text: string, accept: (cue: Cue, group: number) => boolean): Cue | null {
    let from = 0;
    for (;;) {
      const found = this.findTagged(text, from);
      if (found === null) return null;
      if (accept(found.cue, found.group)) return found.cue;
      from = nextIndex(text, found.cue.start);
    }
  }

  has(text: string): boolean {
    for (const part of this.parts) if (findInPart(part, text, 0) !== null) return true;
    return false;
  }
}

function findInPart(part: Part, text: string, from: number): { cue: Cue; group: number } | null {
  const regex = part.regex;
  regex.lastIndex = from;
  const match = regex.exec(text);
  if (match === null) return null;
  let capture = 0;
  while (capture + 1 < match.length && match[capture + 1] === undefined) capture++;
  const start = match.index;
  return { cue: { start, end: start + match[0].length }, group: part.groups[capture] ?? 0 };
}

/** A readable cue pattern that must end exactly where the searched text ends. */
export function cueAtEnd(source: string): RegExp {
  return new RegExp(`${WORD_START}(?:${compilePhrase(source)})$`);
}

/** Compiles readable cue patterns (see the file comment) into one matcher over folded text. */
export function cues(...sources: readonly string[]): CueSet {
  return new CueSet([sources]);
}

/** Several families of cues in one matcher; `findTagged` says which family a cue is from. */
export function taggedCues(groups: readonly (readonly string[])[]): CueSet {
  return new CueSet(groups);
}

/** The earlier of two cues (either may be missing). */
export function firstOf(a: Cue | null, b: Cue | null): Cue | null {
  if (a === null) return b;
  if (b === null) return a;
  return b.start < a.start ? b : a;
}

const NEGATION_BEFORE = new RegExp(
  `${WORD_START}(?:ne|n'|pas|jamais|aucun|aucune|rien)\\s*(?:[a-z]+\\s+){0,2}$`,
);
const CLAUSE_MARK = /[,.;:!?]/u;

/**
 * Whether the words just before a cue negate it ("ne", "n'", "jamais", "rien ne"), looking at
 * most three words back and never past the start of the clause.
 */
export function negatedBefore(folded: string, cue: Cue): boolean {
  const from = Math.max(0, cue.start - 24);
  let before = folded.slice(from, cue.start);
  for (let i = before.length - 1; i >= 0; i--) {
    if (CLAUSE_MARK.test(before.charAt(i))) {
      before = before.slice(i + 1);
      break;
    }
  }
  return NEGATION_BEFORE.test(before.replace(/'/g, "' "));
}
