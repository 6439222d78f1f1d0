import { hasKeyWord } from '../rules/word-gate.js';
import { FOLDED_WORD_CHARS } from '../text/fold.js';
import { frenchNumberToWords } from './french-numbers.js';

/**
 * The shapes of French dates and times, as regular expressions over folded text (lower case,
 * no accents). Every pattern is a chain of fixed alternatives with bounded repetition, so
 * matching stays linear (no nested quantifiers).
 */

// Word edges over folded text (see FOLDED_WORD_CHARS: faster than property escapes).
const B = `(?<![${FOLDED_WORD_CHARS}])`;
// Words of one date sit on one line, a few spaces apart at most (posts are messy, not that messy).
const S = '[ \\t]{1,3}';
const S0 = '[ \\t]{0,3}';
const E = `(?![${FOLDED_WORD_CHARS}])`;

export const WEEKDAYS = 'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche';
export const MONTHS = 'janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre';
// Abbreviations only count after a day number ("3 nov.", "12 sept."): alone they are words.
const MONTH_ABBREVIATIONS = 'janv\\.?|fevr?\\.?|avr\\.?|juil\\.?|sept\\.|oct\\.?|nov\\.?|dec\\.?';
const PARTS_OF_DAY = 'apres-midi|aprem|matinee|matin|midi|soiree|soir|nuit';
const RELATIVE_SUFFIX = 'dernier|derniere|prochain|prochaine|passe|passee';

/** Day numbers 2–31 in words, longest first, any space or hyphen between words. */
const DAY_WORDS = Array.from({ length: 30 }, (_, i) => frenchNumberToWords(i + 2))
  .sort((a, b) => b.length - a.length)
  .map((words) => words.replace(/[ -]/g, '[ -]'))
  .join('|');
const DAY = `\\d{1,2}(?:er)?|premier|${DAY_WORDS}`;

const re = (source: string, flags = 'gu'): RegExp => new RegExp(source, flags);

export const DATE_PATTERNS = {
  /** "le 12 mars", "samedi 1er février 2025", "du 3 au 7 mars", "le douze mars". */
  dayMonth: re(
    `${B}(?:(?:le|ce)${S})?(?:(?:${WEEKDAYS})${S})?(${DAY})(?:${S0}(?:au|-|et)${S0}(?:${DAY}))?${S}(?:${MONTHS}|${MONTH_ABBREVIATIONS})(?:${S}(?:19|20)\\d{2})?(?![\\p{L}\\p{N}])`,
  ),
  /** "12/03", "le 12/03/2024"; the day is captured to be checked. */
  slashDate: re(
    `${B}(?:le${S})?(?<![\\p{N}/.:,-])(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?(?![\\p{L}\\p{N}]|[/.:-]\\d)`,
  ),
  /** "12.03.2024", "12-03-24", "2024-03-12": with a year, or they are versions and scores. */
  fullDate: re(
    `${B}(?:le${S})?(?<![\\p{L}\\p{N}/.:,-])(?:(\\d{1,2})([.-])(\\d{1,2})\\2(?:\\d{4}|\\d{2})|(?:19|20)\\d{2}-(\\d{2})-(\\d{2}))(?![\\p{L}\\p{N}]|[/.:-]\\d)`,
  ),
  /** "samedi", "ce samedi", "mardi 14", "dimanche soir", "samedi dernier". */
  weekday: re(
    `${B}(?:(?:ce|le)${S})?(?:${WEEKDAYS})(?:${S}(?:\\d{1,2}|1er)(?![\\p{L}\\p{N}:/.,]|\\s?h(?!\\p{L})|${S0}(?:ans|mois|%)))?(?:${S}(?:${PARTS_OF_DAY}))?(?:${S}(?:${RELATIVE_SUFFIX}))?${E}`,
  ),
  /** "nuit de samedi", "soir du 12", "garde du 1er". */
  partOfDay: re(
    `${B}(?:nuit|soir|soiree|matin|matinee|apres-midi|journee|week-end|weekend|garde|astreinte)${S}(?:(?:de|du)${S}(?:${WEEKDAYS})|du${S}(?:\\d{1,2}|1er)(?![\\p{L}\\p{N}]|\\s?h(?!\\p{L})|${S0}[/:%,.]\\d|${S0}(?:€|euros?|ans|mois|jours|%))|du${S}premier)${E}`,
  ),
  /** "hier", "hier soir", "avant-hier", "demain matin", "aujourd'hui". */
  relativeDay: re(
    `${B}(avant[- ]hier|apres[- ]demain|hier|demain|aujourd'hui|aujourd hui|auj|ajd)(?:${S}(?:${PARTS_OF_DAY}))?${E}`,
  ),
  /** "ce matin", "cette nuit", "ce soir-là", "ce week-end", "cette semaine". */
  thisPart: re(`${B}(?:ce|cet|cette)${S}(${PARTS_OF_DAY}|week-end|weekend|we|semaine|mois)(?:-la|-ci)?${E}`),
  /** "la nuit dernière", "la semaine dernière", "le week-end prochain". */
  lastPart: re(
    `${B}(?:la|le)${S}(nuit|soir|soiree|matin|semaine|week-end|weekend|mois)${S}(?:${RELATIVE_SUFFIX}|precedente?|d'avant|d'apres)${E}`,
  ),
  /** "le week-end", "le we". */
  weekend: re(`${B}le${S}(?:week-end|weekend|we)${E}`),
  /** "l'autre jour", "la veille", "le lendemain", "tout à l'heure". */
  vague: re(
    `${B}(?:l'autre${S}(?:jour|soir|nuit|matin)|la${S}veille|le${S}lendemain|le${S}surlendemain|tout${S}a${S}l'heure)${E}`,
  ),
  /** "dans la nuit", "en pleine nuit": the night of an event (the span is "nuit"). */
  duringNight: re(`${B}(?:dans|pendant|durant|en pleine|au milieu de)${S}(?:la${S})?(nuit)${E}`, 'gud'),
  /** English, for the posts that mix languages: "last Saturday", "tonight". */
  english: re(
    `${B}(?:(?:last|next|this|on)${S}(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|last${S}night|tonight|yesterday)${E}`,
  ),
  /** "18h", "18 h 30", "2h47", "4h du matin", "3 heures du mat". */
  clock: re(
    `(?<![\\p{N}.,:/+])(?<!\\p{L})([01]?\\d|2[0-4])\\s?(?:h|heures?)(?:\\s?([0-5]\\d))?(?:${S}(?:du|de l'|de la)${S0}(?:matin|mat|soir|apres-midi|aprem|nuit))?(?![\\p{L}\\p{N}]|\\s?/)`,
  ),
  /** "14:30". */
  colonClock: re(`(?<![\\p{L}\\p{N}.,:/])([01]?\\d|2[0-3]):([0-5]\\d)(?![\\p{N}]|:\\d)`),
  /** "à midi", "vers minuit" (the span is the hour word). */
  namedHour: re(`${B}(?:a|vers|avant|apres|jusqu'a|des)${S}(midi|minuit)${E}`, 'gud'),
  /** Holidays and named days, with "le soir de", "la nuit du" in front when present. */
  holiday: re(
    `${B}(?:(?:le|la)${S}(?:soir|nuit|jour|matin|lendemain|veille|week-end|weekend|semaine)${S}(?:de${S}la|de${S}l'|du|de|des)${S0}|(?:la|le)${S})?(noel|nouvel an|jour de l'an|reveillon(?: de noel| du nouvel an)?|saint-sylvestre|st-sylvestre|paques|pentecote|toussaint|ascension|fete de la musique|fete des meres|fete des peres|fete nationale|fete des voisins|halloween|saint-valentin|st-valentin|mardi gras|chandeleur|epiphanie|armistice|carnaval|rentree(?: scolaire)?|vacances (?:de noel|de paques|de la toussaint|de fevrier|d'hiver|d'ete|de printemps|scolaires)|ramadan|l'aid|hanouka|feu d'artifice)${E}`,
    'gud',
  ),
  /** Awareness days and months: found, the rules decide. */
  campaign: re(
    `${B}(?:journee${S}(?:mondiale|nationale|internationale|europeenne)${S}(?:de${S}la${S}|de${S}l'|du${S}|des${S}|de${S}|d'|contre${S}(?:la${S}|le${S}|les${S}|l')?|pour${S}(?:la${S}|le${S}|les${S}|l')?)?[\\p{L}-]+|octobre rose|movember|mois sans tabac|dry january|defi de janvier|mars bleu|septembre en or)${E}`,
  ),
  /** A month alone or with its year: "en mai", "depuis mars", "mars 2024". */
  month: re(`${B}(?:${MONTHS})(?:${S}(?:19|20)\\d{2})?${E}`),
  /** A year after a word that makes it one: "en 2019", "née en 1985", "depuis 2020". */
  year: re(
    `${B}(nee?s? en|en|depuis|annee|des|ne|nee|nes|nees|fin|debut|ete|hiver|printemps|automne|jusqu'en|avant|apres)${S}((?:19|20)\\d{2})${E}`,
    'gud',
  ),
} as const;

type PatternName = keyof typeof DATE_PATTERNS;

/**
 * What a post must contain for each pattern to have a chance: one of its words (as the key-word
 * gate reads them: "apres-midi" is "apres" and "midi") or a character sequence. Most posts hold
 * no date at all, and a set lookup per word costs less than running twenty patterns over them.
 * A test holds each gate open wherever its pattern matches.
 */
type Gate = (folded: string) => boolean;

const anyWord = (...lists: readonly string[]): Gate => {
  const keys = new Set(lists.flatMap((list) => list.split('|')));
  return (folded) => hasKeyWord(folded, keys);
};
const has =
  (pattern: RegExp): Gate =>
  (folded) =>
    pattern.test(folded);

const MONTH_ABBREVIATION_WORDS = 'janv|fev|fevr|avr|juil|sept|oct|nov|dec';
const PART_OF_DAY_WORDS = 'apres|aprem|matinee|matin|midi|soiree|soir|nuit';

export const DATE_GATES: Record<PatternName, Gate> = {
  dayMonth: anyWord(MONTHS, MONTH_ABBREVIATION_WORDS),
  slashDate: has(/\d\//),
  fullDate: has(/\d[.-]\d/),
  weekday: anyWord(WEEKDAYS),
  partOfDay: anyWord(PART_OF_DAY_WORDS, 'journee|week|weekend|garde|astreinte'),
  relativeDay: anyWord('hier|demain|aujourd|auj|ajd'),
  thisPart: anyWord('ce|cet|cette'),
  lastPart: anyWord('nuit|soir|soiree|matin|semaine|week|weekend|mois'),
  weekend: anyWord('week|weekend|we'),
  vague: anyWord('autre|veille|lendemain|surlendemain|heure'),
  duringNight: anyWord('nuit'),
  english: anyWord('monday|tuesday|wednesday|thursday|friday|saturday|sunday|night|tonight|yesterday'),
  clock: has(/\d\s?h/),
  colonClock: has(/\d:\d/),
  namedHour: anyWord('midi|minuit'),
  holiday: anyWord(
    'noel|nouvel|jour|reveillon|sylvestre|paques|pentecote|toussaint|ascension|fete|halloween',
    'valentin|gras|chandeleur|epiphanie|armistice|carnaval|rentree|vacances|ramadan|aid|hanouka|feu',
  ),
  campaign: anyWord('journee|octobre|movember|mois|dry|defi|mars|septembre'),
  month: anyWord(MONTHS),
  year: has(/(?:19|20)\d\d/),
};

/** Holiday words that are also first names or surnames ("Noël Martin", "Pierre Toussaint"). */
export const NAME_LIKE_HOLIDAYS = new Set(['noel', 'toussaint', 'ascension', 'paques']);
