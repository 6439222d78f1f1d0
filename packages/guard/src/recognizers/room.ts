import type { GuardDocument } from '../text/document.js';
import type { Span } from '../types.js';
import { readFrenchNumberAt } from './french-numbers.js';
import type { Recognizer } from './recognizer.js';
import { someIn, wordsAfter, wordsBefore } from './text-window.js';

/**
 * ROOM: a room, bed, box or stretcher that locates a patient ("chambre 214", "ch. 12", "lit B",
 * "box 3", "brancard 4", "chambre douze", and "la 12" when a person is "de la 12"). A room
 * without a number ("chambre double", "salle d'attente") locates no one and is no span.
 */

const NAME = 'room';

interface RoomWord {
  readonly score: number;
  /** Single letters ("lit B", "box C") are room names for this word. */
  readonly letters: boolean;
  /** Numbers in words ("chambre douze") are read for this word. */
  readonly words: boolean;
  /** Several numbers may follow ("chambres 12 et 14"). */
  readonly list: boolean;
}

const ROOM_WORDS: Readonly<Record<string, RoomWord>> = {
  chambre: { score: 0.9, letters: true, words: true, list: false },
  chambres: { score: 0.9, letters: false, words: false, list: true },
  chbre: { score: 0.85, letters: false, words: false, list: false },
  chb: { score: 0.85, letters: false, words: false, list: false },
  'ch.': { score: 0.85, letters: false, words: false, list: false },
  ch: { score: 0.75, letters: false, words: false, list: false },
  lit: { score: 0.8, letters: true, words: true, list: false },
  lits: { score: 0.8, letters: true, words: false, list: true },
  box: { score: 0.8, letters: true, words: true, list: false },
  brancard: { score: 0.8, letters: false, words: true, list: false },
  salle: { score: 0.7, letters: true, words: false, list: false },
  bed: { score: 0.75, letters: true, words: false, list: false },
  room: { score: 0.75, letters: false, words: false, list: false },
};

const ROOM_WORD =
  /(?<![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])(chambres?|chbre|chb|ch\.|ch|lits?|box|brancard|salle|bed|room)(?!\p{L})[ \t]{0,3}(?:(?:n[°o]\.?|numero|#)[ \t]{0,3})?(?=[a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])/gu;
// A letter glued to the number names a room half ("214b"); "4G" is a network, so only a–f.
const DIGITS = /(\d{1,4})(?:\s?(?:bis|ter)|[a-f])?(?![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])/uy;
const LETTER = /[a-h](?![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f'\u2019])/uy;
const MORE_NUMBERS = /\s*(?:,|et|&|\/)\s*\d{1,4}[a-z]?(?![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])/uy;

/** After the number, a quantity: "chambre 2 lits", "lit 2 places", "chambre 45 €", "box 4G". */
const QUANTITY_AFTER =
  /^\s*(?:lits?|places?|personnes?|pers|€|euros?|eur|m2|m²|m|%|ans|mois|jours|nuits|semaines|fois|cm|min|minutes|h|heures|g|go|mo|mbps)(?![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])/u;

/** Before "lit N", these make "lit" the verb lire ("il lit 3 pages"). */
const READER = new Set(['il', 'elle', 'on', 'qui', 'ne', 'ca', 'cela', 'lui', 'personne', 'je', 'tu']);
/** After "lit N", a plural noun makes it the verb too. */
const READ_THINGS = new Set([
  'pages',
  'livres',
  'lignes',
  'chapitres',
  'articles',
  'romans',
  'mots',
  'bd',
  'fois',
]);

interface Identifier {
  readonly end: number;
  readonly score: number;
}

function readIdentifier(doc: GuardDocument, at: number, word: RoomWord, roomWord: string): Identifier | null {
  const { folded, text } = doc;
  DIGITS.lastIndex = at;
  const digits = DIGITS.exec(folded);
  if (digits !== null && Number(digits[1]) > 0) {
    let end = at + digits[0].length;
    for (let count = 0; word.list && count < 6; count++) {
      MORE_NUMBERS.lastIndex = end;
      const more = MORE_NUMBERS.exec(folded);
      if (more === null) break;
      end += more[0].length;
    }
    return { end, score: word.score };
  }
  LETTER.lastIndex = at;
  if (word.letters && LETTER.test(folded)) {
    const upper = /[A-H]/.test(text[at] ?? '');
    // "lit b" is a bed in SMS style; other words need the capital ("salle A", not "salle à").
    if (upper || (roomWord === 'lit' && folded[at] !== 'a')) return { end: at + 1, score: word.score - 0.05 };
  }
  if (word.words) {
    const number = readFrenchNumberAt(folded, at);
    if (number !== null && number.value >= 2 && number.value < 1000)
      return { end: number.end, score: word.score };
  }
  return null;
}

function isReading(doc: GuardDocument, start: number, end: number): boolean {
  const [w0 = ''] = wordsBefore(doc.folded, start, 1);
  const [a0 = ''] = wordsAfter(doc.folded, end, 1);
  return READER.has(w0) || READ_THINGS.has(a0);
}

function findRoomWords(doc: GuardDocument, spans: Span[]): void {
  for (const match of doc.folded.matchAll(ROOM_WORD)) {
    const roomWord = match[1] ?? '';
    const word = ROOM_WORDS[roomWord];
    if (word === undefined) continue;
    const start = match.index;
    const id = readIdentifier(doc, start + match[0].length, word, roomWord);
    if (id === null) continue;
    if (QUANTITY_AFTER.test(doc.folded.slice(id.end, id.end + 12))) continue;
    if ((roomWord === 'lit' || roomWord === 'lits') && isReading(doc, start, id.end)) continue;
    spans.push({
      type: 'ROOM',
      start,
      end: id.end,
      score: id.score,
      recognizer: NAME,
      evidence: `${roomWord} + numéro`,
    });
  }
}

/** People who are "de la 12": patients named by their room, as wards do. */
const PERSON_NOUNS = new Set(
  `papy papi pepe mamie mamy meme dame monsieur madame mme m mr patient patiente malade mec type gars
  vieux vieille gros grosse petit petite jeune famille fille fils femme homme mere pere mari epouse
  resident residente voisin voisine ado bebe gamin gamine sdf client cliente`
    .trim()
    .split(/\s+/),
);

/** What a room does on a ward: "la 6 sonne", "le 12 a encore sonné". */
const ROOM_ACTIONS =
  /^\s+(?:(?:a|est|qui|vient de|a encore|encore|n'arrete pas de)\s+)?(?:sonne|sonner|resonne|rappelle|appelle|appele|hurle|hurler|crie|crier|gueule|rale|tape|tousse|vomit|vomi|dort|chute|tombe|tombee|fugue|delire|s'agite|sort|sortant|part|decede|decedee)(?![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])/u;

const BARE_NUMBER =
  /(?<![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])(de la|du|de l'|au|a la|la|le)[ \t]{1,3}(\d{1,3})(?![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f]|[.,:/]\d|\s?(?:h|%|€|ans|mois|ème|eme|e)(?![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f]))/gu;

/** "Mme Lecomte du 12 rue des Écoles": a street number. */
const STREET_AFTER =
  /^\s+(?:bis\s+|ter\s+)?(?:rue|avenue|av|bd|boulevard|chemin|place|impasse|allee|route|quai|cours|square|residence|lotissement|cite)(?![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])/u;

const MONTH_AFTER =
  /^\s+(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)(?![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])/u;

function findBareNumbers(doc: GuardDocument, spans: Span[]): void {
  const { folded } = doc;
  for (const match of folded.matchAll(BARE_NUMBER)) {
    const determiner = match[1] ?? '';
    const number = match[2] ?? '';
    const end = match.index + match[0].length;
    const start = end - number.length;
    const tail = folded.slice(end, end + 16);
    if (MONTH_AFTER.test(tail) || STREET_AFTER.test(tail)) continue;
    const linked = determiner !== 'la' && determiner !== 'le';
    const before = wordsBefore(folded, match.index, linked ? 2 : 1);
    if (linked && someIn(before, PERSON_NOUNS)) {
      spans.push({
        type: 'ROOM',
        start,
        end,
        score: 0.75,
        recognizer: NAME,
        evidence: 'personne désignée par sa chambre',
      });
    } else if (ROOM_ACTIONS.test(folded.slice(end, end + 40))) {
      spans.push({
        type: 'ROOM',
        start,
        end,
        score: 0.7,
        recognizer: NAME,
        evidence: 'chambre qui sonne ou appelle',
      });
    }
  }
}

export const roomRecognizer: Recognizer = {
  name: NAME,
  find(doc) {
    const spans: Span[] = [];
    findRoomWords(doc, spans);
    findBareNumbers(doc, spans);
    return spans.sort((a, b) => a.start - b.start);
  },
};
