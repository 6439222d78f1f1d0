/**
 * Small text tools shared by the conduct-rule evaluators (ROLE, RESERVE, DISCR, DEONTO, CRISIS,
 * PRIV-03). Those rules are about what a sentence says, not about who it names, so they look for
 * cue phrases in the folded text (lower case, no accents, plain apostrophes) and cite the spans
 * that sit in the cue's sentence.
 *
 * Patterns are written in a readable form and compiled by `cuePattern`: a space stands for any
 * run of white space or loose punctuation (" ?" for an optional one), an apostrophe for an
 * optional apostrophe ("n'engage", "n engage",
 * "nengage"), and the whole pattern must start and end on a word edge. Every pattern is a
 * plain alternation of literals with bounded gaps, so matching stays linear in the text length.
 */
import type { GuardDocument } from '../text/document.js';
import type { LocalizedText, Span, SpanType } from '../types.js';

/** Where a cue was found in the text (folded offsets are original offsets). */
export interface Cue {
  readonly start: number;
  readonly end: number;
}

const WORD_EDGE_BEFORE = '(?<![a-z0-9])';
/** A pattern may end on a word ("que") or on what follows an elision ("qu'"): both are edges. */
const WORD_EDGE_AFTER = '(?:(?![a-z0-9])|(?<![a-z0-9]))';

/**
 * Up to `max` extra words inside one sentence: "le (petit) chef". An elided article counts as a
 * word, so "donner (de) (l')ibuprofène" fits. Bounded, so matching stays linear.
 */
export function gap(max: number): string {
  // \x27 is the apostrophe, written so that cuePattern leaves it alone.
  return `(?:[^\\s.!?,;:\\x27]+(?:\\x27|[\\s,;:«»"()*_~/=>-]+)){0,${max}}`;
}

/** A list of words or phrases as a regex alternation, longest first so the longest wins. */
export function oneOf(words: readonly string[]): string {
  const sorted = [...words].sort((a, b) => b.length - a.length);
  return `(?:${sorted.map(escapeLiteral).join('|')})`;
}

function escapeLiteral(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** What separates two words: white space and the punctuation people scatter between them. */
const SEPARATOR = '[\\s,;:«»"()*_~/=>-]+';

/** Compiles a readable cue pattern (see the file comment) into a global regex over folded text. */
export function cuePattern(source: string): RegExp {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source.charAt(i);
    const previous = source.charAt(i - 1);
    const next = source.charAt(i + 1);
    if (char === '[' && previous !== '\\') inClass = true;
    if (char === ']' && previous !== '\\') inClass = false;
    if (inClass || previous === '\\') {
      out += char;
    } else if (char === ' ' && next === '?') {
      out += `(?:${SEPARATOR})?`;
      i++;
    } else if (char === ' ') {
      out += SEPARATOR;
    } else if (char === "'" && next === ' ') {
      // "de l' hopital" in a pattern: the apostrophe may be followed by the word directly.
      out += `(?:'\\s*|${SEPARATOR})`;
      i++;
    } else if (char === "'") {
      out += "'?\\s*";
    } else if (char === '-' && /[a-z]/.test(previous) && /[a-z]/.test(next)) {
      // "aide-soignante", "aide soignante" and "aidesoignante" are the same word.
      out += '[\\s-]?';
    } else {
      out += char;
    }
  }
  return new RegExp(`${WORD_EDGE_BEFORE}(?:${out})${WORD_EDGE_AFTER}`, 'gu');
}

/** The first match of any pattern, in text order. */
export function findCue(folded: string, patterns: readonly RegExp[]): Cue | null {
  let best: Cue | null = null;
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    const match = pattern.exec(folded);
    if (match !== null && (best === null || match.index < best.start)) {
      best = { start: match.index, end: match.index + match[0].length };
    }
  }
  return best;
}

/** Whether any pattern matches somewhere in `text`. */
export function hasCue(text: string, patterns: readonly RegExp[]): boolean {
  return findCue(text, patterns) !== null;
}

const SENTENCE_END = /[.!?…\n]/u;

/**
 * The sentence around `cue`: from after the previous end mark to the next one. Crude on
 * purpose ("M. Dupont" splits), since it only bounds which spans a finding cites.
 */
export function sentenceAround(text: string, cue: Cue): Cue {
  let start = cue.start;
  while (start > 0 && !SENTENCE_END.test(text.charAt(start - 1))) start--;
  let end = cue.end;
  while (end < text.length && !SENTENCE_END.test(text.charAt(end))) end++;
  return { start, end };
}

/** The spans of the given types that overlap the sentence of the cue. */
export function spansNear(
  doc: GuardDocument,
  spans: readonly Span[],
  cue: Cue,
  types: readonly SpanType[],
): Span[] {
  const sentence = sentenceAround(doc.text, cue);
  return spans.filter(
    (span) => types.includes(span.type) && span.start < sentence.end && span.end > sentence.start,
  );
}

/**
 * The people a conduct finding exposes: PERSON and HANDLE spans in the cue's sentence, plus the
 * `details` types (a condition, an age) only when someone is named there, since a detail about
 * nobody in particular identifies nobody.
 */
export function peopleNear(
  doc: GuardDocument,
  spans: readonly Span[],
  cue: Cue,
  details: readonly SpanType[] = [],
): Span[] {
  const near = spansNear(doc, spans, cue, ['PERSON', 'HANDLE', ...details]);
  const named = near.some((span) => span.type === 'PERSON' || span.type === 'HANDLE');
  return named ? near : [];
}

/** The original words of a cue, trimmed, for quoting in an explanation. */
export function quote(doc: GuardDocument, cue: Cue): string {
  const words = doc.text.slice(cue.start, cue.end).replace(/\s+/g, ' ').trim();
  return words.length > 80 ? `${words.slice(0, 77)}…` : words;
}

/** An explanation that names the words seen, then says why they matter. */
export function explainCue(doc: GuardDocument, cue: Cue, why: LocalizedText): LocalizedText {
  const seen = quote(doc, cue);
  return {
    fr: `Vous écrivez « ${seen} » : ${why.fr}`,
    en: `You write "${seen}": ${why.en}`,
  };
}

/** Professions as people write them, for "en tant qu'IDE", "je suis AS aux urgences". */
export const PROFESSIONS = [
  'infirmiere',
  'infirmier',
  'infirmieres',
  'infirmiers',
  'ide',
  'ibode',
  'iade',
  'ipa',
  'puer',
  'puericultrice',
  'aide-soignante',
  'aide-soignant',
  'aide soignante',
  'aide soignant',
  'as',
  'ash',
  'auxiliaire de puericulture',
  'medecin',
  'docteur',
  'doc',
  'interne',
  'externe',
  'chirurgien',
  'chirurgienne',
  'urgentiste',
  'anesthesiste',
  'pediatre',
  'sage-femme',
  'sage femme',
  'cadre',
  'cadre de sante',
  'brancardier',
  'brancardiere',
  'manip',
  'manip radio',
  'kine',
  'pharmacien',
  'pharmacienne',
  'preparatrice',
  'secretaire',
  'secretaire medicale',
  'soignant',
  'soignante',
  'agent',
  'praticien',
  'praticienne',
  'ph',
] as const;

/** Words for the employer as staff write them ("au CHU", "à l'hosto", "dans la clinique"). */
export const WORKPLACES = [
  'chu',
  'ch',
  'chr',
  'chru',
  'chi',
  'ehpad',
  'hopital',
  'hosto',
  'hosta',
  'clinique',
  'etablissement',
  'service',
  'pole',
  'unite',
  'urgences',
  'maternite',
  'bloc',
  'rea',
  'reanimation',
  'samu',
  'smur',
  'ap-hp',
  'aphp',
] as const;

const STAFF_SELF = [
  cuePattern(
    `(?:je bosse|je travaille|j'bosse|jbosse|je suis ${oneOf(PROFESSIONS)}) ${gap(2)}(?:au|a l'|aux|a la|dans (?:le|la|ce|cette|l'|un|une|mon|ma|notre)|la-bas|la bas|ici)`,
  ),
  cuePattern(`en tant qu(?:e |')${oneOf(PROFESSIONS)}`),
  cuePattern(`(?:dans|de) (?:mon|notre) (?:service|unite|equipe|hosto|hopital|chu|etablissement|pole)`),
  cuePattern(`(?:mes|nos) (?:collegues|patients|patientes)`),
];

/** Whether a post signs itself as written by a staff member ("je bosse au CHU", "en tant qu'IDE"). */
export function speaksAsStaff(folded: string): boolean {
  return hasCue(folded, STAFF_SELF);
}
