import type { GuardDocument } from '../text/document.js';
import type { GuardContext } from '../types.js';
import type { DateAtom, DateKind } from './date.js';
import { someIn, wordsBefore } from './text-window.js';

/**
 * Opening hours and schedules of services ("accueil de 9h à 17h", "du lundi au vendredi",
 * "permanence le mardi") are times, but no one's: they get a score under the rules' threshold.
 * A staff member's own "de vendredi 21h à lundi 7h" stays a candidate (the rules decide).
 */

const SCHEDULE_SCORE = 0.4;

/** Anywhere in the text, these say that it is about opening times. */
const SCHEDULE_TEXT =
  /(?<![\p{L}\p{N}])(?:24 ?h ?\/ ?24|24\/24|h ?24|7 ?j ?\/ ?7|7\/7|du lundi au (?:vendredi|samedi|dimanche)|tous les jours|jours? feries?|horaires?|sur rendez-vous|sans rendez-vous|sur rdv|sans rdv|ouverte?s?|fermee?s?|fermeture|ouverture|permanences?|consultations?|accueil|secretariat|joignables?)(?![\p{L}\p{N}])/u;

/** Right before a time or a day, these make it an opening time ("ouvert dès 8h", "fermé le 25/12"). */
const GOVERNING_CUES = new Set(
  `ouvert ouverte ouverts ouvertes ferme fermee fermes fermees fermeture ouverture permanence
  permanences accueil joignable joignables horaires horaire visites secretariat standard`
    .trim()
    .split(/\s+/),
);

/** "de 9h à 17h", "14h-18h", "du lundi au vendredi", "entre 12h et 16h". */
const RANGE_GAP = /^\s*(?:a|au|-|et|jusqu'a|jusqu'au)\s*$/;
const RANGE_START = new Set(['de', 'du', 'entre', 'des']);

const SCHEDULABLE: readonly DateKind[] = ['time', 'weekday', 'day-month', 'numeric', 'month'];

function schedulable(item: DateAtom): boolean {
  return [...item.kinds].every((kind) => SCHEDULABLE.includes(kind));
}

function rangeMembers(atoms: readonly DateAtom[], folded: string): Set<DateAtom> {
  const members = new Set<DateAtom>();
  for (let i = 0; i + 1 < atoms.length; i++) {
    const first = atoms[i];
    const second = atoms[i + 1];
    if (first === undefined || second === undefined) continue;
    const gap = folded.slice(first.end, second.start);
    if (gap.length > 12 || !RANGE_GAP.test(gap)) continue;
    const [w0 = ''] = wordsBefore(folded, first.start, 1);
    if (gap.trim() === '-' || RANGE_START.has(w0)) {
      members.add(first);
      members.add(second);
    }
  }
  return members;
}

/** "le mardi", "chaque jeudi": a weekday that comes back every week. */
function habitualWeekday(item: DateAtom, folded: string): boolean {
  if (!item.kinds.has('weekday')) return false;
  if (folded.startsWith('le ', item.start)) return true;
  const [w0 = ''] = wordsBefore(folded, item.start, 1);
  return w0 === 'chaque' || w0 === 'les';
}

export function lowerSchedules(
  atoms: readonly DateAtom[],
  doc: GuardDocument,
  context: GuardContext,
): DateAtom[] {
  const { folded } = doc;
  const scheduleText = SCHEDULE_TEXT.test(folded);
  const official = context === 'institutional' || context === 'reply';
  const ranges = rangeMembers(atoms, folded);
  return atoms.map((item) => {
    if (!schedulable(item)) return item;
    const governed = someIn(wordsBefore(folded, item.start, 3), GOVERNING_CUES);
    const ranged = ranges.has(item) && (scheduleText || official);
    const weekly = scheduleText && official && habitualWeekday(item, folded);
    if (!governed && !ranged && !weekly) return item;
    return { ...item, score: Math.min(item.score, SCHEDULE_SCORE), evidence: 'horaires d’un service' };
  });
}
