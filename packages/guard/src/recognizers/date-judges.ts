import type { GuardDocument } from '../text/document.js';
import { wordsAfter, wordsBefore } from './text-window.js';

/**
 * The judgements the DATE recognizer makes on numbers that may or may not be dates and times:
 * "12/03" against "8/10" (a rating) or "12/8" (a blood pressure), "à 23h" against "7h
 * d'attente" (a duration).
 */

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

/** Before a slash pair, these make it a measure or a score. */
const MEASURE_BEFORE = words(`
  tension ta pa note notee noter score glasgow eva sat saturation ratio taux moyenne en sur
  mets met donne donner vote
`);

/** Before a clock reading, these make it a length of time ("attendu 7h", "pendant 2h"). */
const DURATION_BEFORE = words(`
  pendant durant en dans sous environ chaque sur par ya les ces quelques mes nos tes vos ses
  attendu attendre attends attend attendent attente poireaute poireauter patiente patienter
  dormi dormir bosse bosser travaille travailler fait faire fais passe passees passer reste rester
  restee dure duree durer perdu perdre enchaine enchainer coince coincee bloque bloquee
  tenir tenu tienne tient tiens
`);

/** "une garde de 12h", "un retard de 3h": nouns measured in hours. */
const DURATION_NOUNS = words(`
  garde attente retard delai trajet route operation intervention sommeil travail shift poste pause
  vol bloc journee sieste marche queue repos coupure panne greve formation cours conge astreinte
  voyage bout plus moins pres maximum minimum possibilite rythme roulement
`);

/** After a bare clock reading, these make it a length of time ("9h pour une entorse"). */
const DURATION_AFTER = words(`
  pour plus apres avant par max maximum minimum non-stop consecutives chrono top que sur environ
  passees perdues perdu gachees
`);

/** Before a clock reading, these make it a moment ("à 23h", "vers 3h", "dès 7h"). */
const AT = words('a vers des avant apres pour jusqu');

/** "7h d'attente", "2h de route": a noun complement makes the hours a duration. */
const NOUN_COMPLEMENT = /^\s*(?:d'|de\s+(?!la\s+(?:nuit|matinee|soiree)|l'apres))/u;

/** The score of a clock reading ("18h", "21h30", "14:30"), or null when it is a duration. */
export function judgeClock(doc: GuardDocument, start: number, end: number, hour: number): number | null {
  const { folded } = doc;
  const [w0 = '', w1 = ''] = wordsBefore(folded, start, 2);
  if (DURATION_BEFORE.has(w0)) return null;
  if ((w0 === 'a' && w1 === 'y') || (w0 === 'les' && (w1 === 'toutes' || w1 === 'tous'))) return null;
  if ((w0 === 'de' || w0 === 'd') && DURATION_NOUNS.has(w1)) return null;
  if (NOUN_COMPLEMENT.test(folded.slice(end, end + 20))) return null;
  const at = AT.has(w0) || (w0 === 'de' && (w1 === 'partir' || w1 === 'coups' || w1 === 'alentours'));
  const partOfDay = /(?:matin|mat|soir|midi|aprem|nuit)$/.test(folded.slice(start, end));
  if (at || partOfDay) return 0.8;
  // A bare "24h" is a day's length ("en 24h", "les urgences 24h"), never a moment.
  if (hour === 24) return null;
  const [a0 = ''] = wordsAfter(folded, end, 1);
  if (DURATION_AFTER.has(a0)) return null;
  return w0 === 'depuis' ? 0.55 : 0.65;
}

/** The score of "12/03" or "12/03/2024", or null when it is a rating, a ratio or a fraction. */
export function judgeSlashDate(doc: GuardDocument, match: RegExpExecArray): number | null {
  const day = Number(match[1]);
  const month = Number(match[2]);
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  const withLe = match[0].startsWith('le');
  const numberStart = match.index + match[0].indexOf(match[1] ?? '');
  const [w0 = ''] = wordsBefore(doc.folded, numberStart, 1);
  if (!withLe && MEASURE_BEFORE.has(w0)) return null;
  if (match[3] !== undefined) return 0.8;
  if (withLe) return 0.8;
  const end = match.index + match[0].length;
  // "3/4 des patients": a fraction.
  if (/^\s*(?:des|de|d'|du)\s?/.test(doc.folded.slice(end, end + 5))) return null;
  // "8/10", "4/5": a rating; with "le" in front it would have been a date.
  if ((month === 5 || month === 10) && day <= month) return null;
  const padded = (match[1] ?? '').length === 2 && (match[2] ?? '').length === 2;
  return padded ? 0.7 : 0.55;
}
