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
import { rememberLast } from './remember-last.js';
import { KeyIndex, keyedBranches } from './word-gate.js';

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

/**
 * One compiled regex of a cue set. Each capturing group holds one alternative (or one branch of
 * it), ranked in the set's order, so that where several parts match at the same place the
 * earliest alternative wins, as it would in a single alternation.
 */
interface Part {
  readonly regex: RegExp;
  /** rank[i] is the set-wide rank of the pattern in capture i + 1. */
  readonly rank: readonly number[];
}

interface Alternative {
  readonly group: number;
  readonly source: string;
  /** Its rank in the whole set. */
  readonly order: number;
}

/**
 * A pattern of a part: an alternative, or one of the ways it can start. Branches of one
 * alternative are ranked in the order a single regex would try them, after every earlier
 * alternative and before every later one.
 */
interface Ranked {
  readonly source: string;
  readonly rank: number;
}

/** Ranks leave room for this many branches per alternative (keyedBranches caps them lower). */
const BRANCH_SLOTS = 1_024;

function makePart(patterns: readonly Ranked[], key: string): Part {
  // No `u` flag: cues are plain text, and without it classes compile to much less code.
  if (key === '') {
    const body = patterns.map((pattern) => `(${pattern.source})`).join('|');
    return {
      regex: new RegExp(`${WORD_EDGE_BEFORE}(?:${body})${WORD_EDGE_AFTER}`, 'g'),
      rank: patterns.map((pattern) => pattern.rank),
    };
  }
  // Every pattern starts with the key: written first, it lets V8 skip ahead to where the key
  // occurs instead of trying the word edge at every position; the edge is checked behind it.
  const body = patterns.map((pattern) => `(${pattern.source.slice(key.length)})`).join('|');
  return {
    regex: new RegExp(`${key}(?<![${WORD_CHARS}]${key})(?:${body})${WORD_EDGE_AFTER}`, 'g'),
    rank: patterns.map((pattern) => pattern.rank),
  };
}

/** Splits patterns, in order, into parts of at most REGEX_BUDGET source characters. */
function partsOf(patterns: readonly Ranked[], key = ''): Part[] {
  const parts: Part[] = [];
  let pending: Ranked[] = [];
  let size = 0;
  for (const pattern of patterns) {
    if (pending.length > 0 && size + pattern.source.length > REGEX_BUDGET) {
      parts.push(makePart(pending, key));
      pending = [];
      size = 0;
    }
    pending.push(pattern);
    size += pattern.source.length + 3;
  }
  if (pending.length > 0) parts.push(makePart(pending, key));
  return parts;
}

/**
 * The gate of the cue sets: every alternative that starts with known letters ("plan blanc" →
 * "pla") is filed under them in one index shared by all sets, and a post's words are looked up
 * once for all of them. A set then scans a post only with the small regexes of the keys its
 * words begin with, plus the alternatives that have no key (they start with a choice).
 */
const KEY_LENGTH = 3;
/** Past this many keyed regexes for one post, the set's whole parts are cheaper to run. */
const MAX_KEYED_PASSES = 8;

interface KeyedPart {
  readonly set: CueSet;
  readonly part: Part;
}

const KEYS = new KeyIndex<KeyedPart>();

/** For a folded text, the keyed parts each set needs. Memoised on the last text. */
const keyedPartsFor = rememberLast((text: string): Map<CueSet, Part[]> => {
  const bySet = new Map<CueSet, Part[]>();
  for (const { set, part } of KEYS.wanted(text)) {
    const parts = bySet.get(set);
    if (parts === undefined) bySet.set(set, [part]);
    else parts.push(part);
  }
  return bySet;
});

/** The first match of a part at or after `from`, with the rank of the pattern that matched. */
interface PartMatch {
  readonly start: number;
  readonly end: number;
  readonly rank: number;
}

function findInPart(part: Part, text: string, from: number): PartMatch | null {
  const regex = part.regex;
  regex.lastIndex = from;
  const match = regex.exec(text);
  if (match === null) return null;
  let capture = 0;
  while (capture + 1 < match.length && match[capture + 1] === undefined) capture++;
  const start = match.index;
  return { start, end: start + match[0].length, rank: part.rank[capture] ?? 0 };
}

/**
 * A family of cue patterns compiled into few regexes: each post is scanned once per regex, not
 * once per pattern (measured: a 12 KB alternation costs about a third of its patterns run one by
 * one), and only with the regexes whose key letters begin one of its words.
 */
export class CueSet {
  /** Every alternative, in as few regexes as the budget allows: for posts that need most keys. */
  private readonly whole: readonly Part[];
  /** The alternatives without a key, always run beside the keyed parts. */
  private readonly unkeyed: readonly Part[];
  /** The family (group) of each alternative, by rank. */
  private readonly groupOf: readonly number[];

  /**
   * `groups` are families of readable patterns; `findTagged` tells which family a cue belongs
   * to. The patterns themselves must only use non-capturing groups.
   */
  constructor(groups: readonly (readonly string[])[]) {
    const alternatives: Alternative[] = [];
    groups.forEach((patterns, group) => {
      for (const pattern of patterns) {
        alternatives.push({ group, source: compilePhrase(pattern), order: alternatives.length });
      }
    });
    this.groupOf = alternatives.map((alternative) => alternative.group);
    const whole = (alternative: Alternative): Ranked => ({
      source: alternative.source,
      rank: alternative.order * BRANCH_SLOTS,
    });
    this.whole = partsOf(alternatives.map(whole));
    // An alternative that starts with a choice ("(?:chiffres?|decision) …") is split into its
    // branches, each filed under its own first letters and run key first.
    const byKey = new Map<string, Ranked[]>();
    const unkeyed: Ranked[] = [];
    for (const alternative of alternatives) {
      const branches = keyedBranches(alternative.source, KEY_LENGTH);
      if (branches === null) {
        unkeyed.push(whole(alternative));
        continue;
      }
      branches.forEach((branch, index) => {
        const ranked = { source: branch.source, rank: alternative.order * BRANCH_SLOTS + index };
        const list = byKey.get(branch.key);
        if (list === undefined) byKey.set(branch.key, [ranked]);
        else list.push(ranked);
      });
    }
    this.unkeyed = partsOf(unkeyed);
    for (const [key, keyed] of byKey) {
      for (const part of partsOf(keyed, key)) KEYS.addPrefix(key, { set: this, part });
    }
  }

  /** The first cue that starts at or after `from`, in text order. */
  find(text: string, from = 0): Cue | null {
    return this.findTagged(text, from)?.cue ?? null;
  }

  /** The first cue at or after `from`, with the index of the family it belongs to. */
  findTagged(text: string, from = 0): { cue: Cue; group: number } | null {
    // Leftmost, then the earliest alternative: what one alternation of the whole set would find.
    let best: PartMatch | null = null;
    for (const part of this.partsFor(text)) {
      const found = findInPart(part, text, from);
      if (found === null) continue;
      if (
        best === null ||
        found.start < best.start ||
        (found.start === best.start && found.rank < best.rank)
      ) {
        best = found;
      }
    }
    if (best === null) return null;
    return {
      cue: { start: best.start, end: best.end },
      group: this.groupOf[Math.floor(best.rank / BRANCH_SLOTS)] ?? 0,
    };
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
    for (const part of this.partsFor(text)) if (findInPart(part, text, 0) !== null) return true;
    return false;
  }

  private partsFor(text: string): readonly Part[] {
    const keyed = keyedPartsFor(text).get(this);
    if (keyed === undefined) return this.unkeyed;
    if (keyed.length > MAX_KEYED_PASSES) return this.whole;
    return this.unkeyed.length === 0 ? keyed : [...this.unkeyed, ...keyed];
  }
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
