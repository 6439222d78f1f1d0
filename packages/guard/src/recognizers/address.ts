import { type GuardDocument, type Token, tokenIndexAt } from '../text/document.js';
import type { Span } from '../types.js';
import { cueBefore } from './cue-window.js';
import type { Recognizer, RecognizerContext } from './recognizer.js';

/**
 * Postal addresses: a house number (with bis/ter), a street type, the street's name, and when
 * present the postcode and town ("12 rue des Lilas 35000 Rennes", "27 bis av. de la
 * Libération", "au 12 de la rue Pasteur"). A street named without a number locates a place, not
 * a home, and is left to the PLACE recognizer.
 *
 * The head (number + type) is a regex with bounded pieces; the name is read token by token so
 * that it stops where people stop writing it: at punctuation, at a preposition or verb ("à
 * Cergy", "il habite"), and, for a capitalised name, at the first lower-case word.
 */

// Street types that are hardly ever anything else after a number.
const SAFE_TYPES = [
  'rue',
  'ruelle',
  'avenue',
  'ave',
  'boulevard',
  'bd',
  'bld',
  'blvd',
  'allee',
  'impasse',
  'chemin',
  'quai',
  'square',
  'lotissement',
  'lieu-dit',
  'lieu dit',
  'chaussee',
  'sentier',
  'rond-point',
  'rond point',
  'hameau',
  'faubourg',
  'fbg',
  'esplanade',
  'promenade',
  'venelle',
  'montee',
  'traverse',
  'route',
  'rte',
];
// Types that are also common words or abbreviations ("5 cours de yoga", "3 place libre",
// "2 ch"): accepted only before a capitalised name.
const AMBIGUOUS_TYPES = [
  'place',
  'pl',
  'cours',
  'cour',
  'passage',
  'voie',
  'cite',
  'residence',
  'res',
  'lot',
  'mail',
  'parc',
  'clos',
  'domaine',
  'villa',
  'parvis',
  'carrefour',
  'quartier',
  'av',
  'imp',
  'ch',
  'all',
  'sq',
  'zac',
  'za',
  'zi',
];

// Folded text. "au 12 de la rue", "12, rue", "12bis rue", "12 B rue", "12-14 rue".
const HEAD = new RegExp(
  "(?<![\\p{L}\\p{N}'.,/:])(\\d{1,4})(?:[-/]\\d{1,4})?" +
    '(?: ?(?:bis|ter|quater)|[a-d])?(?![\\p{L}\\p{N}])' +
    "(?: [a-d](?![\\p{L}\\p{N}'-]))?" +
    ",? {1,3}(?:(?:de la|du|de) {1,2}|de l')?" +
    `(?:(${SAFE_TYPES.join('|')})|(${AMBIGUOUS_TYPES.join('|')}))(?![\\p{L}\\p{N}])\\.?`,
  'gu',
);

const PARTICLES = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'aux', 'au', "l'", "d'"]);
// Link words inside capitalised names ("rue des Arts et Métiers", "Neuve sur Seine").
const CAPITAL_LINKS = new Set(['et', 'sur', 'sous', 'lez', 'les']);
const MONTHS = new Set(
  'janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre'.split(' '),
);
// Words that end a lower-case street name: prepositions, pronouns, verbs and chat words that
// follow an address in running text ("au 3 rue des lilas il habite là"). Nouns that name
// streets ("gare", "porte", "église") must stay out.
const STOP_WORDS = new Set(
  (
    'a et ou mais avec pour dans sur sous chez en qui que qu quand depuis vers pres derriere devant ' +
    'face juste il elle on je j tu nous vous ils elles son sa ses mon ma mes ton ta tes leur leurs ' +
    'ce cet cette c est sont etait ete avait y se s ne n pas mdr lol ptdr stp svp merci bref donc ' +
    'car puis alors comme tout tous toute toutes encore deja hier demain soir matin nuit apres avant ' +
    'pendant entre contre par parce si oui non bien tres trop plus moins aussi meme un une habite ' +
    'habitait vit vivait travaille bosse dort reste maison appart appartement immeuble batiment ' +
    'etage portail code interphone'
  ).split(' '),
);
const MAX_NAME_WORDS = 6;
const MAX_NAME_TOKENS = 12;
const MAX_LOWER_NAME_WORDS = 3;
const MAX_TOWN_TOKENS = 5;

// In the establishment's own posts, an address announced as a venue ("le centre de santé, 3 rue
// Carnot", "nos consultations ont lieu au 12 avenue Foch") is where a service is, not where a
// person lives: like a switchboard number, it is not a span.
const VENUE_CUE =
  /\b(?:centre|hopital|clinique|ehpad|site|accueil|consultations?|permanence|antenne|locaux|service|pole|maison (?:de sante|medicale)|cabinet|pharmacie|mairie|siege|se (?:situe|trouve)|situee?s?|installee?s?|demenage|nouvelle adresse|rendez-vous|rdv|ouvert|ouverture)\b/;
const VENUE_CUE_WINDOW = 60;
// "à 14 h 30 rue Pasteur": the minutes of a time are not a house number.
const TIME_BEFORE = /\d ?h ?$/;

const POSTCODE = /,? {0,3}(?:- {0,2})?(\d{2} ?\d{3})(?![\p{L}\p{N}])/uy;

function startsCapitalised(token: Token): boolean {
  // "l'Hôpital", "d'Estienne": the name starts after the elided article.
  const elided = /^[ld]'./.test(token.folded);
  const first = elided ? token.text.charAt(2) : token.text.charAt(0);
  return /\p{Lu}/u.test(first);
}

/** Whether only spaces (at most three) separate two offsets: the name goes on. */
function spacesOnly(folded: string, from: number, to: number, allowNone: boolean): boolean {
  const gap = to - from;
  if (gap < (allowNone ? 0 : 1) || gap > 3) return false;
  for (let i = from; i < to; i++) if (folded.charCodeAt(i) !== 32) return false;
  return true;
}

interface StreetName {
  readonly end: number;
  readonly capitalised: boolean;
}

/**
 * The street name that starts at `from`, or null when there is none. `needCapital` is set for
 * ambiguous street types, whose name must be capitalised.
 */
function streetName(doc: GuardDocument, from: number, needCapital: boolean): StreetName | null {
  const first = tokenIndexAt(doc, from);
  let index = first;
  let previousEnd = from;
  let lastContentEnd = -1;
  let mode: 'capital' | 'lower' | null = null;
  let words = 0;
  let previousKind: 'particle' | 'number' | 'month' | 'word' | null = null;
  const last = Math.min(doc.tokens.length, first + MAX_NAME_TOKENS);
  for (; index < last && words < MAX_NAME_WORDS; index++) {
    const token = doc.tokens[index] as Token;
    if (!spacesOnly(doc.folded, previousEnd, token.start, previousKind === null)) break;
    const word = token.folded;
    if (PARTICLES.has(word)) {
      previousKind = 'particle';
    } else if (/^\d{1,4}(?:er)?$/.test(word)) {
      // Dates name streets ("rue du 8 Mai 1945"): a number after "du"/"de" or a month.
      if (previousKind !== 'particle' && previousKind !== 'month') break;
      previousKind = 'number';
      lastContentEnd = token.end;
    } else if (MONTHS.has(word) && previousKind === 'number') {
      previousKind = 'month';
      lastContentEnd = token.end;
      words++;
    } else if (mode === 'capital' && CAPITAL_LINKS.has(word) && !token.capitalized) {
      const next = doc.tokens[index + 1];
      if (next === undefined || !startsCapitalised(next)) break;
      previousKind = 'particle';
    } else {
      const capital = startsCapitalised(token);
      if (!capital && STOP_WORDS.has(word)) break;
      if (mode === null) mode = capital ? 'capital' : 'lower';
      else if ((mode === 'capital') !== capital) break;
      if (mode === 'lower' && words >= MAX_LOWER_NAME_WORDS) break;
      previousKind = 'word';
      lastContentEnd = token.end;
      words++;
    }
    previousEnd = token.end;
  }
  if (lastContentEnd < 0 || (needCapital && mode === 'lower')) return null;
  // A name made only of a date ("rue du 8 mai 1945") counts as capitalised: it is a proper name.
  return { end: lastContentEnd, capitalised: mode !== 'lower' };
}

/** The end of "35000 Rennes" / ", 95300 Saint-Ouen-l'Aumône" after the street, or -1. */
function postcodeTownEnd(doc: GuardDocument, from: number): number {
  POSTCODE.lastIndex = from;
  const match = POSTCODE.exec(doc.folded);
  const code = match?.[1]?.replace(' ', '');
  if (match === null || code === undefined) return -1;
  const department = Number(code.slice(0, 2));
  if (department < 1 || department > 98) return -1;
  let end = POSTCODE.lastIndex;
  let index = tokenIndexAt(doc, end);
  for (let taken = 0; index < doc.tokens.length && taken < MAX_TOWN_TOKENS; index++, taken++) {
    const token = doc.tokens[index] as Token;
    if (!spacesOnly(doc.folded, end, token.start, false)) break;
    const capital = startsCapitalised(token) || token.folded === 'cedex';
    const link = !capital && (PARTICLES.has(token.folded) || CAPITAL_LINKS.has(token.folded));
    const next = doc.tokens[index + 1];
    if (link && next !== undefined && startsCapitalised(next)) continue;
    if (!capital && !(taken > 0 && /^\d{1,2}$/.test(token.folded))) break;
    end = token.end;
  }
  return end;
}

export const addressRecognizer: Recognizer = {
  name: 'address',
  find(doc: GuardDocument, ctx: RecognizerContext): Span[] {
    const spans: Span[] = [];
    const ownAccount = ctx.context === 'institutional' || ctx.context === 'reply';
    for (const head of doc.folded.matchAll(HEAD)) {
      const start = head.index;
      if (cueBefore(doc.folded, start, 5, TIME_BEFORE)) continue;
      if (ownAccount && cueBefore(doc.folded, start, VENUE_CUE_WINDOW, VENUE_CUE)) continue;
      const headEnd = start + head[0].length;
      const ambiguous = head[3] !== undefined;
      const name = streetName(doc, headEnd, ambiguous);
      if (name === null) continue;
      const townEnd = postcodeTownEnd(doc, name.end);
      const end = townEnd > 0 ? townEnd : name.end;
      const score = townEnd > 0 ? 0.95 : ambiguous ? 0.85 : name.capitalised ? 0.9 : 0.8;
      spans.push({
        type: 'ADDRESS',
        start,
        end,
        score,
        recognizer: 'address',
        evidence: townEnd > 0 ? 'numéro, voie, code postal et ville' : 'numéro et nom de voie',
      });
    }
    return spans;
  },
};
