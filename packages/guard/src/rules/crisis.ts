/**
 * CRISIS-01: during a crisis (plan blanc, strike, attack, cyberattack, epidemic) only official
 * information is relayed. The evaluator needs a crisis in the post and then unofficial
 * information: hearsay ("on dit que", "il paraît", "d'après les premiers échos", "ils cachent")
 * or casualty figures ("8 morts", "une dizaine de blessés"). An official relay ("plan blanc
 * déclenché, ne venez aux urgences qu'en cas d'urgence vitale") or a strike call has neither and
 * stays clean.
 * - Staff owe discretion: hearsay or unofficial figures are enough.
 * - Any other account (a member of the public, the establishment's own replies) breaks the rule
 *   when it spreads a rumour about an acute event (the catalogue's plan blanc, strike, attack and
 *   their kin): hearsay that comes with casualty figures, a call to share, or an instruction to
 *   stay away ("n'y allez pas", "évitez le secteur"). A bare question ("il paraît que l'hôpital
 *   est en plan blanc ?") stays a RUMOR for the communication department, and slow-burning
 *   worries (an epidemic) are not the acute crisis the rule is about.
 */

import { COUNT_WORDS } from '../recognizers/french-numbers.js';
import type { Finding } from '../types.js';
import { type Cue, cues, explainCue, gap, oneOf, peopleNear, speaksAsStaff } from './conduct-text.js';
import type { RuleEvaluator, RuleInput } from './evaluator.js';
import { makeFinding } from './finding.js';
import { wordList } from './word-lists.js';

/** Acute events: the catalogue's plan blanc, strike and attack, and what sets them off. */
const ACUTE_EVENT = oneOf(wordList('crisis-acute-event'));
/** Slower crises, which staff must not feed with rumours either. */
const SLOW_CRISIS = oneOf(wordList('crisis-slow-crisis'));
const ACUTE = cues(ACUTE_EVENT);
const ANY_CRISIS = cues(ACUTE_EVENT, SLOW_CRISIS);

const NUMBER = `(?:\\d+|${oneOf([
  ...COUNT_WORDS,
  'treize',
  'quatorze',
  'seize',
  'soixante',
  'cent',
  'des dizaines de',
  'des centaines de',
  'plusieurs dizaines de',
  'plusieurs centaines de',
])}|(?:une |plus d'une |pres d'une |au moins une )?(?:dizaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|centaine) (?:de |d'))`;
const CASUALTIES = cues(
  `${NUMBER} ?(?:morts|mort|tues|deces|decedes|blesses|blesse|blesses graves|victimes|urgences absolues|ua|ur|intubes|brules|intoxiques|disparus|otages|enfants morts|gamins morts|enfants blesses)`,
);
const HEARSAY = cues(
  oneOf([
    'on dit que',
    "on dit qu'",
    'il parait',
    'parait que',
    "parait qu'",
    "a ce qu'il parait",
    "a ce qu'on dit",
    'apparemment',
    'de source sure',
    'source sure',
    'rumeur',
    'rumeurs',
    'il se dit',
    'ca se dit',
    'ca circule',
    'ca tourne sur',
    "j'ai entendu dire",
    "j'ai entendu que",
    "j'ai entendu qu'",
    'bruit de couloir',
    'bruits de couloir',
    'radio couloir',
    'officieusement',
    'non officiel',
    'non officielle',
    'non confirme',
    'non confirmee',
    'pas encore confirme',
    "rien d'officiel",
    'il y aurait',
    'il y aurait eu',
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
  `on parle (?:de |d')${NUMBER}`,
  `(?:un |une |ma |mon |mes |des |le |la )(?:collegue|collegues|pote|potes|copine|copines|ami|amie|amis|cousin|cousine|frere|soeur|sœur|beau-frere|belle-soeur|belle-sœur|source|infirmiere|infirmier|interne|cadre|voisin|voisine|mec|gars|pompier|ambulancier) ${gap(5)}(?:dit|disait|m'a dit|m'a ecrit|me dit|nous dit|a dit|affirme|raconte|pretend|jure|parle de|compte)`,
  `on m'a dit|ce qu'on m'a dit|ce qu'on dit|ce qu'on m'a raconte|on m'a raconte|vu sur (?:facebook|fb|twitter|tiktok|insta|les reseaux|un groupe)`,
  `(?:d'apres|selon) (?:une|un|ma|mon|mes|la|le|les|des|l') ?(?:collegue|collegues|cadre|cadres|pote|potes|copine|copines|ami|amie|amis|source|sources|infirmiere|infirmier|interne|internes|medecin|urgentiste|gars|nana|mec|quelqu'un|ambulancier|ambulanciers|pompier|pompiers|flic|flics|cousin|cousine|voisin|voisine|brancardier|secretaire|syndicat|premiers echos|echos|bruits|temoins|rumeurs|reseaux sociaux|reseaux)`,
  `(?:seraient|serait|auraient ete|aurait ete|y aurait|y aurait eu) (?:deja )?(?:morts|mort|decedes|decede|blesses|tues|tue|${NUMBER})`,
);
/** A call to spread the news further makes an unverified figure worse. */
const SHARE_CALL = cues(
  `partagez|faites tourner|faites passer|diffusez|partage max|partagez un max|a partager|fais tourner|fais passer`,
);
/** Telling people where not to go, on the strength of a rumour, is spreading it in deed. */
const STAY_AWAY = cues(
  `n'y allez pas|n'allez pas (?:aux|au|a l'|a la|la-bas|la bas)|ne venez pas|evitez (?:le|la|les|l'|tout le|toute la) (?:secteur|quartier|zone|urgences|chu|ch|hopital|centre|coin)|allez (?:plutot|direct|directement) (?:a|au|aux|vers|sur)`,
);

/** What makes unofficial talk in the post a breach, if anything. */
function unofficialCue(folded: string, staffVoice: boolean): { cue: Cue; hearsay: boolean } | null {
  // The crisis words are the rarest cue: looking for them first spares most posts the rest.
  if (!(staffVoice ? ANY_CRISIS : ACUTE).has(folded)) return null;
  const hearsay = HEARSAY.find(folded);
  if (staffVoice) {
    const cue = hearsay ?? CASUALTIES.find(folded);
    return cue === null ? null : { cue, hearsay: hearsay !== null };
  }
  if (hearsay === null) return null;
  const spread = CASUALTIES.has(folded) || SHARE_CALL.has(folded) || STAY_AWAY.has(folded);
  return spread ? { cue: hearsay, hearsay: true } : null;
}

export const crisisEvaluator: RuleEvaluator = {
  family: 'CRISIS',
  evaluate(input: RuleInput): Finding[] {
    const { doc, spans, ctx } = input;
    const staffVoice = ctx.context === 'staff' || (ctx.context === 'public' && speaksAsStaff(doc.folded));
    const found = unofficialCue(doc.folded, staffVoice);
    if (found === null) return [];
    const { cue } = found;
    const shared = SHARE_CALL.has(doc.folded);
    const why = found.hearsay
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
