import type { GuardDocument } from '../text/document.js';
import type { Span } from '../types.js';
import { cueDistanceBefore } from './cue-window.js';
import type { Recognizer, RecognizerContext } from './recognizer.js';

/**
 * French social security numbers (NIR, "numéro de sécu"): sex, year, month, département (2A/2B
 * for Corsica), commune, order number, then a two-digit key that is 97 minus the 13-digit
 * number modulo 97. People type them with spaces, dots or dashes anywhere, so the shape allows
 * one optional separator between any two characters.
 *
 * The key is the validator: a 15-digit run whose key checks is a NIR. A run whose key fails is
 * only kept when a cue stands right before it (someone who typed "NIR :" meant it, typos
 * included), and 13 digits without a key only near a cue.
 */

const SEP = '[ .-]?';
// Works on folded text, so Corsican "2A"/"2B" arrive as "2a"/"2b". Each group has a fixed
// length and each separator is optional but never ambiguous with a digit: the match work per
// start position is bounded, hence linear overall. Boundaries refuse a start or end inside a
// longer run of digits ("06 12 34 …", "ref 12-345-…").
const NIR_SHAPE = new RegExp(
  `(?<![\\p{L}\\p{N}]|\\d[.-])` +
    `([1278])${SEP}(\\d)${SEP}(\\d)${SEP}(\\d)${SEP}(\\d)${SEP}` +
    `(\\d)${SEP}([\\dab])${SEP}` +
    `(\\d)${SEP}(\\d)${SEP}(\\d)${SEP}(\\d)${SEP}(\\d)${SEP}(\\d)` +
    // The key is sometimes set apart on forms: "… 050 - 54", "… 050 / 54".
    `(?:(?: ?[-/] ?|[ .])?(\\d\\d))?` +
    `(?![\\p{L}\\p{N}]|[.-]\\d)`,
  'gu',
);

// Words people put next to a NIR, folded ("n° de sécu", "carte Vitale", "NSS").
const NIR_CUE =
  /(?:\bnir\b|\bnss\b|\binsee\b|\bsecu\b|securite sociale|carte vitale|\bvitale\b|immatriculation (?:a la )?secu)/g;
/** A cue this close to the number means the writer labelled it (separators, "n°", ":" only). */
const STRONG_CUE_DISTANCE = 12;
const CUE_WINDOW = 60;

/** The 13-digit number with Corsica's letters replaced as the key rule requires, or null. */
function numericBody(body: string): number | null {
  // INSEE: for département 2A the key is computed with 19, for 2B with 18, in place of "2A"/"2B".
  const corsica = body.slice(5, 7);
  const digits =
    corsica === '2a'
      ? `${body.slice(0, 5)}19${body.slice(7)}`
      : corsica === '2b'
        ? `${body.slice(0, 5)}18${body.slice(7)}`
        : body;
  return /^\d{13}$/.test(digits) ? Number(digits) : null;
}

/** The NIR key of a 13-character body ("2a" and "2b" allowed), or null when it has no key. */
export function nirKey(body: string): number | null {
  const value = numericBody(body.toLowerCase());
  // 13 digits stay below 2^53, so plain number arithmetic is exact.
  return value === null ? null : 97 - (value % 97);
}

/**
 * Whether the body has a plausible INSEE structure. Lenient on purpose: months 20 and 30–99
 * exist for unknown or provisional birth months, and the key does the real checking.
 */
function plausibleBody(body: string): boolean {
  const month = Number(body.slice(3, 5));
  const monthOk = (month >= 1 && month <= 12) || month >= 20;
  const dept = body.slice(5, 7);
  const deptOk = dept === '2a' || dept === '2b' || (/^\d\d$/.test(dept) && dept !== '00');
  return monthOk && deptOk && body.slice(10, 13) !== '000';
}

export const nirRecognizer: Recognizer = {
  name: 'nir',
  find(doc: GuardDocument, _ctx: RecognizerContext): Span[] {
    const spans: Span[] = [];
    const { folded } = doc;
    for (const match of folded.matchAll(NIR_SHAPE)) {
      const body = match.slice(1, 14).join('');
      if (!plausibleBody(body)) continue;
      const start = match.index;
      const end = start + match[0].length;
      const key = match[14];
      const cueDistance = cueDistanceBefore(folded, start, CUE_WINDOW, NIR_CUE);
      const strongCue = cueDistance >= 0 && cueDistance <= STRONG_CUE_DISTANCE;
      if (key === undefined) {
        // 13 digits alone are common (orders, references): only a nearby cue makes them a NIR.
        if (cueDistance < 0) continue;
        spans.push(span(start, end, strongCue ? 0.75 : 0.65, 'NIR sans clé, annoncé par le contexte'));
        continue;
      }
      if (nirKey(body) === Number(key)) {
        const score = cueDistance >= 0 ? 0.95 : 0.9;
        spans.push(span(start, end, score, 'numéro de sécurité sociale, clé valide'));
      } else if (strongCue) {
        spans.push(span(start, end, 0.6, 'numéro annoncé comme NIR, clé invalide'));
      }
    }
    return spans;
  },
};

function span(start: number, end: number, score: number, evidence: string): Span {
  return { type: 'NIR', start, end, score, recognizer: 'nir', evidence };
}
