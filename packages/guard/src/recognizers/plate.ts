import type { GuardDocument } from '../text/document.js';
import type { Span } from '../types.js';
import { cueAfter, cueBefore } from './cue-window.js';
import type { Recognizer, RecognizerContext } from './recognizer.js';

/**
 * French number plates. SIV plates (since 2009) are two letters, three digits, two letters
 * ("EZ-314-PQ"); letters I, O and U are never issued, "SS" never appears in a block, "WW" only
 * on the left (temporary plates), and the number is never 000. The shape is checked strictly,
 * the separators leniently (dash, space or nothing).
 *
 * A shape like "AB123CD" is also a product code or a reference, so the weaker forms need a
 * vehicle cue nearby ("immat", "plaque", "sa Clio", "il roule en…"): unseparated plates, plates
 * typed in lower case, and the old FNI plates ("1234 AB 56", "123 ABC 75").
 */

// Folded text: letters are lower case here, the original decides about case.
const SIV = /(?<![\p{L}\p{N}])([a-hj-np-tv-z]{2})([ -]?)(\d{3})([ -]?)([a-hj-np-tv-z]{2})(?![\p{L}\p{N}])/gu;
const FNI = /(?<![\p{L}\p{N}])(\d{1,4})[ -]?([a-z]{1,3})[ -]?(\d{2,3}|2[ab])(?![\p{L}\p{N}])/gu;

const VEHICLE_CUE = new RegExp(
  `\\b(?:${[
    'immat\\w*',
    'plaques?',
    'voitures?',
    'vehicules?',
    'auto',
    'bagnole',
    'caisse',
    'motos?',
    'scooter',
    'camion\\w*',
    'utilitaire',
    'fourgon\\w*',
    'van',
    '4x4',
    'suv',
    'roul\\w*',
    'gar(?:e|ee|er|ait)',
    'stationn\\w*',
    'park\\w*',
    'conduit',
    'conduire',
    'clio',
    'megane',
    'twingo',
    'zoe',
    'captur',
    'kadjar',
    'scenic',
    'kangoo',
    'espace',
    '[23]0[678]',
    '[235]008',
    'partner',
    'berlingo',
    'picasso',
    'c[1-5]',
    'ds[3-7]?',
    'golf',
    'polo',
    'passat',
    'tiguan',
    'touran',
    'yaris',
    'aygo',
    'corolla',
    'fiesta',
    'focus',
    'kuga',
    'corsa',
    'astra',
    'mokka',
    'sandero',
    'duster',
    'logan',
    'jogger',
    'qashqai',
    'juke',
    'micra',
    'panda',
    'punto',
    'tipo',
    'mini',
    'tesla',
    'audi',
    'bmw',
    'mercedes',
    'peugeot',
    'renault',
    'citroen',
    'dacia',
    'toyota',
    'volkswagen',
    'vw',
    'opel',
    'ford',
    'nissan',
    'kia',
    'hyundai',
    'skoda',
    'seat',
    'ibiza',
    'volvo',
    'fiat',
    'suzuki',
    'honda',
    'mazda',
    'jeep',
    'porsche',
    'smart',
  ].join('|')})\\b`,
);
// Plain letters, digits and separators (typographic dashes and no-break spaces included).
const ASCII_PLATE = /^[A-Za-z0-9 \u00a0\u202f\u2010-\u2014-]+$/;
const ASCII_CAPITALS_ONLY = /^[A-Z0-9 \u00a0\u202f\u2010-\u2014-]+$/;
const CUE_BEFORE = 60;
const CUE_AFTER = 40;

function hasVehicleCue(folded: string, start: number, end: number): boolean {
  return cueBefore(folded, start, CUE_BEFORE, VEHICLE_CUE) || cueAfter(folded, end, CUE_AFTER, VEHICLE_CUE);
}

function isUpper(text: string): boolean {
  return /^[A-Z]+$/.test(text);
}

/** FNI département: 01–95, 2A/2B, or 971–976 overseas. */
function validFniDepartment(dept: string): boolean {
  if (dept === '2a' || dept === '2b') return true;
  const value = Number(dept);
  return dept.length === 2 ? value >= 1 && value <= 95 : value >= 971 && value <= 976;
}

function findSiv(doc: GuardDocument, spans: Span[]): void {
  for (const match of doc.folded.matchAll(SIV)) {
    const [whole, left = '', sep1, digits, sep2, right = ''] = match;
    if (digits === '000' || left === 'ss' || right === 'ss' || right === 'ww') continue;
    const start = match.index;
    const end = start + whole.length;
    const original = doc.text.slice(start, end);
    // Folding turned "É" into "e": a plate has plain ASCII letters only.
    if (!ASCII_PLATE.test(original)) continue;
    const upper = isUpper(original.slice(0, 2)) && isUpper(original.slice(-2));
    const separated = sep1 !== '' && sep2 !== '';
    // In lower case, "de 123 km" or "en 200 mg" have the shape too: only dashed or glued forms.
    if (!upper && (sep1 === ' ' || sep2 === ' ')) continue;
    const cue = hasVehicleCue(doc.folded, start, end);
    let score: number;
    if (upper && separated) score = cue ? 0.9 : 0.85;
    else if (cue) score = upper ? 0.9 : 0.8;
    else continue;
    spans.push(span(start, end, score, cue ? 'plaque SIV près d’un véhicule' : 'plaque SIV'));
  }
}

function findFni(doc: GuardDocument, spans: Span[]): void {
  for (const match of doc.folded.matchAll(FNI)) {
    const [whole, , , dept = ''] = match;
    if (!validFniDepartment(dept)) continue;
    const start = match.index;
    const end = start + whole.length;
    // Old plates were printed and are typed in capitals; "12 km 30" or "3 h 15" are not plates.
    if (!ASCII_CAPITALS_ONLY.test(doc.text.slice(start, end))) continue;
    if (!hasVehicleCue(doc.folded, start, end)) continue;
    spans.push(span(start, end, 0.75, 'ancienne plaque FNI près d’un véhicule'));
  }
}

export const plateRecognizer: Recognizer = {
  name: 'plate',
  find(doc: GuardDocument, _ctx: RecognizerContext): Span[] {
    const spans: Span[] = [];
    findSiv(doc, spans);
    findFni(doc, spans);
    return spans;
  },
};

function span(start: number, end: number, score: number, evidence: string): Span {
  return { type: 'PLATE', start, end, score, recognizer: 'plate', evidence };
}
