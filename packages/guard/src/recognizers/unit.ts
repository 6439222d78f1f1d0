import type { GuardDocument } from '../text/document.js';
import { FOLDED_WORD_CHARS } from '../text/fold.js';
import type { Span } from '../types.js';
import type { Recognizer } from './recognizer.js';

/**
 * Care units and services, as staff and families name them: full names ("réanimation"),
 * clipped forms ("réa", "néphro", "mater"), acronyms ("SAU", "USIC", "UHCD") and floors
 * ("au 4e"). The span takes in the preposition that places someone there ("en réa", "aux
 * urgences"), which is what locates the person. Whether a unit exposes someone is the rules'
 * call: a campaign saying "aux urgences" is harmless.
 */

// Specialties: the folded stem and the clipped forms people type. Both "cardio" and
// "cardiologie" must match, so each entry is a regex fragment over folded text.
const SPECIALTIES = [
  'cardio(?:logie)?',
  'pneumo(?:logie)?',
  'neuro(?:logie|chir(?:urgie)?)?',
  'nephro(?:logie)?',
  'hemato(?:logie)?',
  'onco(?:logie|-?hemato(?:logie)?|pediatrie)?',
  'psy(?:chiatrie|chiat|chiatrique)?',
  'pedopsy(?:chiatrie)?',
  'addicto(?:logie)?',
  'gyneco(?:logie)?',
  'gyneco-obstetrique',
  'obstetrique',
  'dermato(?:logie)?',
  'rhumato(?:logie)?',
  'endocrino(?:logie)?',
  'diabeto(?:logie)?',
  'gastro(?:-?enterologie)?',
  'hepato-gastro(?:-?enterologie)?',
  'uro(?:logie)?',
  'ophtalmo(?:logie)?',
  'orl',
  'geriatrie',
  'pediatrie',
  'neonat(?:alogie|ologie)?',
  'infectio(?:logie)?',
  'maladies infectieuses',
  'medecine (?:interne|polyvalente|legale|nucleaire|physique)',
  'medecine',
  'chir(?:urgie)?(?: (?:ortho(?:pedique)?|digestive|viscerale|cardiaque|vasculaire|thoracique|plastique|pediatrique|ambulatoire|generale|maxillo-faciale))?',
  'ortho(?:pedie)?',
  'traumato(?:logie)?',
  'radiologie',
  'radiotherapie',
  'imagerie',
  'soins palliatifs',
  'soins intensifs(?: de cardiologie| cardio(?:logiques)?)?',
  'soins continus',
  'soins de suite(?: et de readaptation)?',
  'reeducation',
  'rea(?:nimation)?(?: (?:pediatrique|neonatale|medicale|chirurgicale|polyvalente))?',
  'rea ped',
  'neurologie vasculaire',
  'unite neuro-vasculaire',
  'hopital de jour',
  'maternite',
  'mater',
  'salle de naissance',
  "salle d'accouchement",
  'bloc(?: operatoire| obstetrical)?',
  'centre des brules',
  'grands brules',
  'urgences(?: (?:pediatriques|pedia|ped|gyneco(?:logiques)?|adultes|psy(?:chiatriques)?|obstetricales|maternite))?',
  'urg(?:ences)? ped',
  'dialyse',
  'hemodialyse',
  'ehpad',
  'usld',
  'long sejour',
];

// Acronyms stay case-sensitive in the original text: "SAU" is a unit, "sau" is not a word.
const ACRONYMS = [
  'SAU',
  'USIC',
  'USI',
  'USC',
  'UHCD',
  'SSR',
  'CMP',
  'PMI',
  'UNV',
  'UMJ',
  'CATTP',
  'HDJ',
  'SMUR',
  'UCSA',
  'CPEF',
];

const PREPOSITION =
  "(?:(?:en|aux|au|a la|a l'|dans le service d[e']|dans l'unite d[e']|dans le|dans la|dans l'|du service d[e']|du|de la|des) ?)";
const HEAD = "(?:(?:service|unite|pole|departement|consultations?|consult|secteur|etage) (?:de |d'|des )?)";

const specialtyPattern = new RegExp(
  `(?<![${FOLDED_WORD_CHARS}])${PREPOSITION}?${HEAD}?(?:${SPECIALTIES.join('|')})(?<tail> (?:de|du) (?:ch|chu|chr|l'hopital|la clinique) (?:de |d')?[a-z][a-z'-]+| (?:de|d') ?[a-z][a-z-]+(?=\\s|$|[,.;:!?]))?(?![${FOLDED_WORD_CHARS}])`,
  'gu',
);
const acronymPattern = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:en|aux|au|a la|à la) |(?:à|a) l['’])?(?:${ACRONYMS.join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);
// Floors locate a ward: "au 4e", "3e étage", "au 2ème".
const floorPattern =
  /(?<![\p{L}\p{N}])(?:(?:au |du )?\d{1,2} ?(?:e|eme|er|ieme) etage|au \d{1,2} ?(?:e|eme|ieme)(?! (?:annee|fois|rang|arrondissement|siecle|trimestre|semestre|edition|place|age)))(?![\p{L}\p{N}])/gu;

// The "de Valmont" tail is kept only when it names a place (capitalised in the original).
function trimTail(doc: GuardDocument, end: number, tail: string | undefined): number {
  if (tail === undefined) return end;
  const tailStart = end - tail.length;
  const original = doc.text.slice(tailStart, end);
  const lastWord = /[\p{L}-]+$/u.exec(original)?.[0] ?? '';
  return /^\p{Lu}/u.test(lastWord) ? end : tailStart;
}

export const unitRecognizer: Recognizer = {
  name: 'unit',
  find(doc: GuardDocument): Span[] {
    const spans: Span[] = [];
    for (const match of doc.folded.matchAll(specialtyPattern)) {
      const start = match.index;
      const end = trimTail(doc, start + match[0].length, match.groups?.tail);
      const text = doc.folded.slice(start, end);
      // "medecine" and "bloc" alone are too common as words; they count with a preposition.
      const bare = /^(?:medecine|bloc|ortho|psy|uro|imagerie|mater)$/u.test(text);
      spans.push({
        type: 'UNIT',
        start,
        end,
        score: bare ? 0.45 : 0.75,
        recognizer: 'unit',
        evidence: 'service de soins',
      });
    }
    for (const match of doc.text.matchAll(acronymPattern)) {
      spans.push({
        type: 'UNIT',
        start: match.index,
        end: match.index + match[0].length,
        score: 0.75,
        recognizer: 'unit',
        evidence: 'sigle de service',
      });
    }
    for (const match of doc.folded.matchAll(floorPattern)) {
      spans.push({
        type: 'UNIT',
        start: match.index,
        end: match.index + match[0].length,
        score: 0.6,
        recognizer: 'unit',
        evidence: 'étage',
      });
    }
    return spans;
  },
};
