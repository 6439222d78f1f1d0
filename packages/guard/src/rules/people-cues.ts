/**
 * Matching tools for the rules about people being attacked or exposed (RESPECT, DEFAM, HARASS,
 * DOXX, GEO). Those rules hinge on phrases ("il habite", "allez lui dire") and on who they aim at
 * (a named person, "l'infirmière de nuit", "le Dr X"), so they share a way to write phrase
 * patterns over the folded text and a way to spot a staff member as a target.
 *
 * Patterns are written readably and compiled by `cue`: a space stands for any run of white
 * space, an apostrophe for "'", "' " or " " (people type "qu il", "l infirmiere"), and the match
 * must start and end on a word edge. Every pattern is an alternation of literals with bounded
 * gaps, so matching stays linear in the text length.
 */

import type { GuardDocument } from '../text/document.js';
import type { Span, SpanType } from '../types.js';
import { rememberLast } from './remember-last.js';

/** Where something was found (folded offsets are original offsets). */
export interface Hit {
  readonly start: number;
  readonly end: number;
}

/** A list of words or phrases as an alternation (already regex fragments). */
export function anyOf(words: readonly string[]): string {
  return `(?:${words.join('|')})`;
}

/** Up to `max` extra words between two parts of a phrase ("je vais (vite) le retrouver"). */
export function upTo(max: number): string {
  return `(?:[^\\s.!?]+\\s+){0,${max}}`;
}

/** Up to `max` characters inside one sentence (no end mark crossed). */
export function within(max: number): string {
  return `[^.!?\\n]{0,${max}}`;
}

/** Compiles a readable pattern (see the file comment) into a global regex over folded text. */
export function cue(source: string): RegExp {
  let out = '';
  let inClass = false;
  for (const char of source) {
    if (char === '[') inClass = true;
    if (char === ']') inClass = false;
    if (!inClass && char === ' ') out += '\\s+';
    else if (!inClass && char === "'") out += "(?:'\\s?|\\s)";
    else out += char;
  }
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${out})(?![\\p{L}\\p{N}])`, 'gu');
}

/** Every match of every pattern, in text order. */
export function findAll(text: string, patterns: readonly RegExp[]): Hit[] {
  const hits: Hit[] = [];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      hits.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

export function hasAny(text: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((pattern) => {
    pattern.lastIndex = 0;
    const found = pattern.test(text);
    pattern.lastIndex = 0;
    return found;
  });
}

/** The spans of the given types, in text order. */
export function spansOfType(spans: readonly Span[], types: readonly SpanType[]): Span[] {
  return spans.filter((span) => types.includes(span.type));
}

const SENTENCE_END = /[.!?…\n]/u;

/** The sentence around a hit: from after the previous end mark to the next one (crude on purpose). */
export function sentenceOf(text: string, hit: Hit): Hit {
  let start = hit.start;
  while (start > 0 && !SENTENCE_END.test(text.charAt(start - 1))) start--;
  let end = hit.end;
  while (end < text.length && !SENTENCE_END.test(text.charAt(end))) end++;
  return { start, end };
}

/** Spans of the given types that lie within `radius` characters of a hit. */
export function spansNear(
  spans: readonly Span[],
  hit: Hit,
  types: readonly SpanType[],
  radius: number,
): Span[] {
  return spans.filter(
    (span) => types.includes(span.type) && span.end > hit.start - radius && span.start < hit.end + radius,
  );
}

/** Whether the original text of a stretch is written in capitals ("AME", "CMU"), not a common word. */
export function writtenUpper(doc: GuardDocument, hit: Hit): boolean {
  const original = doc.text.slice(hit.start, hit.end);
  return /\p{Lu}/u.test(original) && !/\p{Ll}/u.test(original);
}

/**
 * Health and care staff as people name them, singular, folded. Regex fragments: "aide-soignant"
 * and "aide soignant", "sage-femme" and "sage femme", clipped forms ("anesth", "kiné", "toubib").
 */
export const STAFF_ROLES = [
  'medecin',
  'docteur',
  'doc',
  'toubib',
  'praticien(?:ne)?',
  'chirurgien(?:ne)?',
  'chir',
  'anesthesiste',
  'anesth',
  'pediatre',
  'gyneco(?:logue)?',
  'obstetricien(?:ne)?',
  'psychiatre',
  'psychologue',
  'psy',
  'pedopsy(?:chiatre)?',
  'urgentiste',
  'radiologue',
  'cardiologue',
  'neurologue',
  'dermato(?:logue)?',
  'ophtalmo(?:logue)?',
  'generaliste',
  'dentiste',
  'interne',
  'externe',
  'infirmier',
  'infirmiere',
  'ide',
  'ibode',
  'iade',
  'aide[- ]soignante?',
  'auxiliaire(?: de puericulture)?',
  'puericultrice',
  'sage[- ]femme',
  'kine(?:sitherapeute)?',
  'brancardiere?',
  'ambulanciere?',
  'secretaire(?: medicale)?',
  'cadre(?: de sante| sup)?',
  'chef(?:fe)?(?: de service| de pole| de clinique| des urgences| du service)?',
  'directeur',
  'directrice',
  'surveillante',
  'manip(?:ulateur|ulatrice)?',
  'pharmacien(?:ne)?',
  'assistante? sociale?',
  'educat(?:eur|rice)',
  'agent(?: d.accueil| de securite)?',
  'vigile',
  'soignante?',
];

const ROLE = anyOf(STAFF_ROLES);
// Elided determiners take no space ("l'infirmière"); the others do ("la cadre").
const SINGULAR_DETERMINER = `(?:${anyOf(['le', 'la', 'ce', 'cet', 'cette', 'mon', 'ma', 'notre', 'votre', 'son', 'sa', 'du', 'de la', 'au', 'a la'])} |(?:de |a )?l')`;
const ADJECTIVE = anyOf([
  'nouveau',
  'nouvel',
  'nouvelle',
  'jeune',
  'vieux',
  'vieille',
  'grand',
  'grande',
  'petit',
  'petite',
]);

/** "le Dr", "l'infirmière", "cette aide-soignante", "la nouvelle cadre", "Dr Martin". */
const STAFF_MENTION = [
  cue(`${SINGULAR_DETERMINER}(?:${ADJECTIVE} )?${ROLE}`),
  cue(`(?:dr|docteur|professeur)\\.? [a-z][a-z'-]+`),
];

/** "les infirmières", "l'équipe de nuit", "ceux qui bossent", "vous les soignants". */
const STAFF_GROUP = [
  cue(
    'les (?:infirmier|infirmiere|medecin|docteur|soignant|interne|aide[- ]soignant|sage[- ]femme|chirurgien|brancardier|urgentiste|psy|secretaire|cadre|toubib)e?s',
  ),
  cue("l'equipe (?:de nuit|de jour|de garde|des urgences|du service|soignante)"),
  cue('le personnel'),
  cue('(?:ceux|celles) qui (?:bossent|travaillent|sont de garde)'),
];

/** Singular staff members the text speaks of ("le pédiatre de garde", "Dr Hamidi"). */
function computeStaffMentions(folded: string): Hit[] {
  return findAll(folded, STAFF_MENTION);
}

/** Memoised on the last text: several rules ask the same question of one post. */
export const staffMentions = rememberLast(computeStaffMentions);

/** Staff spoken of as a group ("les infirmiers de la clinique", "l'équipe de nuit"). */
function computeStaffGroups(folded: string): Hit[] {
  return findAll(folded, STAFF_GROUP);
}

/** Memoised on the last text: several rules ask the same question of one post. */
export const staffGroups = rememberLast(computeStaffGroups);

/** Spans that name a person or their account. */
export function namedPeople(spans: readonly Span[]): Span[] {
  return spansOfType(spans, ['PERSON', 'HANDLE']);
}
