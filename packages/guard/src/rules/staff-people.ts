import type { GuardDocument } from '../text/document.js';
import { WORD_END, WORD_START } from '../text/words.js';
import type { Span } from '../types.js';

/**
 * Names of staff, not patients: "le Dr X", "l'infirmière Julie", "Nadia Benhamou, cadre de santé",
 * "directeur général, Jean-Paul Rénier". Secrecy protects patients; a named carer in a post is a
 * matter for the conduct rules (tagging, defamation), not for SECRET.
 */

const ROLE =
  '(?:dr|dre|pr|docteure?|professeure?|medecin|chirurgienne?|anesthesiste|infirmiere?|ide|aide-soignante?|as|ash|sage-femme|sages-femmes|cadre(?: de sante)?|interne|externe|kine(?:sitherapeute)?|brancardiere?|secretaire(?: medicale)?|directeur|directrice|dg|president|presidente|cheffe?|collegue|stagiaire|etudiante?|psychologue|pharmacienne?|manip(?:ulat(?:eur|rice))?|puericultrice|auxiliaire|neurologue|cardiologue|gynecologue|pediatre|urgentiste|radiologue|geriatre|dermatologue|ophtalmologue|orthophoniste|dieteticienne?|assistante? sociale|educat(?:eur|rice)|tabacologue|nephrologue|oncologue|psychiatre|praticien(?:ne)?|ambulanciere?|agent)';
const QUALIFIER =
  "(?: (?:general|generale|adjointe?|referente?|de garde|de nuit|de jour|de sante|medicale?|hospitaliere?|du service|de l'equipe|de chir ortho|de cardio|de radio|de neuro|de pediatrie))?";
const ROLE_BEFORE = new RegExp(`${WORD_START}${ROLE}${QUALIFIER}(?:,| :)? ?$`, 'u');
const ROLE_AFTER = new RegExp(
  `^,? (?:(?:notre|la|le|l'|une?|nouvel(?:le)?|nouveau) )?${ROLE}${WORD_END}`,
  'u',
);
const TITLE = new RegExp(`^(?:dr|dre|pr|docteure?|professeure?)${WORD_END}`);

/** True when the name is introduced by, or followed by, a staff role. */
export function isStaffName(doc: GuardDocument, span: Span): boolean {
  const name = doc.folded.slice(span.start, span.end);
  if (TITLE.test(name)) return true;
  const before = doc.folded.slice(Math.max(0, span.start - 32), span.start).replace(/[’']/gu, "'");
  const after = doc.folded.slice(span.end, span.end + 40);
  return ROLE_BEFORE.test(before) || ROLE_AFTER.test(after);
}

const NAME_WORDS = /[\p{L}]{2,}/gu;

/**
 * The names in `persons` that are not staff. A name given once with a role ("Nadia Benhamou,
 * cadre de santé") stays a staff name when repeated alone ("Merci Nadia").
 */
export function patientNames(doc: GuardDocument, persons: readonly Span[]): Span[] {
  const staffWords = new Set<string>();
  for (const span of persons) {
    if (!isStaffName(doc, span)) continue;
    for (const match of doc.folded.slice(span.start, span.end).matchAll(NAME_WORDS)) staffWords.add(match[0]);
  }
  return persons.filter((span) => {
    if (isStaffName(doc, span)) return false;
    const words = [...doc.folded.slice(span.start, span.end).matchAll(NAME_WORDS)].map((match) => match[0]);
    return !words.some((word) => staffWords.has(word) && !TITLE_WORDS.has(word));
  });
}

const TITLE_WORDS = new Set([
  'mme',
  'madame',
  'monsieur',
  'mr',
  'mlle',
  'dr',
  'dre',
  'pr',
  'docteur',
  'professeur',
]);
