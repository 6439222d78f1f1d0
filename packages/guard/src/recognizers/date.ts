import type { GuardDocument } from '../text/document.js';
import type { Span } from '../types.js';
import { judgeClock, judgeSlashDate } from './date-judges.js';
import { DATE_GATES, DATE_PATTERNS, NAME_LIKE_HOLIDAYS } from './date-patterns.js';
import { lowerSchedules } from './date-schedule.js';
import { parseFrenchNumber } from './french-numbers.js';
import type { Recognizer } from './recognizer.js';
import { wordsBefore } from './text-window.js';

/**
 * DATE: a day, a date or a time that can tie a person to an event ("le 12 mars", "samedi soir",
 * "hier", "à 23h", "Noël"). Everything time-like is a candidate; durations ("7h d'attente") are
 * dropped, and opening hours of services ("de 9h à 17h", "du lundi au vendredi") come out with a
 * low score. Whether a date breaks secrecy is for the rules to decide.
 */

const NAME = 'date';

export type DateKind =
  | 'day-month'
  | 'numeric'
  | 'weekday'
  | 'relative'
  | 'time'
  | 'holiday'
  | 'campaign'
  | 'month'
  | 'year';

export interface DateAtom {
  readonly start: number;
  readonly end: number;
  readonly score: number;
  readonly kinds: ReadonlySet<DateKind>;
  readonly evidence: string;
}

const atom = (start: number, end: number, score: number, kind: DateKind, evidence: string): DateAtom => ({
  start,
  end,
  score,
  kinds: new Set([kind]),
  evidence,
});

const NO_MATCH: readonly RegExpExecArray[] = [];

/** Every match of a date pattern, the pattern run only when its gate lets the post through. */
function matches(name: keyof typeof DATE_PATTERNS, folded: string): Iterable<RegExpExecArray> {
  if (!DATE_GATES[name](folded)) return NO_MATCH;
  const pattern = DATE_PATTERNS[name];
  pattern.lastIndex = 0;
  return folded.matchAll(pattern);
}

function dayOf(word: string): number | null {
  const digits = /^(\d{1,2})(?:er)?$/.exec(word);
  if (digits !== null) return Number(digits[1]);
  return word === 'premier' ? 1 : parseFrenchNumber(word);
}

function calendarAtoms(doc: GuardDocument, out: DateAtom[]): void {
  const { folded, text } = doc;
  for (const m of matches('dayMonth', folded)) {
    const day = dayOf(m[1] ?? '');
    if (day === null || day < 1 || day > 31) continue;
    out.push(atom(m.index, m.index + m[0].length, 0.8, 'day-month', 'jour et mois'));
  }
  for (const m of matches('slashDate', folded)) {
    const score = judgeSlashDate(doc, m);
    if (score !== null) out.push(atom(m.index, m.index + m[0].length, score, 'numeric', 'date en chiffres'));
  }
  for (const m of matches('fullDate', folded)) {
    const day = Number(m[1] ?? m[5]);
    const month = Number(m[3] ?? m[4]);
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) {
      out.push(atom(m.index, m.index + m[0].length, 0.8, 'numeric', 'date en chiffres'));
    }
  }
  for (const m of matches('month', folded)) {
    const withYear = /\d$/.test(m[0]);
    out.push(atom(m.index, m.index + m[0].length, withYear ? 0.6 : 0.55, 'month', 'mois seul'));
  }
  for (const m of matches('year', folded)) {
    const [start, end] = m.indices?.[2] ?? [m.index, m.index + m[0].length];
    const birth = /^ne/.test(m[1] ?? '');
    out.push(atom(start, end, birth ? 0.85 : 0.55, 'year', birth ? 'année de naissance' : 'année seule'));
  }
  for (const m of matches('holiday', folded)) {
    const [wordStart] = m.indices?.[1] ?? [m.index];
    const holiday = m[1] ?? '';
    // "Noël Martin", "Pierre Toussaint": a name, not the day.
    if (NAME_LIKE_HOLIDAYS.has(holiday) && /^\s+\p{Lu}/u.test(text.slice(m.index + m[0].length))) continue;
    if (holiday === 'ascension' && text[wordStart] !== 'A') continue;
    // "rentrée chez vous": the participle; the school term needs its article ("la rentrée").
    if (holiday.startsWith('rentree') && !/^la\s/.test(m[0])) continue;
    out.push(atom(m.index, m.index + m[0].length, 0.7, 'holiday', 'fête ou jour nommé'));
  }
  for (const m of matches('campaign', folded)) {
    out.push(atom(m.index, m.index + m[0].length, 0.55, 'campaign', 'journée de sensibilisation'));
  }
}

function dayAtoms(doc: GuardDocument, out: DateAtom[]): void {
  const { folded } = doc;
  for (const m of matches('weekday', folded)) {
    const withDay = /\d/.test(m[0]);
    out.push(atom(m.index, m.index + m[0].length, withDay ? 0.8 : 0.7, 'weekday', 'jour de la semaine'));
  }
  for (const m of matches('partOfDay', folded)) {
    // "seule de nuit de vendredi 21h à …": "de nuit" is the shift; the day stands on its own.
    if (wordsBefore(folded, m.index, 1)[0] === 'de') continue;
    out.push(atom(m.index, m.index + m[0].length, 0.7, 'weekday', 'moment d’un jour précis'));
  }
  for (const m of matches('relativeDay', folded)) {
    const vague = /^(?:aujourd|auj|ajd)/.test(m[1] ?? '');
    out.push(atom(m.index, m.index + m[0].length, vague ? 0.55 : 0.7, 'relative', 'jour relatif'));
  }
  for (const m of matches('thisPart', folded)) {
    const broad = m[1] === 'semaine' || m[1] === 'mois';
    out.push(atom(m.index, m.index + m[0].length, broad ? 0.55 : 0.7, 'relative', 'moment relatif'));
  }
  for (const m of matches('lastPart', folded)) {
    out.push(atom(m.index, m.index + m[0].length, m[1] === 'mois' ? 0.6 : 0.7, 'relative', 'moment relatif'));
  }
  for (const m of matches('weekend', folded)) {
    out.push(atom(m.index, m.index + m[0].length, 0.7, 'relative', 'week-end'));
  }
  for (const m of matches('vague', folded)) {
    out.push(atom(m.index, m.index + m[0].length, 0.6, 'relative', 'moment relatif'));
  }
  for (const m of matches('duringNight', folded)) {
    const [start, end] = m.indices?.[1] ?? [m.index, m.index + m[0].length];
    out.push(atom(start, end, 0.6, 'relative', 'la nuit d’un événement'));
  }
  for (const m of matches('english', folded)) {
    out.push(atom(m.index, m.index + m[0].length, 0.7, 'relative', 'jour relatif (anglais)'));
  }
}

function clockAtoms(doc: GuardDocument, out: DateAtom[]): void {
  const { folded } = doc;
  for (const m of matches('clock', folded)) {
    const score = judgeClock(doc, m.index, m.index + m[0].length, Number(m[1]));
    if (score !== null) out.push(atom(m.index, m.index + m[0].length, score, 'time', 'heure'));
  }
  for (const m of matches('colonClock', folded)) {
    const score = judgeClock(doc, m.index, m.index + m[0].length, Number(m[1]));
    if (score !== null) out.push(atom(m.index, m.index + m[0].length, score, 'time', 'heure'));
  }
  for (const m of matches('namedHour', folded)) {
    const [start, end] = m.indices?.[1] ?? [m.index, m.index + m[0].length];
    out.push(atom(start, end, 0.8, 'time', 'heure'));
  }
}

/**
 * Joins atoms that overlap or touch across spaces only ("vendredi" + "21h", "7h" + "demain
 * matin"): one stretch of text, one span, the strongest score.
 */
function mergeAtoms(atoms: DateAtom[], folded: string): DateAtom[] {
  atoms.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: DateAtom[] = [];
  for (const next of atoms) {
    const last = merged[merged.length - 1];
    const touching =
      last !== undefined &&
      (next.start < last.end ||
        (next.start - last.end <= 2 && /^[ \t]*$/.test(folded.slice(last.end, next.start))));
    if (last === undefined || !touching) {
      merged.push(next);
      continue;
    }
    const stronger = next.score > last.score ? next : last;
    const kinds = new Set([...last.kinds, ...next.kinds]);
    // A clock time on a named day ("vendredi 21h", "7h demain matin") pins a moment down.
    const pinned =
      kinds.has('time') && (kinds.has('weekday') || kinds.has('relative') || kinds.has('day-month'));
    merged[merged.length - 1] = {
      start: last.start,
      end: Math.max(last.end, next.end),
      score: pinned ? Math.max(stronger.score, 0.8) : stronger.score,
      kinds,
      evidence: pinned ? 'jour et heure' : stronger.evidence,
    };
  }
  return merged;
}

/** "née le 12/07/1985", "DDN 12/07/1985": a birth date is the strongest date there is. */
function raiseBirthDates(atoms: DateAtom[], folded: string): DateAtom[] {
  return atoms.map((item) => {
    if (!item.kinds.has('day-month') && !item.kinds.has('numeric')) return item;
    const [w0 = '', w1 = '', w2 = ''] = wordsBefore(folded, item.start, 3);
    const birth =
      /^nee?s?$/.test(w0) ||
      (w0 === 'le' && /^nee?s?$/.test(w1)) ||
      w0 === 'ddn' ||
      (w0 === 'naissance' && w1 === 'de' && w2 === 'date');
    return birth ? { ...item, score: Math.max(item.score, 0.85), evidence: 'date de naissance' } : item;
  });
}

export const dateRecognizer: Recognizer = {
  name: NAME,
  find(doc, ctx) {
    const atoms: DateAtom[] = [];
    calendarAtoms(doc, atoms);
    dayAtoms(doc, atoms);
    clockAtoms(doc, atoms);
    const merged = raiseBirthDates(mergeAtoms(atoms, doc.folded), doc.folded);
    return lowerSchedules(merged, doc, ctx.context).map(
      (item): Span => ({
        type: 'DATE',
        start: item.start,
        end: item.end,
        score: item.score,
        recognizer: NAME,
        evidence: item.evidence,
      }),
    );
  },
};
