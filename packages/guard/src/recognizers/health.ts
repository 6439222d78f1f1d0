import type { GuardDocument } from '../text/document.js';
import { FOLDED_WORD_CHARS } from '../text/fold.js';
import type { Span } from '../types.js';
import { healthVocabulary } from './health-words.js';
import { type PrefixGatedPatterns, prefixGatedPatterns } from './prefix-gated-patterns.js';
import type { Recognizer, RecognizerContext } from './recognizer.js';

/**
 * Health information: conditions, procedures, treatments, findings and outcomes. Four sources,
 * from the most to the least colloquial: the project's own patterns (data/health-patterns.tsv,
 * via health-words.ts), words made with a learned medical suffix (health-morphology.ts), the
 * CIM-10 heads and the drug names of the gazetteers (with a dose when one follows: "Risperdal
 * 4 mg"). Whether the information is tied to a person, and so breaks secrecy, is the rules' call.
 */

const WORD_START = '(?<![\\p{L}\\p{N}])';
const WORD_END = `(?![${FOLDED_WORD_CHARS}])`;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const DOSE = /^ ?\d+(?:[.,]\d+)? ?(?:mg|g|µg|ug|ml|ui|gouttes|cp|comprimes?)(?![\p{L}])/u;
/**
 * What puts a lower-case drug name in a person's treatment ("sous lovenox", "il prend du
 * xanax", "on lui a donné du tramadol", "son seresta"): without it a lower-case hit is often a
 * plain word.
 */
const TREATMENT_CUE =
  /(?:^|[^a-z])(?:sous|prend|prends|prenait|prendre|pris|prise|donne|donner|injecte|perfuse|traitee?|traitement|dose|doses|mg|arrete|arreter|passee?|mise?|remis|augmente|baisse|ordonnance|prescrit|prescrite|prescription)(?: (?:par|de|du|au|a|en|sous))?(?: (?:du|de la|de l'|des|de|d'|le|la|l'|les|un|une|son|sa|ses|mon|ma|mes|leur|lui|son|ton|ta|tes))?\s?$|(?:^|[^a-z])(?:son|sa|ses|mon|ma|mes|leur|leurs) $/u;

interface Compiled {
  readonly colloquial: PrefixGatedPatterns;
  readonly weak: RegExp;
  readonly upperOnly: RegExp | null;
}

let compiled: Compiled | undefined;

// Built on first use: the patterns come from the data files (health-words.ts).
function patterns(): Compiled {
  if (compiled !== undefined) return compiled;
  const vocabulary = healthVocabulary();
  const abbreviations = vocabulary.abbreviations;
  compiled = {
    // The word start is checked on each match; the patterns are grouped by their first letters
    // so that a post is only scanned with the few groups its words can start.
    colloquial: prefixGatedPatterns(vocabulary.patterns, WORD_END),
    weak: vocabulary.weak,
    upperOnly:
      abbreviations.length === 0
        ? null
        : new RegExp(`${WORD_START}(?:${abbreviations.join('|')})${WORD_END}`, 'gu'),
  };
  return compiled;
}

export const healthRecognizer: Recognizer = {
  name: 'health',
  find(doc: GuardDocument, ctx: RecognizerContext): Span[] {
    const spans: Span[] = [];
    const { colloquial, weak, upperOnly } = patterns();
    for (const match of colloquial.matches(doc.folded)) {
      const start = match.index;
      const matched = match.text;
      if (start > 0 && LETTER_OR_DIGIT.test(doc.folded[start - 1] ?? '')) continue;
      spans.push(make(start, start + matched.length, weak.test(matched) ? 0.55 : 0.75, 'terme de santé'));
    }
    if (upperOnly !== null) {
      upperOnly.lastIndex = 0;
      for (const match of doc.text.matchAll(upperOnly)) {
        spans.push(make(match.index, match.index + match[0].length, 0.7, 'sigle médical'));
      }
    }
    for (const hit of healthVocabulary().suffixes.find(doc)) {
      // A word the patterns already took ("leucemie") is not reported twice.
      if (spans.some((span) => span.start <= hit.start && span.end >= hit.end)) continue;
      spans.push(make(hit.start, hit.end, hit.strong ? 0.7 : 0.55, 'terme médical (suffixe savant)'));
    }
    for (const match of ctx.lexicon.conditions.match(doc)) {
      spans.push(make(match.start, match.end, 0.6, 'libellé CIM-10'));
    }
    for (const match of ctx.lexicon.drugs.match(doc)) {
      const dose = DOSE.exec(doc.folded.slice(match.end, match.end + 16));
      const end = dose === null ? match.end : match.end + dose[0].length;
      // Brand names are written with a capital; a lower-case hit is a drug when a dose follows
      // or a treatment cue comes before ("sous lovenox"), else it is often a plain word.
      const capital = /^\p{Lu}/u.test(doc.text.slice(match.start, match.start + 1));
      const treated = TREATMENT_CUE.test(doc.folded.slice(Math.max(0, match.start - 40), match.start));
      spans.push(make(match.start, end, dose !== null || capital || treated ? 0.75 : 0.45, 'médicament'));
    }
    return spans;
  },
};

function make(start: number, end: number, score: number, evidence: string): Span {
  return { type: 'HEALTH', start, end, score, recognizer: 'health', evidence };
}
