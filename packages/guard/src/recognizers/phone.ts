import { findPhoneNumbersInText } from 'libphonenumber-js/min';
import type { GuardDocument } from '../text/document.js';
import type { Span } from '../types.js';
import { cueBefore } from './cue-window.js';
import type { Recognizer, RecognizerContext } from './recognizer.js';

/**
 * Phone numbers of private persons. libphonenumber-js finds the numbers in every way people
 * type them ("06.12.34.56.78", "+33 (0)6…", "0033 6…", "0 6 39 98 45 12", overseas +262/+590…);
 * this recognizer decides whose number it is.
 *
 * A PHONE span marks a private person's line. Hospitals publish switchboards, appointment lines
 * and free numbers all the time, and flagging them would drown real leaks in noise, so:
 * - mobiles (national numbers starting 6 or 7, overseas mobiles included) are always kept;
 * - special numbers (08…, free or shared cost) never are;
 * - landlines (01–05, 09) are dropped in the establishment's own posts and replies, and after a
 *   service cue ("standard", "prise de RDV", "joindre le secrétariat"…), and kept otherwise with
 *   a lower score.
 *
 * The `min` metadata is used on purpose: it is about three times faster than `max`, and `max`
 * rejects real domestic numbers such as "06 39 …" (Mayotte mobiles dialled from France, also the
 * range ARCEP reserves for fiction) that must still be caught.
 */

/** Countries that share the French numbering plan (metropolitan France and overseas). */
const FRENCH_PLAN = new Set(['FR', 'RE', 'YT', 'GP', 'MF', 'BL', 'GF', 'MQ', 'PM']);

// Words that announce a service line within a few words before the number (folded text).
const SERVICE_CUE = new RegExp(
  [
    'standard',
    'accueil',
    'secretariat',
    'service',
    'relations (?:avec les )?usagers',
    'numero (?:vert|unique|national|gratuit)',
    'cellule',
    'renseignement',
    'rendez-vous',
    '\\brdv\\b',
    "joindre (?:le|la|les|l'|notre|nos)",
    "contacter (?:le|la|les|l'|notre|nos)",
    'permanence',
    'plateforme',
    'hotline',
    "ligne (?:d'ecoute|directe du service)",
    '\\bcabinet\\b',
    'consultations?\\b',
    'hopital',
    '\\bchu?\\b',
    'clinique',
    'ehpad',
    'mairie',
    'pharmacie',
    'laboratoire',
    'reservation',
    'inscription',
    'informations?\\b',
    '\\binfos?\\b',
    'bureau des entrees',
    'admissions?\\b',
  ].join('|'),
);
const SERVICE_CUE_WINDOW = 40;

// Labels right before a number that make it some other identifier, not a phone line.
const OTHER_IDENTIFIER_CUE =
  /(?:\bipp|\bnda|siret|siren|rpps|adeli|finess|iban|commande|facture|colis|dossier|\bref(?:erence)?)\b[ :.#]{0,3}(?:(?:n°|no|num(?:ero)?)[ :.#]{0,3})?$/;

type LineKind = 'mobile' | 'landline' | 'special' | 'foreign';

/** What kind of line a parsed number is, from its country and first national digit. */
function lineKind(country: string | undefined, nationalNumber: string): LineKind {
  if (country === undefined || !FRENCH_PLAN.has(country)) return 'foreign';
  const first = nationalNumber.charAt(0);
  if (first === '6' || first === '7') return 'mobile';
  if (first === '8') return 'special';
  return 'landline';
}

function hasEnoughDigits(text: string, needed: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57 && ++count >= needed) return true;
  }
  return false;
}

/**
 * Where a number can be: runs of digits with the separators people type between them. The
 * finder is run on each such stretch (with a little context on both sides) rather than on the
 * whole text: on a long text it spent most of its time reading prose that holds no digit.
 */
const DIGIT_STRETCH = /[+(]?\d[\d .\-()/\u00a0\u202f]{6,}\d/gu;
const CONTEXT = 8;

function numbersInText(text: string): ReturnType<typeof findPhoneNumbersInText> {
  const found: ReturnType<typeof findPhoneNumbersInText> = [];
  let coveredUntil = 0;
  for (const match of text.matchAll(DIGIT_STRETCH)) {
    const from = Math.max(coveredUntil, match.index - CONTEXT);
    const to = Math.min(text.length, match.index + match[0].length + CONTEXT);
    if (to <= from) continue;
    for (const number of findPhoneNumbersInText(text.slice(from, to), { defaultCountry: 'FR' })) {
      found.push({ ...number, startsAt: number.startsAt + from, endsAt: number.endsAt + from });
    }
    coveredUntil = to;
  }
  return found;
}

export const phoneRecognizer: Recognizer = {
  name: 'phone',
  find(doc: GuardDocument, ctx: RecognizerContext): Span[] {
    const { text, folded } = doc;
    // Every number the finder can return has at least 8 digits; most posts have far fewer.
    if (!hasEnoughDigits(text, 8)) return [];
    const ownAccount = ctx.context === 'institutional' || ctx.context === 'reply';
    const spans: Span[] = [];
    for (const found of numbersInText(text)) {
      const start = found.startsAt;
      const end = found.endsAt;
      // A French number is written with its trunk "0" or an international prefix; bare digit
      // runs ("NDA 240318877", "123 456 789 €") are other things that merely parse as numbers.
      const first = text.charAt(start);
      if (first !== '0' && first !== '+' && first !== '(') continue;
      if (/[\p{L}\p{N}]/u.test(text.charAt(start - 1))) continue;
      if (cueBefore(folded, start, 20, OTHER_IDENTIFIER_CUE)) continue;
      const kind = lineKind(found.number.country, found.number.nationalNumber);
      if (kind === 'special') continue;
      if (kind === 'mobile') {
        spans.push(span(start, end, 0.9, 'numéro de mobile'));
        continue;
      }
      if (ownAccount || cueBefore(folded, start, SERVICE_CUE_WINDOW, SERVICE_CUE)) continue;
      const score = kind === 'landline' ? 0.7 : 0.75;
      const evidence = kind === 'landline' ? 'numéro fixe sans indice de service' : 'numéro étranger';
      spans.push(span(start, end, score, evidence));
    }
    return spans;
  },
};

function span(start: number, end: number, score: number, evidence: string): Span {
  return { type: 'PHONE', start, end, score, recognizer: 'phone', evidence };
}
