/**
 * RESERVE-01: a staff member's opinions on the employer, hierarchy or colleagues, expressed
 * without restraint ("notre DG est un incompétent", "la direction se fout de nous", "vivement sa
 * retraite 🤡"). Criticism itself is allowed (a strike call, "nous manquons de moyens"); what the
 * duty of reserve forbids is contempt and insult, so the evaluator needs both a target from the
 * hierarchy and a contemptuous predicate about it. Only staff owe reserve.
 */
import type { Finding } from '../types.js';
import { cuePattern, explainCue, findCue, gap, hasCue, oneOf, peopleNear } from './conduct-text.js';
import type { RuleEvaluator, RuleInput } from './evaluator.js';
import { makeFinding } from './finding.js';

/** The hierarchy and the employer, as staff name them. */
const HIERARCHY = oneOf([
  'dg',
  'dga',
  'drh',
  'dsi',
  'dirlo',
  'directeur',
  'directrice',
  'directeurs',
  'directeur general',
  'directrice generale',
  'directrice des soins',
  'directeur des soins',
  'direction',
  'direction des soins',
  'cadre',
  'cadres',
  'cadre sup',
  'cadre superieur',
  'cadre superieure',
  'cadre de sante',
  'chef',
  'cheffe',
  'chefs',
  'chef de service',
  'cheffe de service',
  'chef de pole',
  'cheffe de pole',
  'chef de clinique',
  'n+1',
  'n+2',
  'manager',
  'managers',
  'management',
  'hierarchie',
  'administration',
  'administratifs',
  'encadrement',
  'patron',
  'patronne',
  'president de la cme',
  'president de cme',
  'president cme',
  'doyen',
  'chefs de service',
  'chefs de pole',
  'tetes pensantes',
  'dirigeants',
  'employeur',
  'collegue',
  'collegues',
  'collegue de nuit',
]);
const DETERMINER = "(?:notre|nos|mon|ma|mes|le|la|les|cette|ce|ces|sa|son|ses|leur|leurs|ta|ton|tes|l')";
const TARGET = `${DETERMINER} ?(?:nouvelle |nouveau |chere |cher |grande |grand |super )?${HIERARCHY}`;

/** Insults and contemptuous labels; inflected forms spelled out so the pattern stays literal. */
const INSULT = oneOf([
  'incompetent',
  'incompetente',
  'incompetents',
  'incompetentes',
  'incapable',
  'incapables',
  'nul',
  'nulle',
  'nuls',
  'nulles',
  'lache',
  'laches',
  'dinosaure',
  'guignol',
  'guignols',
  'clown',
  'clowns',
  'bouffon',
  'bouffons',
  'tocard',
  'tocards',
  'branquignol',
  'escroc',
  'escrocs',
  'menteur',
  'menteuse',
  'menteurs',
  'pourri',
  'pourrie',
  'pourris',
  'imbecile',
  'imbeciles',
  'abruti',
  'abrutie',
  'abrutis',
  'idiot',
  'idiote',
  'idiots',
  'con',
  'conne',
  'cons',
  'connard',
  'connards',
  'connasse',
  'debile',
  'debiles',
  'minable',
  'minables',
  'pitoyable',
  'pathetique',
  'honteux',
  'honteuse',
  'hors-sol',
  'hors sol',
  'deconnecte',
  'deconnectee',
  'deconnectes',
  'tyran',
  'dictateur',
  'dictatrice',
  'psychopathe',
  'pervers',
  'perverse',
  'sadique',
  'mafia',
  'voyou',
  'voyous',
  'charlot',
  'charlots',
  'parasite',
  'parasites',
  'baltringue',
  'feignasse',
  'glandeur',
  'naze',
  'nazes',
  'cretin',
  'cretine',
  'cretins',
  'ignoble',
  'lamentable',
  'lamentables',
  'sans coeur',
  'sans cœur',
  'sans ame',
  'sans cerveau',
  'a la ramasse',
  'a cote de la plaque',
  "a l'ouest",
  'un danger public',
  'bras casses',
  'pieds nickeles',
  'branquignols',
  'planque',
  'planques',
  'planquee',
  'planquees',
  'ronds-de-cuir',
  'gratte-papier',
  'bureaucrates',
  'technocrates',
  'carrieriste',
  'carrieristes',
  'une honte',
  'la honte',
]);

/** Contempt said as a verb phrase rather than a label. */
const CONTEMPT = oneOf([
  'se fout de nous',
  'se fout de notre gueule',
  'se fout de la gueule',
  'se fiche de nous',
  "s'en fout",
  "s'en fiche",
  "s'en bat les",
  'se moque de nous',
  'se moque des soignants',
  'se fout des soignants',
  'se fout des patients',
  'nous prend pour des',
  'nous prennent pour des',
  'se foutent de nous',
  'se fichent de nous',
  'se moquent de nous',
  "n'en a rien a faire",
  "n'en a rien a foutre",
  "n'en a rien a cirer",
  "n'en ont rien a faire",
  "n'en ont rien a foutre",
  "n'a jamais vu un patient",
  "n'a jamais vu un malade",
  "n'ont jamais vu un patient",
  "n'ont jamais vu un malade",
  "n'ont jamais soigne",
  "n'ont jamais mis les pieds",
  "n'a jamais fait une nuit",
  "n'ont jamais fait une nuit",
  "n'a jamais fait une garde",
  "n'ont jamais fait une garde",
  "n'y connaissent rien",
  "n'ont rien compris",
  "n'a jamais soigne",
  "n'a jamais mis les pieds",
  "n'a jamais touche un patient",
  "n'a pas mis une blouse",
  "n'a jamais mis une blouse",
  "n'a rien compris",
  "n'y connait rien",
  "n'y comprend rien",
  "tue l'hopital",
  'tue le service',
  "detruit l'hopital",
  'detruit le service',
  'massacre le service',
  "coule l'hopital",
  'crache sur',
  'nous meprise',
  "s'est attribue",
  "s'est attribuee",
  "s'attribue",
  "s'approprie",
  "s'est approprie",
  'vole mon travail',
  'pique mon travail',
]);

const WITH_RESTRAINT_LOST = [
  // "notre DG est un incompétent", "la cadre, complètement hors-sol"
  cuePattern(`${TARGET} ${gap(8)}(?:${INSULT}|${CONTEMPT})`),
  // "mon N+1 ? un tyran."
  cuePattern(`${TARGET} ?${gap(2)}[?!:…]+ ?(?:un |une |des |quel |quelle |la |le )?${INSULT}`),
  // "bande d'incompétents à la direction", "honte à notre direction"
  cuePattern(
    `(?:bande d'|bande de |ces |des |les |quel |quelle |quels |quelles )${INSULT} ${gap(2)}(?:de la|de notre|a la|qui nous sert de|qui nous servent de) ${gap(1)}${HIERARCHY}`,
  ),
  cuePattern(`(?:honte a|vivement le depart de|vivement la retraite de|degage) ${TARGET}`),
];

/** Contempt said of "il/elle" once the target has been named earlier in the post. */
const PRONOUN_CONTEMPT = [
  cuePattern(
    `(?:il|elle|ils|elles) (?:est|sont|c'est) (?:vraiment |completement |totalement |trop |juste |clairement |qu'un |qu'une |un |une |des )?(?:${INSULT})`,
  ),
  cuePattern(`(?:il|elle|ils|elles) ${CONTEMPT}`),
  cuePattern(`(?:honte a (?:lui|elle|eux)|vivement (?:sa|leur) (?:retraite|depart|demission|mutation))`),
  cuePattern(`(?:quel |quelle |quels |quelles |espece d'|espece de |bande d'|bande de )${INSULT}`),
  cuePattern(`qu'(?:il|elle|ils|elles) (?:degage|degagent|demissionne|demissionnent|se casse|se cassent)`),
];
const TARGET_ANYWHERE = [cuePattern(TARGET)];

/** Mocking emojis right next to a target ("quand ta direction t'offre un stylo 🖊️🤡"). */
const MOCKING_EMOJI = /(?:\u{1F921}|\u{1F595}|\u{1F4A9})/u;

function mockingEmojiCue(folded: string): { start: number; end: number } | null {
  const emoji = MOCKING_EMOJI.exec(folded);
  if (emoji === null) return null;
  const sentenceStart = Math.max(0, emoji.index - 200);
  const before = folded.slice(sentenceStart, emoji.index);
  const target = findCue(before, TARGET_ANYWHERE);
  if (target === null) return null;
  return { start: sentenceStart + target.start, end: emoji.index + emoji[0].length };
}

export const reserveEvaluator: RuleEvaluator = {
  family: 'RESERVE',
  evaluate(input: RuleInput): Finding[] {
    const { doc, spans, ctx } = input;
    if (ctx.context !== 'staff') return [];
    let cue = findCue(doc.folded, WITH_RESTRAINT_LOST);
    if (cue === null && hasCue(doc.folded, TARGET_ANYWHERE)) cue = findCue(doc.folded, PRONOUN_CONTEMPT);
    if (cue === null) cue = mockingEmojiCue(doc.folded);
    if (cue === null) return [];
    return [
      makeFinding('RESERVE-01', peopleNear(doc, spans, cue), {
        explanation: explainCue(doc, cue, {
          fr: 'critiquer est permis, mais des mots méprisants envers votre direction, votre hiérarchie ou vos collègues manquent au devoir de réserve et peuvent vous valoir des sanctions.',
          en: 'criticism is allowed, but contemptuous words about your management, hierarchy or colleagues break the duty of reserve and can lead to sanctions.',
        }),
      }),
    ];
  },
};
