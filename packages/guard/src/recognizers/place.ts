import { hasKeyWord } from '../rules/word-gate.js';
import type { GuardDocument } from '../text/document.js';
import { fold } from '../text/fold.js';
import type { Span } from '../types.js';
import type { Recognizer, RecognizerContext } from './recognizer.js';

const TITLE_WORDS =
  /^(?:pr|dr|m|mme|mr|mlle|madame|monsieur|docteur|professeur|chu|ch|chr|chs|ehpad|sau|smur|samu)$/u;

/**
 * Places that locate a person: towns after a preposition ("à Cergy", "près de Saint-Clar"),
 * venues with a proper name ("clinique des Tilleuls", "école Les Tilleuls", "place Carnot",
 * "CHU de Bordeaux"), spots inside a hospital that tell where to wait for someone ("entrée du
 * personnel", "parking P2", "porte B") and roads ("sur la D906", "RD14"). Towns are not listed
 * (no commune gazetteer ships with the guard), so a capitalised word after a place preposition
 * stands for one.
 */

// A proper name: capitalised words, hyphenated compounds, "Saint-", "le/la/les" particles.
const PROPER = String.raw`(?:(?:Saint|Sainte|St|Ste|Le|La|Les|L')[- ]?)?\p{Lu}[\p{L}'’]*(?:[- ](?:(?:sur|sous|en|le|la|les|de|du|des|d'|l')[- ])?\p{Lu}[\p{L}'’]*){0,3}`;

const TOWN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?<prep>à|a|au|aux|vers|près de|pres de|sur|dans|originaire de|from|de|d') ?(?<name>${PROPER})`,
  'gu',
);

const VENUE_WORD_LIST = `clinique|polyclinique|ehpad|école|ecole|lycée|lycee|collège|college|camping|marché|marche|place|quai|rue|avenue|boulevard|bd|impasse|allée|allee|chemin|route|gare|stade|piscine|résidence|residence|cité|cite|centre commercial|zénith|zenith|CHU|CHR|CH|CHS|hôpital|hopital|maison de retraite|foyer|église|eglise|mairie|pharmacie|boulangerie|supermarché|supermarche|salle|parc|plage|lac|bord du lac|voie verte|square|quartier|cimetière|cimetiere|tabac|bar|café|cafe|restaurant|pizzeria|salon`;
// Venue words may start a sentence ("Clinique des Tilleuls"), but the name after them must keep
// its capital, so the pattern is case-sensitive and capitalised variants are spelled out.
const VENUE_WORDS = `(?:${VENUE_WORD_LIST.split('|')
  .map((word) => `${word}|${word.charAt(0).toUpperCase()}${word.slice(1)}`)
  .join('|')})`;
export const VENUE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:à|a|au|aux|sur|dans|devant|derrière|derriere|près de|pres de|vers) (?:la |le |l['’]|les )?)?${VENUE_WORDS} (?:(?:de la|de l'|du|des|de|d'|la|le|les|l') ?)?${PROPER}`,
  'gu',
);

// Spots inside or around a hospital where someone can be found at a given time.
export const SPOT =
  /(?<![\p{L}\p{N}])(?:(?:à|a|au|par|devant|derrière|derriere|sur|vers|dans) (?:l['’]|la |le |les )?)?(?:(?:entrée|entree|sortie|porte|accès|acces|sas|local|parking|quai|couloir|escalier|ascenseur|vestiaire|vestiaires|salle de pause|cour|jardin|fumoir|abri fumeurs?) (?:du |des |de la |de l'|d')?(?:personnel|ambulances|urgences|livraisons|service|visiteurs|sous-sol ?[A-Z0-9]*|parking|bâtiment [A-Z0-9]+|batiment [A-Z0-9]+|blanchisserie|[A-Z]\d{0,2}\b|\d{1,2}\b)|parking [A-Z]?\d{1,2}|porte [A-Z]\b|sortie du parking|parking du personnel(?: derrière la [\p{L}]+)?)/gu;

export const ROAD =
  /(?<![\p{L}\p{N}])(?:(?:sur|par|vers) (?:la |l')?)?(?:R?[DN]\d{1,4}|A\d{1,3}|RN ?\d{1,4}|RD ?\d{1,4})(?: (?:à hauteur de|au niveau de|vers|direction) \p{Lu}[\p{L}'-]*)?(?![\p{L}\p{N}])/gu;

/**
 * The words a venue or a spot must start with, folded: a post with none of them (most posts)
 * is not scanned with those two patterns. A test holds the gates open wherever they match.
 */
export const VENUE_KEYS = firstWordsOf(VENUE_WORD_LIST.split('|'));
export const SPOT_KEYS = firstWordsOf(
  'entrée|sortie|porte|accès|parking|quai|couloir|escalier|ascenseur|vestiaire|vestiaires|salle|cour|jardin|fumoir|abri|sas|local'.split(
    '|',
  ),
);
/** A road number: "D906", "RN 12", "A7". */
export const ROAD_GATE = /[ADN] ?\d/;

function firstWordsOf(phrases: readonly string[]): Set<string> {
  return new Set(phrases.map((phrase) => fold(phrase.split(/[ '’-]/)[0] ?? '')));
}

export const placeRecognizer: Recognizer = {
  name: 'place',
  find(doc: GuardDocument, ctx: RecognizerContext): Span[] {
    const spans: Span[] = [];
    for (const match of doc.text.matchAll(TOWN)) {
      const name = match.groups?.name ?? '';
      const firstWord = fold(name.split(/[\s-]/u)[0] ?? '');
      if (NOT_PLACES.has(firstWord) || TITLE_WORDS.test(firstWord)) continue;
      // "à Marion", "de Jean-Claude": a frequent first name is a person, not a town.
      if ((ctx.lexicon.firstNames.get(firstWord) ?? 0) >= 2000) continue;
      const weakPreposition = match.groups?.prep === 'de' || match.groups?.prep === "d'";
      if (weakPreposition && !/\p{Ll}/u.test(name)) continue;
      // After "de" only a name that is not a known surname reads as a town ("Mme Fabre de Lunel").
      if (weakPreposition && (ctx.lexicon.surnames.get(firstWord) ?? 0) >= 2000) continue;
      const start = weakPreposition ? match.index + match[0].length - name.length : match.index;
      spans.push(
        make(start, match.index + match[0].length, weakPreposition ? 0.5 : 0.6, 'lieu après une préposition'),
      );
    }
    if (hasKeyWord(doc.folded, VENUE_KEYS))
      for (const match of doc.text.matchAll(VENUE)) {
        spans.push(make(match.index, match.index + match[0].length, 0.7, 'lieu nommé'));
      }
    if (hasKeyWord(doc.folded, SPOT_KEYS))
      for (const match of doc.text.matchAll(SPOT)) {
        spans.push(make(match.index, match.index + match[0].length, 0.65, 'endroit où trouver quelqu’un'));
      }
    if (ROAD_GATE.test(doc.text))
      for (const match of doc.text.matchAll(ROAD)) {
        spans.push(make(match.index, match.index + match[0].length, 0.7, 'route'));
      }
    return spans;
  },
};

/** Capitalised words that follow "à"/"sur" without being places. */
const NOT_PLACES = new Set([
  'noel',
  'paques',
  'mon',
  'ma',
  'mes',
  'notre',
  'nos',
  'votre',
  'vos',
  'leur',
  'son',
  'sa',
  'ses',
  'ce',
  'cette',
  'un',
  'une',
  'des',
  'du',
  'de',
  'l',
  'spotify',
  'deezer',
  'parcoursup',
  'doctolib',
  'ameli',
  'whatsapp',
  'snapchat',
  'google',
  'janvier',
  'fevrier',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'aout',
  'septembre',
  'octobre',
  'novembre',
  'decembre',
  'la',
  'le',
  'les',
  'vous',
  'nous',
  'tous',
  'toutes',
  'tout',
  'bientot',
  'demain',
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
  'instagram',
  'facebook',
  'twitter',
  'tiktok',
  'linkedin',
  'youtube',
  'internet',
  'dieu',
]);

function make(start: number, end: number, score: number, evidence: string): Span {
  return { type: 'PLACE', start, end, score, recognizer: 'place', evidence };
}
