/**
 * CRISIS-01: during a crisis (plan blanc, strike, attack, cyberattack, epidemic) staff relay
 * only official information. The evaluator needs a crisis in the post and then either hearsay
 * ("on dit que", "il paraît", "d'après une collègue", "ils cachent") or casualty figures ("8
 * morts", "14 blessés"). An official relay ("plan blanc déclenché, ne venez aux urgences qu'en
 * cas d'urgence vitale") or a strike call has neither and stays clean. Members of the public
 * repeating a rumour are filed as RUMOR by the communication department, not blamed: a public
 * post counts only when its author signs as staff.
 */
import type { Finding } from '../types.js';
import {
  cuePattern,
  explainCue,
  findCue,
  gap,
  hasCue,
  oneOf,
  peopleNear,
  speaksAsStaff,
} from './conduct-text.js';
import type { RuleEvaluator, RuleInput } from './evaluator.js';
import { makeFinding } from './finding.js';

const CRISIS = [
  cuePattern(
    oneOf([
      'plan blanc',
      'plan rouge',
      'plan orsec',
      'orsan',
      'greve',
      'greves',
      'grevistes',
      'greviste',
      'preavis',
      'requisition',
      'requisitions',
      'requisitionner',
      'requisitionne',
      'attentat',
      'attentats',
      'attaque terroriste',
      'attaque au couteau',
      'fusillade',
      'explosion',
      'incendie',
      'cyberattaque',
      'cyber-attaque',
      'cyber attaque',
      'piratage',
      'pirate',
      'hacke',
      'rancongiciel',
      'ransomware',
      'epidemie',
      'pandemie',
      'cluster',
      'afflux',
      'crise sanitaire',
      'en pleine crise',
      'gestion de crise',
      'cellule de crise',
      'evacuation',
      'catastrophe',
      'carambolage',
      'accident de car',
      'accident de bus',
      'accident de train',
      'inondation',
      'inondations',
      'tempete',
      "prise d'otages",
      "prise d'otage",
      'confinement',
      'alerte attentat',
      'alerte a la bombe',
    ]),
  ),
];

const NUMBER = `(?:\\d+|${oneOf(['deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'douze', 'quinze', 'vingt', 'trente', 'cinquante', 'cent', 'des dizaines de', 'des centaines de'])})`;
const CASUALTIES = [
  cuePattern(
    `${NUMBER} (?:morts|mort|deces|decedes|blesses|blesse|victimes|urgences absolues|ua|ur|intubes|brules|disparus|enfants morts|gamins morts)`,
  ),
];
const HEARSAY = [
  cuePattern(
    oneOf([
      'on dit que',
      "on dit qu'",
      'il parait',
      'parait que',
      "parait qu'",
      "a ce qu'il parait",
      'apparemment',
      'de source sure',
      'source sure',
      'rumeur',
      'rumeurs',
      'il se dit',
      'ca se dit',
      "j'ai entendu dire",
      "j'ai entendu que",
      "j'ai entendu qu'",
      'bruit de couloir',
      'bruits de couloir',
      'radio couloir',
      'officieusement',
      'il y aurait',
      'on nous cache',
      'on vous cache',
      'ils cachent',
      'ils nous cachent',
      'ils vous cachent',
      'ils mentent',
      'ils minimisent',
      'la direction cache',
      'la direction ment',
      'veulent pas que ca se sache',
    ]),
  ),
  cuePattern(`on parle (?:de |d')${NUMBER}`),
  cuePattern(
    `(?:un |une |ma |mon |mes |des |le |la )(?:collegue|collegues|pote|potes|copine|copines|ami|amie|amis|cousin|cousine|source|infirmiere|infirmier|interne|cadre|voisin|voisine) ${gap(3)}(?:dit|disait|m'a dit|m'a ecrit|a dit|affirme|raconte|pretend|jure) (?:que|qu')`,
  ),
  cuePattern(`on m'a dit|ce qu'on m'a dit|ce qu'on dit|ce qu'on m'a raconte|on m'a raconte`),
  cuePattern(
    `(?:d'apres|selon) (?:une|un|ma|mon|mes|la|le|les|des|l') ?(?:collegue|collegues|cadre|cadres|pote|potes|copine|copines|ami|amie|amis|source|sources|infirmiere|infirmier|interne|internes|medecin|urgentiste|gars|nana|mec|quelqu'un|ambulancier|ambulanciers|pompier|pompiers|flic|flics|cousin|cousine|voisin|voisine|brancardier|secretaire|syndicat)`,
  ),
  cuePattern(`(?:seraient|serait|auraient ete|aurait ete) (?:morts|mort|decedes|decede|blesses|tues|tue)`),
];
/** A call to spread the news further makes an unverified figure worse. */
const SHARE_CALL = [
  cuePattern(`partagez|faites tourner|faites passer|diffusez|partage max|partagez un max|a partager`),
];

export const crisisEvaluator: RuleEvaluator = {
  family: 'CRISIS',
  evaluate(input: RuleInput): Finding[] {
    const { doc, spans, ctx } = input;
    const staffVoice = ctx.context === 'staff' || (ctx.context === 'public' && speaksAsStaff(doc.folded));
    if (!staffVoice || !hasCue(doc.folded, CRISIS)) return [];
    const hearsay = findCue(doc.folded, HEARSAY);
    const casualties = findCue(doc.folded, CASUALTIES);
    const cue = hearsay ?? casualties;
    if (cue === null) return [];
    const shared = hasCue(doc.folded, SHARE_CALL);
    const why =
      hearsay !== null
        ? {
            fr: 'en pleine crise, vous relayez une information non officielle. Une rumeur se propage très vite et peut affoler les familles ; renvoyez plutôt vers les messages officiels.',
            en: 'in the middle of a crisis, you relay unofficial information. A rumour spreads very fast and can alarm families; point to official messages instead.',
          }
        : {
            fr: 'en pleine crise, vous donnez des chiffres qui ne viennent pas de la communication officielle. Ils peuvent être faux ou incomplets et inquiéter les familles.',
            en: 'in the middle of a crisis, you give figures that do not come from official communication. They may be wrong or incomplete and alarm families.',
          };
    const explanation = explainCue(doc, cue, why);
    return [
      makeFinding('CRISIS-01', peopleNear(doc, spans, cue, ['AGE']), {
        explanation: shared
          ? {
              fr: `${explanation.fr} Appeler à partager aggrave le risque.`,
              en: `${explanation.en} Asking people to share makes it worse.`,
            }
          : explanation,
      }),
    ];
  },
};
