import type { GuardDocument } from '../text/document.js';
import { FOLDED_WORD_CHARS } from '../text/fold.js';
import type { Span } from '../types.js';
import { CONDITIONS, PROCEDURES, UPPER_ONLY } from './health-words.js';
import { prefixGatedPatterns } from './prefix-gated-patterns.js';
import type { Recognizer, RecognizerContext } from './recognizer.js';

/**
 * Health information: conditions, procedures, treatments and outcomes. Three sources, from the
 * most to the least colloquial: the project's own list (health-words.ts), the CIM-10 heads and
 * the drug names of the gazetteers (with a dose when one follows: "Risperdal 4 mg"). Whether the
 * information is tied to a person, and so breaks secrecy, is the rules' call.
 */

const WORD_START = '(?<![\\p{L}\\p{N}])';
const WORD_END = `(?![${FOLDED_WORD_CHARS}])`;
// The word start is checked on each match; the patterns are grouped by their first letters so
// that a post is only scanned with the few groups its words can start.
const colloquial = prefixGatedPatterns([...CONDITIONS, ...PROCEDURES], WORD_END);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const upperOnly = new RegExp(`${WORD_START}(?:${UPPER_ONLY.join('|')})${WORD_END}`, 'gu');
const DOSE = /^ ?\d+(?:[.,]\d+)? ?(?:mg|g|µg|ug|ml|ui|gouttes|cp|comprimes?)(?![\p{L}])/u;

/** Terms so common as plain words that they count only beside a person or a dose. */
const WEAK =
  /^(?:operation|reeducation|coro|irm|scanner|insuline|sevrage|addiction|deces|delire|transfusion|operee?|sondee?)$/u;

export const healthRecognizer: Recognizer = {
  name: 'health',
  find(doc: GuardDocument, ctx: RecognizerContext): Span[] {
    const spans: Span[] = [];
    for (const match of colloquial.matches(doc.folded)) {
      const start = match.index;
      const matched = match.text;
      if (start > 0 && LETTER_OR_DIGIT.test(doc.folded[start - 1] ?? '')) continue;
      spans.push(make(start, start + matched.length, WEAK.test(matched) ? 0.55 : 0.75, 'terme de santé'));
    }
    for (const match of doc.text.matchAll(upperOnly)) {
      spans.push(make(match.index, match.index + match[0].length, 0.7, 'sigle médical'));
    }
    for (const match of ctx.lexicon.conditions.match(doc)) {
      spans.push(make(match.start, match.end, 0.6, 'libellé CIM-10'));
    }
    for (const match of ctx.lexicon.drugs.match(doc)) {
      const dose = DOSE.exec(doc.folded.slice(match.end, match.end + 16));
      const end = dose === null ? match.end : match.end + dose[0].length;
      // Brand names are written with a capital; a lower-case hit without a dose is often a word.
      const capital = /^\p{Lu}/u.test(doc.text.slice(match.start, match.start + 1));
      spans.push(make(match.start, end, dose !== null || capital ? 0.75 : 0.45, 'médicament'));
    }
    return spans;
  },
};

function make(start: number, end: number, score: number, evidence: string): Span {
  return { type: 'HEALTH', start, end, score, recognizer: 'health', evidence };
}
