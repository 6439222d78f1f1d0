/**
 * Health vocabulary as people write it on social networks: conditions, procedures, treatments
 * and outcomes, in their colloquial and clipped forms. The lists are the project's own data
 * files (data/health-*.txt, data/health-*.tsv, see their headers); this module turns them into
 * what the recognizer runs. The CIM-10 labels and drug names of the gazetteers complete them at
 * run time (see lexicon/).
 */
import { readDataList, readDataTable } from '../lexicon/load.js';
import { createSuffixMatcher, type SuffixMatcher } from './health-morphology.js';

export interface HealthWordLists {
  /** (regex fragment over folded text, "faible" or nothing): data/health-patterns.tsv. */
  readonly patterns: ReadonlyArray<readonly string[]>;
  /** Folded body parts for `{corps}`: data/health-body-parts.txt. */
  readonly bodyParts: readonly string[];
  /** Abbreviations that count in capitals only: data/health-abbreviations.txt. */
  readonly abbreviations: readonly string[];
  /** (suffix, minimum length, "fort" or "faible"): data/health-suffixes.tsv. */
  readonly suffixes: ReadonlyArray<readonly string[]>;
  /** Everyday words the suffixes would catch: data/health-suffix-stoplist.txt. */
  readonly suffixStoplist: readonly string[];
}

export interface HealthVocabulary {
  /** Regex fragments over folded text, `{corps}` and `{degre}` expanded. */
  readonly patterns: readonly string[];
  /** A match that is all of one of these is a weak term (counts only beside a person). */
  readonly weak: RegExp;
  readonly abbreviations: readonly string[];
  readonly suffixes: SuffixMatcher;
}

// Articles and prepositions between an act and the body part: "opéré de la vésicule",
// "fracture du col", "opérée d'une hernie".
const BODY_LINK = "(?:de la |de l'|d'une |d'un |a la |a l'|la |le |l'|du |des |d'|de |au |aux )?";
const DEGREE = '(?:premier|1er|deuxieme|second|2e|2eme|2nd|troisieme|3e|3eme)';
const WEAK_MARK = 'faible';

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern that starts with a choice ("(?:a|ont) ete intube") has no literal first letters to
 * file it under, and would run on every post: it is split into one pattern per choice ("a ete
 * intube", "ont ete intube"; an optional choice also gives the pattern without it).
 */
export function splitLeadingChoice(pattern: string): string[] {
  if (!pattern.startsWith('(?:')) return [pattern];
  let depth = 0;
  let start = 3;
  const choices: string[] = [];
  for (let i = 3; i < pattern.length; i++) {
    const char = pattern.charAt(i);
    if (char === '\\') {
      i++;
    } else if (char === '(' || char === '[') {
      depth++;
    } else if ((char === ')' || char === ']') && depth > 0) {
      depth--;
    } else if (char === '|' && depth === 0) {
      choices.push(pattern.slice(start, i));
      start = i + 1;
    } else if (char === ')') {
      choices.push(pattern.slice(start, i));
      const next = pattern.charAt(i + 1);
      if (next === '*' || next === '+' || next === '{') return [pattern];
      const optional = next === '?';
      const rest = pattern.slice(optional ? i + 2 : i + 1);
      const split = choices.map((choice) => `${choice}${rest}`);
      return optional ? [...split, rest.trimStart()] : split;
    }
  }
  return [pattern];
}

export function buildHealthVocabulary(lists: HealthWordLists): HealthVocabulary {
  // Longest first: "col du femur" before "col", "moelle osseuse" before "moelle".
  const parts = [...lists.bodyParts].sort((a, b) => b.length - a.length).map(escapeRegex);
  const body = `${BODY_LINK}(?:${parts.join('|')})`;
  const expand = (pattern: string): string =>
    pattern.replaceAll('{corps}', body).replaceAll('{degre}', DEGREE);
  const patterns: string[] = [];
  const weak: string[] = [];
  for (const [pattern = '', mark] of lists.patterns) {
    for (const piece of splitLeadingChoice(pattern)) {
      const source = expand(piece);
      patterns.push(source);
      if (mark === WEAK_MARK) weak.push(source);
    }
  }
  return {
    patterns,
    weak: new RegExp(`^(?:${weak.join('|')})$`, 'u'),
    abbreviations: lists.abbreviations,
    suffixes: createSuffixMatcher(lists.suffixes, lists.suffixStoplist),
  };
}

let vocabulary: HealthVocabulary | undefined;

/** The vocabulary built from the committed data files, once per process. */
export function healthVocabulary(): HealthVocabulary {
  vocabulary ??= buildHealthVocabulary({
    patterns: readDataTable('health-patterns.tsv'),
    bodyParts: readDataList('health-body-parts.txt'),
    abbreviations: readDataList('health-abbreviations.txt'),
    suffixes: readDataTable('health-suffixes.tsv'),
    suffixStoplist: readDataList('health-suffix-stoplist.txt'),
  });
  return vocabulary;
}
