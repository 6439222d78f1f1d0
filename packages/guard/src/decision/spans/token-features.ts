import type { WordClass } from '../../lexicon/lexicon.js';
import type { GuardDocument } from '../../text/document.js';
import type { Finding, GuardContext, Span } from '../../types.js';
import type { Lemmatizer } from '../features.js';

/** What the span tagger reads about a post: the same inspection the decision layer reads. */
export interface TokenFeatureInput {
  readonly doc: GuardDocument;
  readonly context: GuardContext;
  /** Every span the recognizers found. */
  readonly spans: readonly Span[];
  /** What the hand-written rules raised (their cited spans are strong evidence). */
  readonly findings: readonly Finding[];
}

export type WordClassesOf = (folded: string) => ReadonlySet<WordClass>;

/** A word starts a sentence when the few characters before it end one. */
const SENTENCE_END = /[.!?\n]/;
const BLANK = /\s/;

/**
 * Whether the word at `start` follows the end of a sentence: a full stop, a question or
 * exclamation mark or a line break, then only blanks, within the three characters before it.
 */
export function startsSentence(text: string, start: number): boolean {
  for (let at = start - 1; at >= 0 && at >= start - 3; at--) {
    const char = text.charAt(at);
    if (SENTENCE_END.test(char)) return true;
    if (!BLANK.test(char)) return false;
  }
  return false;
}

const NO_CLASSES: WordClassesOf = () => new Set();
/** Beyond this many words a post is read only in part: the tagger's cost stays linear and small. */
export const MAX_TAGGED_WORDS = 400;

/**
 * Features of each word of a post, for the span tagger: the word, its lemma, its neighbours,
 * its spelling (capitals, initials, suffixes), its classes in the French lexicon, and the
 * recognizers' spans around it. No list of names or of diseases: those are learned from the
 * labelled posts, and the recognizers' findings are one feature among others, so a descriptor
 * such as « le prof de SVT du lycée » or a paraphrase such as « genou en vrac » can be tagged
 * from its context. The bias and the context come first (see `PRIOR_FEATURES`).
 */
export function tokenFeatures(
  input: TokenFeatureInput,
  lemma: Lemmatizer,
  classesOf: WordClassesOf = NO_CLASSES,
): string[][] {
  const { doc, context } = input;
  const tokens = doc.tokens.length > MAX_TAGGED_WORDS ? doc.tokens.slice(0, MAX_TAGGED_WORDS) : doc.tokens;
  // Only the spans within the words read: a long text has thousands past them.
  const reach = tokens.length === 0 ? 0 : (tokens[tokens.length - 1] as { end: number }).end;
  const spans = input.spans.filter((span) => span.start < reach);
  const covering = tokens.map((token) => spansOver(spans, token.start, token.end));
  const citedSpans = input.findings.flatMap((finding) => finding.spans.filter((span) => span.start < reach));
  const postRules = [...new Set(input.findings.map((finding) => finding.rule.split('-')[0]))];
  const word = (i: number): string => tokens[i]?.folded ?? (i < 0 ? '<s>' : '</s>');

  return tokens.map((token, i) => {
    const out: string[] = ['bias', `c:${context}`];
    const folded = token.folded;
    const base = lemma(folded);
    out.push(`w:${folded}`, `w:${folded}|${context}`);
    if (base !== folded) out.push(`l:${base}`);
    out.push(`p:${word(i - 1)}`, `n:${word(i + 1)}`, `p2:${word(i - 2)}`, `n2:${word(i + 2)}`);
    out.push(`pw:${word(i - 1)}_${folded}`, `wn:${folded}_${word(i + 1)}`);
    if (folded.length > 3)
      out.push(`s3:${folded.slice(-3)}`, `s4:${folded.slice(-4)}`, `b4:${folded.slice(0, 4)}`);
    out.push(`sh:${shapeOf(token.text, token.capitalized, token.upper)}`);
    const after = doc.text.charAt(token.end);
    const before = doc.text.charAt(token.start - 1);
    if (after === '.' && token.text.length <= 2) out.push('initial');
    if (before === '@' || before === '#') out.push(`pre:${before}`);
    if (i === 0 || startsSentence(doc.text, token.start)) out.push('sentence-start');
    for (const wordClass of classesOf(folded)) out.push(`k:${wordClass}`);
    if (classesOf(folded).size === 0 && /\p{L}/u.test(folded)) out.push('k:unknown');
    for (const span of covering[i] as Span[]) {
      out.push(`s:${span.type}`, `s:${span.type}|${context}`);
      if (span.start === token.start) out.push(`sb:${span.type}`);
      if (citedSpans.some((cited) => cited.start === span.start && cited.end === span.end))
        out.push(`sc:${span.type}`);
    }
    for (const span of covering[i - 1] ?? []) out.push(`ps:${span.type}`);
    for (const span of covering[i + 1] ?? []) out.push(`ns:${span.type}`);
    for (const family of postRules) out.push(`r:${family}`);
    return out;
  });
}

function spansOver(spans: readonly Span[], start: number, end: number): Span[] {
  return spans.filter((span) => span.start < end && start < span.end);
}

export function shapeOf(text: string, capitalized: boolean, upper: boolean): string {
  if (/^\d+$/.test(text)) return 'digits';
  if (/\d/.test(text)) return 'mixed';
  if (upper) return 'caps';
  if (capitalized) return 'cap';
  return 'lower';
}
