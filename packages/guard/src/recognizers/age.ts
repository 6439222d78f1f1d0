import type { GuardDocument } from '../text/document.js';
import type { Span } from '../types.js';
import { AGE_CUES } from './age-cues.js';
import { findFrenchNumbers } from './french-numbers.js';
import type { Recognizer } from './recognizer.js';
import { charAfter, charBefore, sentenceAround, someIn, wordsAfter, wordsBefore } from './text-window.js';

/**
 * AGE: a person's age ("92 ans", "quatre-vingt-quatorze ans", "nourrisson de 3 mois", "la
 * trentaine", "une octogénaire"). Age is a quasi-identifier: with a service and a day it points
 * at one patient. Durations and anniversaries ("depuis 10 ans", "30 ans d'expérience") are not
 * ages; age classes ("les moins de 15 ans") come out with a low score.
 */

const NAME = 'age';

const HIGH = 0.85; // next to a person cue
const MEDIUM = 0.6; // an age, but of whom is unclear
const AUTHOR_SIDE = 0.55; // the author's own age or a relative's: the rules decide
const CLASS = 0.3; // an age class, never one person

type Unit = 'year' | 'month' | 'week' | 'day' | 'year-terse';

const UNIT_OF: Readonly<Record<string, Unit>> = {
  ans: 'year',
  an: 'year',
  piges: 'year',
  pige: 'year',
  balais: 'year',
  berges: 'year',
  printemps: 'year',
  a: 'year-terse',
  mois: 'month',
  semaines: 'week',
  semaine: 'week',
  sem: 'week',
  jours: 'day',
  jour: 'day',
};

const MAX_VALUE: Readonly<Record<Unit, number>> = {
  year: 120,
  'year-terse': 120,
  month: 36,
  week: 52,
  day: 365,
};

// Digits glued to or spaced from the unit; "92 a" (SMS) is kept only next to a person cue.
const DIGIT_AGE =
  /(?<![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f.,/:-])(\d{1,3}) ?(ans|an|piges?|balais|berges|printemps|mois|semaines?|sem|jours?|a)(?![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])/gu;
const UNIT_AFTER_WORDS =
  / ?(ans|an|piges?|balais|berges|printemps|mois|semaines?|jours?)(?![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])/uy;

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly unit: Unit;
}

function candidates(doc: GuardDocument): Candidate[] {
  const found: Candidate[] = [];
  for (const match of doc.folded.matchAll(DIGIT_AGE)) {
    const unit = UNIT_OF[match[2] ?? ''];
    if (unit === undefined) continue;
    const end = match.index + match[0].length;
    // "92 a" only as a terse unit: an "a" closing the phrase, not the verb ("lit 2 a eu") nor "à".
    if (
      unit === 'year-terse' &&
      (doc.text[end - 1] !== 'a' ||
        /^[a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f]/u.test(charAfter(doc.text, end)))
    ) {
      continue;
    }
    found.push({ start: match.index, end, value: Number(match[1]), unit });
  }
  for (const number of findFrenchNumbers(doc.folded)) {
    UNIT_AFTER_WORDS.lastIndex = number.end;
    const unit = UNIT_AFTER_WORDS.exec(doc.folded);
    const kind = unit === null ? undefined : UNIT_OF[unit[1] ?? ''];
    if (unit === null || kind === undefined) continue;
    found.push({ start: number.start, end: number.end + unit[0].length, value: number.value, unit: kind });
  }
  return found;
}

interface Judgement {
  readonly score: number;
  readonly evidence: string;
}

/** The words before the number, with a range head ("de 3 à 5 ans", "3 ou 4 mois") skipped. */
function headBefore(before: readonly string[]): { words: readonly string[]; range: boolean } {
  const joiner = before[0];
  if ((joiner === 'a' || joiner === 'ou' || joiner === 'et') && /^\d+$/.test(before[1] ?? '')) {
    return { words: before.slice(2), range: true };
  }
  return { words: before, range: false };
}

// A noun complement right after the unit: "30 ans d'expérience", "12 ans d'IDE", "10 ans de
// carrière", "les 20 ans du service". A capitalised word after "de" may be a place ("un homme de
// 45 ans de Rouen") or what lasted ("deux ans de Covid"): a person cue decides.
const NOUN_COMPLEMENT = /^[ \t]*(?:d['\u2019]|du\s|des\s|de\s)/u;
const PLACE_COMPLEMENT = /^[ \t]*(?:d['\u2019]|de\s+)\p{Lu}\p{Ll}/u;

function isDuration(
  words: readonly string[],
  after: readonly string[],
  text: string,
  c: Candidate,
  personCued: boolean,
): boolean {
  const [w0 = '', w1 = ''] = words;
  if (AGE_CUES.durationBefore.has(w0)) return true;
  // "il y a 3 ans", "y'a 3 ans", "ya 3 ans", "ça fait 10 ans", "jusqu'à 3 ans".
  if (w0 === 'a' && (w1 === 'y' || w1 === 'jusqu')) return true;
  if (w0 === 'ya' || (w0 === 'fait' && (w1 === 'ca' || w1 === 'cela'))) return true;
  // "pendant ses 15 ans", "depuis les 3 mois de …": a determiner between preposition and number.
  if (AGE_CUES.determiners.has(w0) && AGE_CUES.durationBefore.has(w1)) return true;
  // "un contrat de 3 ans", "un retard de 2 mois", "au bout de 3 mois".
  if ((w0 === 'de' || w0 === 'd') && AGE_CUES.durationNouns.has(w1)) return true;
  // "tous les 3 mois".
  if (w0 === 'les' && (w1 === 'tous' || w1 === 'toutes')) return true;
  // "golden retriever de 4 ans", "un vin de 10 ans": not a person.
  if ((w0 === 'de' || w0 === 'd') && AGE_CUES.thingNouns.has(w1)) return true;
  if (AGE_CUES.durationAfter.has(after[0] ?? '')) return true;
  const tail = text.slice(c.end, c.end + 40);
  // "de Rouen" may be where a person lives; "de Covid" is what lasted: only a person cue tells.
  if (PLACE_COMPLEMENT.test(tail)) return !personCued;
  return NOUN_COMPLEMENT.test(tail);
}

function isAgeClass(words: readonly string[], after: readonly string[], range: boolean): boolean {
  const [w0 = '', w1 = '', w2 = ''] = words;
  const [a0 = '', a1 = ''] = after;
  if (range) return true;
  if ((a0 === 'et' || a0 === 'ou') && (a1 === 'plus' || a1 === 'moins')) return true;
  if (AGE_CUES.classAfter.has(a0)) return true;
  if (AGE_CUES.classBefore.has(w0)) return true;
  if (w0 === 'de' && (w1 === 'moins' || w1 === 'plus' || w1 === 'partir' || w1 === 'dela')) {
    // "une patiente de plus de 90 ans" is one person's age, said loosely.
    return !(w2 === 'de' || w2 === 'd');
  }
  return w0 === 'les';
}

function isAuthorSide(words: readonly string[]): string | null {
  const [w0 = '', w1 = ''] = words;
  if ((w0 === 'ai' && w1 === 'j') || w0 === 'jai') return "âge de l'auteur";
  // Only the nearest words: "ma fille de 6 ans", "mon père, 82 ans", "mon fils qui a 3 ans".
  for (let k = 0; k < Math.min(words.length, 4); k++) {
    const word = words[k] ?? '';
    if (!AGE_CUES.kin.has(word)) continue;
    const owner = words[k + 1] ?? '';
    const ownerAfterAdjective = AGE_CUES.kinAdjectives.has(owner) ? (words[k + 2] ?? '') : '';
    if (AGE_CUES.possessives.has(owner) || AGE_CUES.possessives.has(ownerAfterAdjective)) {
      return "proche de l'auteur";
    }
  }
  return null;
}

function hasPersonCue(
  before: readonly string[],
  after: readonly string[],
  text: string,
  c: Candidate,
): boolean {
  if (someIn(before, AGE_CUES.personNouns) || someIn(after.slice(0, 3), AGE_CUES.personNouns)) return true;
  const [w0 = '', w1 = ''] = before;
  if (w0 === 'agee' || w0 === 'age' || w0 === 'agees' || w0 === 'ages') return true;
  if (w0 === 'de' && (w1 === 'agee' || w1 === 'age' || w1 === 'agees' || w1 === 'ages')) return true;
  if (w0 === 'a' && AGE_CUES.subjectPronouns.has(w1)) return true;
  // "Léa a 7 ans": avoir after a capitalised name.
  if (w0 === 'a' && /\p{Lu}[\p{L}'-]*\s+a\s+$/u.test(text.slice(Math.max(0, c.start - 40), c.start)))
    return true;
  // Apposition after a name or an initial: "Karim, 34 ans", "L. (28 ans)".
  const mark = charBefore(text, c.start);
  if (mark === ',' || mark === '(') {
    const name = text.slice(Math.max(0, c.start - 40), c.start).match(/(\p{Lu}[\p{L}'-]*\.?)\s*[,(]\s*$/u);
    if (name !== null) return true;
  }
  return false;
}

function judgeBabyAge(before: readonly string[], sentence: string): Judgement | null {
  const [w0 = '', w1 = ''] = before;
  const direct = (w0 === 'de' || w0 === 'd') && (AGE_CUES.babyNouns.has(w1) || w1 === 'agee' || w1 === 'age');
  if (direct) return { score: HIGH, evidence: "âge d'un nourrisson (mois, semaines ou jours)" };
  const babyNearby = AGE_CUES.babySentence.test(sentence);
  if (!babyNearby) return null;
  const attached =
    w0 === 'ses' || w0 === 'de' || w0 === 'd' || (w0 === 'a' && AGE_CUES.subjectPronouns.has(w1));
  return attached ? { score: 0.7, evidence: "âge d'un nourrisson, d'après le contexte" } : null;
}

function judge(doc: GuardDocument, c: Candidate): Judgement | null {
  if (c.value < 0 || c.value > MAX_VALUE[c.unit] || (c.value === 0 && c.unit !== 'day')) return null;
  // Eight words back reach "une maman a accouché de son 5e à 41 ans".
  const before = wordsBefore(doc.folded, c.start, 8);
  const after = wordsAfter(doc.folded, c.end, 4);
  const { words, range } = headBefore(before);
  const cue = hasPersonCue(before, after, doc.text, c);
  if (isDuration(words, after, doc.text, c, cue)) return null;
  if (isAgeClass(words, after, range)) return { score: CLASS, evidence: "classe d'âge, pas une personne" };
  const authorSide = isAuthorSide(before);
  const inMonthsOrDays = c.unit === 'month' || c.unit === 'week' || c.unit === 'day';
  // "ma fille de 3 mois" is the author's baby; "j'ai 3 mois" is no age of the author.
  if (authorSide === "proche de l'auteur" || (authorSide !== null && !inMonthsOrDays)) {
    return { score: AUTHOR_SIDE, evidence: authorSide };
  }
  if (inMonthsOrDays) return judgeBabyAge(words, sentenceAround(doc.folded, c.start, c.end));
  if (c.unit === 'year-terse' && !cue) return null;
  const sentence = sentenceAround(doc.folded, c.start, c.end);
  // "le service fête ses 10 ans": an institution's anniversary, unless a person is named too.
  if (!cue && (words[0] === 'ses' || words[0] === 'nos') && AGE_CUES.institutionSentence.test(sentence))
    return null;
  return cue
    ? { score: HIGH, evidence: "âge près d'un indice de personne" }
    : { score: MEDIUM, evidence: 'âge sans indice de personne' };
}

/** "la trentaine", "une octogénaire", "un quadra": ages given by decade. */
const DECADE =
  /(?<![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f-])(vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|septantaine|quadragenaire|quinquagenaire|sexagenaire|septuagenaire|octogenaire|nonagenaire|centenaire|trentenaire|quadra|quinqua)s?(?![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f-])/gu;

function judgeDecade(doc: GuardDocument, start: number, end: number, word: string): Judgement | null {
  const before = wordsBefore(doc.folded, start, 6);
  const after = wordsAfter(doc.folded, end, 3);
  const [w0 = '', w1 = ''] = before;
  const person = someIn(before, AGE_CUES.personNouns) || AGE_CUES.personNouns.has(after[0] ?? '');
  if (word.endsWith('aine')) {
    if (!AGE_CUES.decadeDeterminers.has(w0)) return null;
    // "mis en quarantaine", "sortie de la quarantaine": the isolation, not the age.
    if (word === 'quarantaine' && AGE_CUES.quarantineBefore.has(w1)) return null;
    // "une trentaine de patients" counts people; "une trentaine d'années" is an age.
    if ((after[0] === 'de' || after[0] === 'd') && after[1] !== 'annees' && after[1] !== 'ans') return null;
  } else if (word === 'centenaire') {
    // "le centenaire de l'hôpital" is a celebration; "une centenaire", "patiente centenaire" a person.
    if (!person && !AGE_CUES.decadeDeterminers.has(w0) && w0 !== 'un' && w0 !== 'notre') return null;
    if (w0 === 'le' || w0 === 'du' || w0 === 'au') return null;
  } else if (word === 'quadra' || word === 'quinqua') {
    if (w0 !== 'un' && w0 !== 'une' && !person) return null;
  }
  if (w0 === 'les' || w0 === 'des') return { score: CLASS, evidence: "classe d'âge, pas une personne" };
  return person
    ? { score: HIGH, evidence: "tranche d'âge près d'un indice de personne" }
    : { score: MEDIUM, evidence: "tranche d'âge" };
}

function span(start: number, end: number, judgement: Judgement, hashtag: boolean): Span {
  // "#92ans" is more often a celebration than a patient's age: never above medium.
  const score = hashtag ? Math.min(judgement.score, AUTHOR_SIDE) : judgement.score;
  return { type: 'AGE', start, end, score, recognizer: NAME, evidence: judgement.evidence };
}

export const ageRecognizer: Recognizer = {
  name: NAME,
  find(doc) {
    const spans: Span[] = [];
    for (const candidate of candidates(doc)) {
      const judgement = judge(doc, candidate);
      if (judgement !== null) {
        spans.push(span(candidate.start, candidate.end, judgement, doc.text[candidate.start - 1] === '#'));
      }
    }
    for (const match of doc.folded.matchAll(DECADE)) {
      const word = match[1] ?? '';
      const end = match.index + match[0].length;
      const judgement = judgeDecade(doc, match.index, end, word);
      if (judgement !== null) spans.push(span(match.index, end, judgement, false));
    }
    return spans.sort((a, b) => a.start - b.start);
  },
};
