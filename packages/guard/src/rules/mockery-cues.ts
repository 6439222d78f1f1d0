/**
 * Mockery of patients, the carer's form of RESPECT-01: "le gros du 14 a ENCORE sonné 🐷",
 * "storytime 🍿 un mec de 45 ans débarque avec… je vous laisse deviner 💀", "les patients AME
 * qui viennent pour un rhume, on devrait les facturer". A patient plus signs of derision; warmth
 * ("notre mamie ❤️", "on rit beaucoup") is not derision.
 */
import type { GuardDocument } from '../text/document.js';
import { anyOf, cue, findAll, type Hit, hasAny, writtenUpper } from './people-cues.js';

export interface WeightedCue {
  readonly pattern: RegExp;
  readonly weight: number;
}

/** Someone cared for, as staff speak of them. */
const PATIENT_REFERENCE = [
  cue(
    `(?:le|la|les|un|une|ce|cette|ces|des|mon|ma|mes|nos|notre|du|de la) (?:${anyOf([
      'patiente?s?',
      'papys?',
      'papis?',
      'mamies?',
      'pepes?',
      'memes?',
      'vieux',
      'vieilles?',
      'monsieur',
      'madame',
      'dame',
      'mec',
      'meuf',
      'gars',
      'type',
      'nana',
      'residente?s?',
      'clients?',
      'clientes?',
      'famille',
      'familles',
    ])})`,
  ),
  cue(
    '(?:celui|celle|ceux|celles) qui (?:vient|viennent|revient|reviennent|debarque|debarquent|sonne|sonnent|appelle|appellent|hurle|crie)',
  ),
  cue('(?:du|de la|de l.) (?:chambre |box |lit )?\\d{1,3}'),
  cue('(?:mme|mr|m\\.|monsieur|madame) [a-z]'),
];

/** Nouns that are contempt by themselves ("le gros du 14", "les cas soc"). */
const CONTEMPT = [
  cue('(?:le|la) (?:gros|grosse|obese|baleine|vieille) (?:du|de la|de l.) (?:chambre |box |lit )?\\d{1,3}'),
  cue(
    `(?:papy|papi|mamie|vieux|vieille|pepe|meme) (?:${anyOf(['gateux', 'gateuse', 'gaga', 'senile', 'qui pue', 'puant', 'puante', 'crade', 'degueu'])})`,
  ),
  cue('(?:les|des|ces|nos|un|une|ce|cette) (?:chochottes?|simulatrices?|profiteurs?|profiteuses?|boulets?)'),
  // Speaking of a person as a thing: "mettre ça à côté des opérés".
  cue(
    '(?:mettre|foutre|garder|coller|laisser) (?:ca|ces gens(?:-la)?|ces trucs) (?:a cote|avec|dans|ici|pres)',
  ),
];

/** Signs of derision; 2 together with a patient make mockery. */
const DERISION: readonly WeightedCue[] = [
  { pattern: /🙄|💀|🍿|😂|🤣|😹/gu, weight: 1 },
  { pattern: /🐷|🐖|🤮|🤡|🐄|🐳/gu, weight: 2 },
  { pattern: /😭\s*😭/gu, weight: 1 },
  {
    pattern: cue(
      'mdr|ptdr|lol|xptdr|storytime|je vous laisse deviner|devinez (?:quoi|lequel|laquelle|ce que)',
    ),
    weight: 1,
  },
  {
    pattern: cue("comme d'hab|comme toujours|encore la|a son nom|cadenas|cuver|pour un rhume|pour un bobo"),
    weight: 1,
  },
  {
    pattern: cue(
      "on (?:a|s'est) (?:bien |trop )?(?:rigole|marre|eclate)|fou rire|trop drole|il se prend pour|elle se prend pour|on devrait (?:les|le|la|lui|leur)",
    ),
    weight: 1,
  },
  { pattern: cue('sonne \\d+ fois|\\d+ fois (?:la|le|par) (?:sonnette|nuit)'), weight: 1 },
];

/** Tenderness that keeps laughter kind. */
const WARMTH = [
  cue(
    'adorables?|mignonn?e?s?|trop chou|attendrissante?|touchante?|emouvante?|fiere?s?|merci|bisous|tendresse|❤️|❤|💕|🥰|😍|💙|💜|🥹|🤗',
  ),
];

/** Patients referred to by their social coverage ("la CMU", "les AME"), a label that stigmatises. */
const COVERAGE = /(?<![\p{L}])(?:ame|cmu(?:-c)?|c2s)(?![\p{L}])/gu;

export function patientReferences(folded: string): Hit[] {
  return findAll(folded, PATIENT_REFERENCE);
}

export function contemptCues(folded: string): Hit[] {
  return findAll(folded, CONTEMPT);
}

export function derisionWeight(doc: GuardDocument): number {
  let total = 0;
  for (const { pattern, weight } of DERISION) {
    for (const _match of doc.folded.matchAll(pattern)) total += weight;
  }
  // A word shouted in capitals in a lower-case sentence ("est ENCORE là") mocks.
  if (/(?<![\p{L}])(?:ENCORE|TOUJOURS|JAMAIS|ENFIN)(?![\p{L}])/u.test(doc.text)) total += 1;
  return total;
}

export function soundsWarm(folded: string): boolean {
  return hasAny(folded, WARMTH);
}

/** "AME", "CMU" written as acronyms: "âme" folds to "ame" too, so the original must be in capitals. */
export function coverageLabels(doc: GuardDocument): Hit[] {
  const hits: Hit[] = [];
  for (const match of doc.folded.matchAll(COVERAGE)) {
    const hit = { start: match.index, end: match.index + match[0].length };
    if (writtenUpper(doc, hit)) hits.push(hit);
  }
  return hits;
}
