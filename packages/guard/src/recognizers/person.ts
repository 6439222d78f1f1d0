import type { Lexicon } from '../lexicon/lexicon.js';
import type { GuardDocument, Token } from '../text/document.js';
import type { Span } from '../types.js';
import {
  canBeSurname,
  FAMILIAR_WORDS,
  isAmbiguousFirstName,
  isCommonWord,
  isNameAfterTitle,
  isNeverName,
  isPlainSurname,
  isPrimarilyName,
  KIN_WORDS,
  TITLES,
  WEAK_TITLES,
} from './name-words.js';
import type { Recognizer, RecognizerContext } from './recognizer.js';

/**
 * People's names as they appear in posts: after a title ("Mme D.", "Dr Hamidi", "M. et Mme
 * Kervella"), first names from the INSEE gazetteer with or without a surname or an initial
 * ("Karima", "Jordan M.", "Sandrine Morel"), after familiar words ("mamie Jeannette", "le petit
 * Nolan"), bare initials used as a name ("L., 28 ans") and capitalised surnames in mid-sentence.
 * Scores reflect how sure the form is; the rules decide whether the person is exposed.
 */

/** Below this many births, a first name is too rare to recognise without a cue. */
const MIN_FIRST_NAME_BIRTHS = 300;
/** Below this, a capitalised word is not taken as a surname on its own. */
const MIN_SURNAME_BIRTHS = 100;

/** Words after which a capitalised word names a building or a room, not a person. */
const VENUE_BEFORE =
  /^(?:batiment|pavillon|hall|aile|salle|residence|rue|avenue|boulevard|place|allee|quai|unite|service|clinique|hopital|centre|ecole|college|lycee|association|fondation|prix|label|maison|espace|site|plan|programme|operation|campagne|journee|carte|etude|enquete|rapport|loi|projet|dispositif|methode|echelle|score|test|signe|syndrome|maladie|institut|prix|amphitheatre|amphi|reseau|collectif|groupe|cabinet|laboratoire|labo)$/u;

/** Words that name an elder with their first name, and belong to the name ("Mamie Jeannette"). */
const FAMILY_NAMES_FOR_ELDERS = /^(?:mamie|mamy|papy|papi|tata|tonton)$/u;

const SENTENCE_END = /[.!?…:;\n«»"“”()[\]]/u;

export const personRecognizer: Recognizer = {
  name: 'person',
  find(doc: GuardDocument, ctx: RecognizerContext): Span[] {
    const spans: Span[] = [];
    const tokens = doc.tokens;
    let i = 0;
    while (i < tokens.length) {
      const found = titled(doc, i, ctx.lexicon) ?? named(doc, i, ctx.lexicon) ?? initialAlone(doc, i);
      if (found === null) {
        i++;
        continue;
      }
      spans.push(found.span);
      i = found.next;
    }
    return spans;
  },
};

interface Found {
  readonly span: Span;
  /** Index of the first token after the name. */
  readonly next: number;
}

function span(doc: GuardDocument, start: number, end: number, score: number, evidence: string): Span {
  // An initial's dot belongs to the name ("Mme D.").
  const withDot = doc.text[end] === '.' && /^\p{Lu}$/u.test(doc.text.slice(end - 1, end)) ? end + 1 : end;
  return { type: 'PERSON', start, end: withDot, score, recognizer: 'person', evidence };
}

function isTitle(doc: GuardDocument, token: Token): boolean {
  if (!TITLES.has(token.folded)) return false;
  const dotted = doc.text[token.end] === '.';
  if (token.folded === 'm' || token.folded === 'mm') return token.text === token.text.toUpperCase() && dotted;
  if (WEAK_TITLES.has(token.folded)) return token.capitalized && (dotted || token.folded !== 'me');
  return true;
}

function isInitial(doc: GuardDocument, token: Token): boolean {
  return /^\p{Lu}$/u.test(token.text) && doc.text[token.end] === '.';
}

function isKnownName(token: Token, lexicon: Lexicon): boolean {
  return (lexicon.firstNames.get(token.folded) ?? 0) > 0 || (lexicon.surnames.get(token.folded) ?? 0) > 0;
}

/** A word that can follow a first name as its surname: capitalised (or all caps), or an initial. */
function isNameWord(doc: GuardDocument, token: Token, lexicon: Lexicon): boolean {
  if (isInitial(doc, token)) return true;
  if (!token.capitalized || !canBeSurname(lexicon, token.folded)) return false;
  return /^\p{L}[\p{L}'-]*$/u.test(token.text) && token.text.length >= 2;
}

/** After a title: an initial or any capitalised word made of letters. */
function isNameWordAfterTitle(doc: GuardDocument, token: Token): boolean {
  if (isInitial(doc, token)) return true;
  return token.capitalized && /^\p{L}[\p{L}'-]*$/u.test(token.text) && token.text.length >= 2;
}

/** Adjacent tokens: separated only by spaces (not by punctuation or a line break). */
function adjacent(doc: GuardDocument, left: Token, right: Token): boolean {
  const gap = doc.text.slice(left.end, right.start);
  return /^[ \t]{1,2}$/u.test(gap) || (gap === '. ' && isInitial(doc, left));
}

/** "Mme D.", "Dr Samir Haddou", "M. et Mme Kervella", "mme durand" (SMS, gazetteer-checked). */
function titled(doc: GuardDocument, index: number, lexicon: Lexicon): Found | null {
  const first = doc.tokens[index];
  if (first === undefined || !isTitle(doc, first)) return null;
  let cursor = index + 1;
  // "M. et Mme Kervella": a couple shares one surname.
  const and = doc.tokens[cursor];
  const second = doc.tokens[cursor + 1];
  if (and?.folded === 'et' && second !== undefined && isTitle(doc, second)) cursor += 2;
  let last = -1;
  for (let k = cursor; k < Math.min(cursor + 3, doc.tokens.length); k++) {
    const token = doc.tokens[k];
    const previous = doc.tokens[k - 1];
    if (token === undefined || previous === undefined) break;
    const gap = doc.text.slice(previous.end, token.start);
    if (!/^\.?[ \t]{1,2}$/u.test(gap)) break;
    const lowerKnown =
      !token.capitalized &&
      k === cursor &&
      isKnownName(token, lexicon) &&
      isNameAfterTitle(lexicon, token.folded);
    // After a title any capitalised word is a name, common word or not: "Mme Petit", "M. Blanc".
    if (!isNameWordAfterTitle(doc, token) && !lowerKnown) break;
    last = k;
    if (isInitial(doc, token)) break;
  }
  const end = doc.tokens[last];
  if (last < 0 || end === undefined) return null;
  return { span: span(doc, first.start, end.end, 0.9, 'titre suivi d’un nom'), next: last + 1 };
}

/** A first name from the gazetteer, with what follows it: a surname, an initial. */
function named(doc: GuardDocument, index: number, lexicon: Lexicon): Found | null {
  const token = doc.tokens[index];
  if (token === undefined) return null;
  if (!token.capitalized) return lowerCaseNamed(doc, index, lexicon);
  if (isNeverName(lexicon, token.folded)) return null;
  if (token.upper && !isCapitalsName(doc, index, lexicon)) return null;
  // Part of a handle, a hashtag or an address: "@CHU_Valmont", "#Marie", "site.fr/Pierre".
  if (/[@#_/.]/u.test(doc.text[token.start - 1] ?? '')) return null;
  // The name of a thing, not a person: "carte Vitale", "association France Parkinson",
  // "maladie de Parkinson", "étude Esteban".
  const before1 = doc.tokens[index - 1];
  const before2 = doc.tokens[index - 2];
  const word1 = before1?.folded.replace(/^[a-z]{1,2}'/u, '') ?? '';
  if (before1 !== undefined && !before1.capitalized && VENUE_BEFORE.test(word1)) return null;
  if (before1?.folded === 'de' && before2 !== undefined && VENUE_BEFORE.test(before2.folded)) return null;
  const births = lexicon.firstNames.get(token.folded) ?? 0;
  const previous = doc.tokens[index - 1];
  const afterFamiliar = previous !== undefined && isFamiliarBefore(doc, previous, token);
  let last = index;
  const next = doc.tokens[index + 1];
  let surname = false;
  // "Jordan M." ends with an initial that looks like the title "M."; a title is one only
  // when a name follows it.
  const nextIsTitle =
    next !== undefined && isTitle(doc, next) && !(isInitial(doc, next) && !followedByName(doc, index + 1));
  if (next !== undefined && adjacent(doc, token, next) && isNameWord(doc, next, lexicon) && !nextIsTitle) {
    surname = true;
    last = index + 1;
  }
  const startOfSentence = sentenceStart(doc, token.start);
  if (births >= MIN_FIRST_NAME_BIRTHS) {
    // A common word or a place as well as a name (« Rose », « Avril », « Florence ») needs
    // more evidence: a surname after it or a familiar word before it.
    const ambiguous = isAmbiguousFirstName(lexicon, token.folded);
    let score = 0.7;
    if (surname) score = ambiguous ? 0.65 : 0.85;
    else if (ambiguous) score = afterFamiliar ? 0.6 : 0.3;
    else if (startOfSentence) score = afterFamiliar ? 0.6 : 0.5;
    if (afterFamiliar && !ambiguous) score = Math.max(score, 0.8);
    const start = familiarStart(doc, index);
    const end = doc.tokens[last]?.end ?? token.end;
    return { span: span(doc, start, end, score, 'prénom connu'), next: last + 1 };
  }
  const called = nickname(doc, index, lexicon);
  if (called !== null) return called;
  // A capitalised surname in mid-sentence ("demandez à Lemaire"): proper nouns are rare in
  // French running text, but places and brands are too, so the score stays modest.
  const surnameBirths = lexicon.surnames.get(token.folded) ?? 0;
  const before = doc.tokens[index - 1];
  const afterPlainWord = before !== undefined && !before.capitalized && !VENUE_BEFORE.test(before.folded);
  if (
    surnameBirths >= MIN_SURNAME_BIRTHS &&
    isPlainSurname(lexicon, token.folded) &&
    !startOfSentence &&
    afterPlainWord &&
    !isPlacePrefixed(doc, index)
  ) {
    const end = doc.tokens[last]?.end ?? token.end;
    return { span: span(doc, token.start, end, surname ? 0.7 : 0.5, 'nom de famille connu'), next: last + 1 };
  }
  return null;
}

/**
 * "mamie Zaza", "ma copine Titi": after a family word, a capitalised word that is neither a
 * common word nor in the gazetteers is what the family calls someone.
 */
function nickname(doc: GuardDocument, index: number, lexicon: Lexicon): Found | null {
  const token = doc.tokens[index];
  const previous = doc.tokens[index - 1];
  if (token === undefined || previous === undefined || token.upper) return null;
  if (!KIN_WORDS.has(previous.folded) || !isFamiliarBefore(doc, previous, token)) return null;
  if (!/^\p{L}[\p{L}'-]*$/u.test(token.text) || token.text.length < 2) return null;
  if (isCommonWord(lexicon, token.folded) || isNeverName(lexicon, token.folded)) return null;
  if (lexicon.wordClassesOf?.(token.folded).has('proper-noun') === true) return null;
  return {
    span: span(doc, familiarStart(doc, index), token.end, 0.6, 'surnom après un mot familier'),
    next: index + 1,
  };
}

/**
 * "ma copine julie", "bravo lea": a lower-case first name after a familiar word, when the word
 * is a name first (not « rose », « claire »).
 */
function lowerCaseNamed(doc: GuardDocument, index: number, lexicon: Lexicon): Found | null {
  const token = doc.tokens[index];
  const previous = doc.tokens[index - 1];
  if (token === undefined || previous === undefined) return null;
  if (!isFamiliarBefore(doc, previous, token)) return null;
  if (!/^\p{Ll}[\p{L}'-]*$/u.test(token.text) || token.text.length < 3) return null;
  if ((lexicon.firstNames.get(token.folded) ?? 0) < MIN_FIRST_NAME_BIRTHS) return null;
  if (isNeverName(lexicon, token.folded) || isAmbiguousFirstName(lexicon, token.folded)) return null;
  if (isCommonWord(lexicon, token.folded) && !isPrimarilyName(lexicon, token.folded)) return null;
  return {
    span: span(doc, token.start, token.end, 0.6, 'prénom en minuscules après un mot familier'),
    next: index + 1,
  };
}

/**
 * An all-capitals word is a name ("DUPONT", "chez MARTINE") when it stands out from a text
 * written in lower case, or sits beside another name in capitals ("MARTINE DUPONT"); a shouted
 * sentence ("MERCI À TOUTE L'ÉQUIPE") names no one.
 */
function isCapitalsName(doc: GuardDocument, index: number, lexicon: Lexicon): boolean {
  const token = doc.tokens[index];
  if (token === undefined || token.text.length < 3 || !/^\p{Lu}+(?:['-]\p{Lu}+)*$/u.test(token.text))
    return false;
  if (!isUnambiguousName(lexicon, token.folded)) return false;
  for (const neighbour of [doc.tokens[index - 1], doc.tokens[index + 1]]) {
    if (neighbour === undefined || !neighbour.upper) continue;
    if (!isUnambiguousName(lexicon, neighbour.folded)) return false;
  }
  return true;
}

/**
 * In the gazetteers and not a common word, a place or an ambiguous first name. Three capitals
 * are far more often an acronym (« SAU », « DIU ») than a surname: only first names that short.
 */
function isUnambiguousName(lexicon: Lexicon, folded: string): boolean {
  const known =
    (lexicon.firstNames.get(folded) ?? 0) >= MIN_FIRST_NAME_BIRTHS ||
    (folded.length > 3 && (lexicon.surnames.get(folded) ?? 0) >= MIN_SURNAME_BIRTHS);
  if (!known || isCommonWord(lexicon, folded) || isNeverName(lexicon, folded)) return false;
  return (
    !isAmbiguousFirstName(lexicon, folded) && lexicon.wordClassesOf?.(folded).has('proper-noun') !== true
  );
}

function followedByName(doc: GuardDocument, index: number): boolean {
  const after = doc.tokens[index + 1];
  const current = doc.tokens[index];
  return after !== undefined && current !== undefined && after.capitalized && after.start - current.end <= 3;
}

/**
 * A familiar word just before the name ("ma voisine Josiane", "Bonjour Rose", "Mamie Jeannette"),
 * but not one capitalised as part of a title ("Le Petit Prince").
 */
function isFamiliarBefore(doc: GuardDocument, previous: Token, token: Token): boolean {
  if (!FAMILIAR_WORDS.has(previous.folded) || !adjacent(doc, previous, token)) return false;
  if (!previous.capitalized || FAMILY_NAMES_FOR_ELDERS.test(previous.folded)) return true;
  return sentenceStart(doc, previous.start);
}

/** "Mamie Jeannette": the familiar word is part of what names her. */
function familiarStart(doc: GuardDocument, index: number): number {
  const token = doc.tokens[index];
  const previous = doc.tokens[index - 1];
  if (token === undefined) return 0;
  if (previous?.capitalized && FAMILY_NAMES_FOR_ELDERS.test(previous.folded)) return previous.start;
  return token.start;
}

/** Preceded by "à", "de", "sur" …: more likely a town or a street than a person. */
function isPlacePrefixed(doc: GuardDocument, index: number): boolean {
  const previous = doc.tokens[index - 1];
  return (
    previous !== undefined &&
    /^(?:a|au|sur|vers|rue|avenue|place|quai|boulevard|bd|pres|chez|de|du|d)$/u.test(previous.folded)
  );
}

/** "L., 28 ans": a lone initial used as a name (not a title "M." nor the end of a sentence). */
function initialAlone(doc: GuardDocument, index: number): Found | null {
  const token = doc.tokens[index];
  if (token === undefined || !isInitial(doc, token) || token.folded === 'm') return null;
  const before = doc.text.slice(Math.max(0, token.start - 2), token.start);
  const after = doc.text.slice(token.end + 1, token.end + 3);
  if (!/[ ,«"(]$/u.test(before) || !/^(?:,| [a-zé]|$)/u.test(after)) return null;
  return { span: span(doc, token.start, token.end, 0.6, 'initiale employée comme nom'), next: index + 1 };
}

/** True when only punctuation that ends a sentence, quotes or emojis precede the offset. */
function sentenceStart(doc: GuardDocument, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const char = doc.text[i] ?? '';
    if (char === ' ' || char === '\t') continue;
    if (SENTENCE_END.test(char)) return true;
    if (/[\p{L}\p{N},'’-]/u.test(char)) return false;
    // An emoji or a symbol ends a sentence as often as a full stop does in posts.
    return true;
  }
  return true;
}
