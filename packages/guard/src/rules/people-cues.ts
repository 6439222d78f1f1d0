/**
 * Who a post speaks of, for the rules about people being attacked or exposed (RESPECT, DEFAM,
 * HARASS, DOXX, GEO, category): one carer ("l'infirmière de nuit", "le Dr X", "la nouvelle
 * cadre sup"), carers as a group ("les soignants", "l'équipe de nuit"), a student ("la
 * stagiaire", "l'ESI"), a patient as staff speak of them ("le papy du lit d'à côté", "la dame
 * du 12"), an establishment ("le CH de X", "cette clinique"), or any other single person ("le
 * type qui…", "cette dame").
 *
 * One scan of the folded text answers all of it; several rules ask, so it is memoised.
 */

import type { GuardDocument } from '../text/document.js';
import type { Span, SpanType } from '../types.js';
import { BODY, HOSPITAL_WORLD, PATIENT_NOUN, STAFF_PLURALS, STAFF_ROLES } from './people-words.js';
import { anyOf, type Hit, type LabelledHit, phraseFamily, scanFamily } from './phrase-family.js';
import { rememberLast } from './remember-last.js';
import { wordList } from './word-lists.js';

export type { Hit } from './phrase-family.js';
export { anyOf, cue, gap, within } from './phrase-family.js';

const ROLE = anyOf(STAFF_ROLES);
// Elided determiners take no space ("l'infirmière"); the others do ("la cadre").
const SINGULAR_DETERMINER = `(?:${anyOf(['le', 'la', 'ce', 'cet', 'cette', 'mon', 'ma', 'notre', 'votre', 'son', 'sa', 'du', 'de la', 'au', 'a la', 'une', 'un'])} |(?:de |a )?l')`;
const ADJECTIVE = anyOf(wordList('people-adjective'));
const PLURAL_DETERMINER = anyOf(wordList('people-plural-determiner'));

const PATIENT_DETERMINER = anyOf(wordList('people-patient-determiner'));

export type PersonKind = 'staff' | 'staffGroup' | 'student' | 'patient' | 'body' | 'institution' | 'person';

// A patient's word, or the number of their room or bed ("celle du 12").
const PATIENT_KEY = `${PATIENT_NOUN}|celui|celle|ceux|celles|chambre|box|lit|cote|mme|mr|m|monsieur|madame|${Array.from({ length: 1000 }, (_, number) => String(number)).join('|')}`;

const WHO = phraseFamily<PersonKind>([
  [
    'staffGroup',
    `(?:${PLURAL_DETERMINER}|vous les) (?:${ADJECTIVE}s? )?${anyOf(STAFF_PLURALS)}`,
    anyOf(STAFF_PLURALS),
  ],
  [
    'staffGroup',
    "l'equipe (?:de nuit|de jour|de garde|des urgences|du service|soignante|de la (?:rea|mater|maternite)|du bloc)|le personnel|(?:ceux|celles) qui (?:bossent|travaillent|sont de garde|soignent)",
    'equipe|personnel|bossent|travaillent|garde|soignent',
  ],
  [
    'student',
    `(?:la|le|les|une|un|notre|nos|ma|mon|mes|cette|ce|ces|des) (?:(?:petite?|nouvelle?|nouveaux|nouvelles|jeunes?) )?(?:stagiaires?|etudiante?s?(?: infirmiere?s?| en soins infirmiers)?|esi|eleves?(?: infirmiere?s?| aides?[- ]soignante?s?)?|apprentie?s?)|(?:la|le) (?:petite nouvelle|petit nouveau|nouvelle recrue)`,
    'stagiaires?|etudiante?s?|esi|eleves?|apprentie?s?|nouvelle|nouveau|recrue',
  ],
  ['staff', `${SINGULAR_DETERMINER}(?:${ADJECTIVE} )?${ROLE}`, ROLE],
  ['staff', `(?:dr|docteur|professeur|pr)\\.? [a-z][a-z'-]+`, 'dr|docteur|professeur|pr'],
  [
    'person',
    '(?:le|ce|un) (?:type|mec|gars|bonhomme|monsieur|individu|voisin|patient|gamin|jeune)|(?:la|cette|une) (?:femme|dame|meuf|nana|voisine|patiente|fille)|cet (?:homme|individu)|(?:celui|celle) qui',
    'type|mec|gars|bonhomme|monsieur|individu|voisin|patient|gamin|jeune|femme|dame|meuf|nana|voisine|patiente|fille|homme|celui|celle',
  ],
  [
    'patient',
    `${PATIENT_DETERMINER} ${PATIENT_NOUN}|(?:celui|celle|ceux|celles) qui (?:vient|viennent|revient|reviennent|debarque|debarquent|sonne|sonnent|appelle|appellent|hurle|hurlent|crie|crient|parle|parlent)|(?:du|de la|de l.) (?:chambre |box |lit )?\\d{1,3}|(?:mme|mr|m\\.|monsieur|madame) [a-z]|(?:du|de la) (?:lit|chambre|box) d'a cote|d'a cote de (?:moi|ma mere|mon pere|mon lit)`,
    PATIENT_KEY,
  ],
  ['body', `(?:ce|cette|cet|ces|ses|son|sa) ${BODY}`, BODY],
  [
    'institution',
    "(?:le|ce|du|au|un) (?:chu|chr|ch|centre hospitalier|groupe hospitalier|service)|(?:l'|cet |un )(?:hopital|hosto|ehpad|etablissement)|(?:la|cette|une|a la|de la) (?:clinique|polyclinique|maternite|direction|mater)|(?:les|ces|des) (?:hopitaux|cliniques|ehpad)",
    'chu|chr|ch|centre|groupe|service|hopital|hosto|ehpad|etablissement|clinique|polyclinique|maternite|direction|mater|hopitaux|cliniques',
  ],
]);

function computePeople(folded: string): LabelledHit<PersonKind>[] {
  return scanFamily(WHO, folded);
}

/** Every mention of people the rules care about, memoised on the last text. */
const peopleOf = rememberLast(computePeople);

function ofKind(folded: string, kinds: readonly PersonKind[]): Hit[] {
  return peopleOf(folded).filter((hit) => kinds.includes(hit.label));
}

/** Singular staff members the text speaks of ("le pédiatre de garde", "Dr Hamidi", "l'ESI"). */
export function staffMentions(folded: string): Hit[] {
  return ofKind(folded, ['staff']);
}

/** Staff spoken of as a group ("les infirmiers de la clinique", "l'équipe de nuit"). */
export function staffGroups(folded: string): Hit[] {
  return ofKind(folded, ['staffGroup']);
}

const PLURAL_START = /^(?:les|des|ces|mes|nos|vos|leurs|ceux|celles)\b/;

/** Someone a post can aim at: a carer, a student, a patient or anyone else spoken of singly. */
export function singlePeople(folded: string): Hit[] {
  return ofKind(folded, ['staff', 'student', 'person', 'patient']).filter(
    (hit) => !PLURAL_START.test(folded.slice(hit.start, hit.end)),
  );
}

/** Patients (or anyone) as carers speak of them when they mock: "le papy du 8", "un mec de 45 ans". */
export function patientReferences(folded: string): Hit[] {
  return ofKind(folded, ['patient', 'person']);
}

/** Students and newcomers, a usual target of mockery ("la stagiaire a confondu…"). */
export function studentMentions(folded: string): Hit[] {
  return ofKind(folded, ['student']);
}

/** A patient's body shown to others ("cette escarre", "ses pieds"). */
export function bodyMentions(folded: string): Hit[] {
  return ofKind(folded, ['body']);
}

/** An establishment spoken of as an actor ("le CH de X revend…", "cette clinique"). */
export function institutions(folded: string): Hit[] {
  return ofKind(folded, ['institution']);
}

/** The spans of the given types, in text order. */
export function spansOfType(spans: readonly Span[], types: readonly SpanType[]): Span[] {
  return spans.filter((span) => types.includes(span.type));
}

/** Spans that name a person or their account. */
export function namedPeople(spans: readonly Span[]): Span[] {
  return spansOfType(spans, ['PERSON', 'HANDLE']);
}

const SENTENCE_END = /[.!?…\n]/;

/** The sentence around a hit: from after the previous end mark to the next one (crude on purpose). */
export function sentenceOf(text: string, hit: Hit): Hit {
  let start = hit.start;
  while (start > 0 && !SENTENCE_END.test(text.charAt(start - 1))) start--;
  let end = hit.end;
  while (end < text.length && !SENTENCE_END.test(text.charAt(end))) end++;
  return { start, end };
}

/**
 * Whether some hit lies wholly inside the sentence (as `sentenceOf` draws it) of some anchor.
 * Asking `sentenceOf` per anchor walks the whole sentence each time, quadratic on a long text
 * without end marks ("les AME " 8,000 times took 9 s); counting the end marks once answers
 * the same question in linear time: a hit is inside an anchor's sentence exactly when no end
 * mark lies between them, i.e. when as many marks precede its start as the anchor's start,
 * and as many precede its end as the anchor's end.
 */
export function anyInSentenceOf(text: string, anchors: readonly Hit[], hits: readonly Hit[]): boolean {
  if (anchors.length === 0 || hits.length === 0) return false;
  const marksBefore = new Uint32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    marksBefore[i + 1] = (marksBefore[i] ?? 0) + (SENTENCE_END.test(text.charAt(i)) ? 1 : 0);
  }
  const marks = (at: number): number => marksBefore[at] ?? 0;
  // The sentences holding a whole hit, by their number; anchors holding an end mark themselves
  // (none of today's labels can) are checked against every hit.
  const sentencesWithHit = new Set<number>();
  for (const hit of hits) if (marks(hit.start) === marks(hit.end)) sentencesWithHit.add(marks(hit.start));
  return anchors.some((anchor) =>
    marks(anchor.start) === marks(anchor.end)
      ? sentencesWithHit.has(marks(anchor.start))
      : hits.some((hit) => marks(hit.start) >= marks(anchor.start) && marks(hit.end) <= marks(anchor.end)),
  );
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
  return /[A-Z\u00c0-\u00de]/.test(original) && !/[a-z\u00df-\u00ff]/.test(original);
}

/**
 * Whether a post speaks of people of the hospital (carers, patients, residents, the places of
 * care). A post by the public that insults someone breaks RESPECT-01 only when it does.
 */
export function speaksOfHospitalPeople(folded: string): boolean {
  return HOSPITAL_WORLD.test(folded);
}
