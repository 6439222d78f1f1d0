/**
 * Small text tools shared by the conduct-rule evaluators (ROLE, RESERVE, DISCR, DEONTO, CRISIS,
 * PRIV-03): the sentence around a cue, the spans a finding cites, the explanation that quotes the
 * words seen, and whether the author speaks as staff. The matching engine is in `cue-set.ts`,
 * re-exported here so that each rule imports its tools from one place.
 */
import type { GuardDocument } from '../text/document.js';
import type { LocalizedText, Span, SpanType } from '../types.js';
import { PROFESSIONS, WORKPLACES } from './conduct-words.js';
import { type Cue, cues, gap, oneOf } from './cue-set.js';
import { rememberLast } from './remember-last.js';

export {
  type Cue,
  type CueSet,
  cueAtEnd,
  cues,
  firstOf,
  gap,
  negatedBefore,
  oneOf,
  taggedCues,
} from './cue-set.js';
export { PROFESSIONS, WORKPLACES };

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

const STAFF_SELF = cues(
  `(?:je bosse|je travaille|j'bosse|jbosse|je suis ${oneOf(PROFESSIONS)}) ${gap(2)}(?:au|a l'|aux|a la|dans (?:le|la|ce|cette|l'|un|une|mon|ma|notre)|la-bas|la bas|ici)`,
  `en tant qu(?:e |')${oneOf(PROFESSIONS)}`,
  `(?:dans|de) (?:mon|notre) (?:service|unite|equipe|hosto|hopital|chu|etablissement|pole)`,
  `(?:mes|nos) (?:collegues|patients|patientes)`,
);

/** Whether a post signs itself as written by a staff member ("je bosse au CHU", "en tant qu'IDE"). */
export const speaksAsStaff = rememberLast((folded: string): boolean => STAFF_SELF.has(folded));

/** Profession words that are also everyday words ("tu as", "le doc", "un agent") are left out. */
const CLEAR_PROFESSION = oneOf(
  PROFESSIONS.filter((word) => !['as', 'doc', 'ph', 'agent', 'externe', 'interne', 'cadre'].includes(word)),
);

/**
 * A health professional introducing themselves without naming a workplace: "infirmière ici 👋",
 * "je suis puér", "sage-femme depuis 12 ans", "(IDE de métier)". Enough to hold a public post to
 * the professional rules on advice.
 */
const PROFESSIONAL_SELF = cues(
  `(?:je suis|jsuis|chui|suis|moi-meme|moi meme|ancienne|ancien|ex) (?:une |un )?${CLEAR_PROFESSION}`,
  `${CLEAR_PROFESSION} (?:ici|de metier|de profession|depuis \\d+ ans|diplomee?|a la retraite|retraitee?)`,
  `en tant qu(?:e |')${CLEAR_PROFESSION}`,
);

/** Whether the author presents as a health professional, with or without a workplace. */
export const speaksAsProfessional = rememberLast(
  (folded: string): boolean => speaksAsStaff(folded) || PROFESSIONAL_SELF.has(folded),
);
