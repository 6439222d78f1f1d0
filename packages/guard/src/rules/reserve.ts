/**
 * RESERVE-01: opinions on the employer, hierarchy or colleagues, expressed without restraint
 * ("notre DG est un incompétent", "la direction nous ment", "la cadre sup est une catastrophe",
 * "vivement sa retraite 🤡"). Criticism itself is allowed (a strike call, "nous manquons de
 * moyens"); what the duty of reserve forbids is contempt and insult, so the evaluator needs both
 * a target from the hierarchy and a contemptuous predicate about it.
 * Staff owe reserve, and so do the people who run the establishment's accounts: a reply that
 * sides with a critic against its own management ("entre nous, on est d'accord avec vous : avec
 * une direction qui supprime des lits…") breaks it even without an insult. Members of the public
 * owe none.
 */
import type { Finding } from '../types.js';
import { type Cue, cues, explainCue, firstOf, gap, peopleNear } from './conduct-text.js';
import type { RuleEvaluator, RuleInput } from './evaluator.js';
import { makeFinding } from './finding.js';
import { rememberLast } from './remember-last.js';
import { CONTEMPT, HIERARCHY, INSULT, LABEL } from './reserve-words.js';

const DETERMINER = "(?:notre|nos|mon|ma|mes|le|la|les|cette|ce|ces|sa|son|ses|leur|leurs|ta|ton|tes|l')";
const TARGET = `${DETERMINER} ?(?:nouvelle |nouveau |chere |cher |grande |grand |super )?${HIERARCHY}`;

const COPULA_LABEL = `(?:est|sont|c'est|etait|etaient|=) (?:vraiment |completement |totalement |juste |franchement |clairement |une vraie |un vrai |une pure |un pur )?${LABEL}`;

/** "La direction ment": an accusation, unless it is about lying badly ("elle ment très mal"). */
const LIES = '(?:ment|mentent)(?! (?:tres |si |trop |vraiment )?mal)';
const CONTEMPT_OR_LIES = `(?:${CONTEMPT}|${LIES})`;

const WITH_RESTRAINT_LOST = cues(
  // "notre DG est un incompétent", "la cadre, complètement hors-sol", "la direction nous ment"
  `${TARGET} ${gap(8)}(?:${INSULT}|${CONTEMPT_OR_LIES}|${COPULA_LABEL})`,
  // "mon N+1 ? un tyran."
  `${TARGET} ?${gap(2)}[?!:…]+ ?(?:franchement |clairement |vraiment |juste |carrement )?(?:un |une |des |quel |quelle |la |le )?(?:${INSULT}|${LABEL})`,
  // "bande d'incompétents à la direction", "honte à notre direction"
  `(?:bande d'|bande de |ces |des |les |quel |quelle |quels |quelles )${INSULT} ${gap(2)}(?:de la|de notre|a la|qui nous sert de|qui nous servent de) ${gap(1)}${HIERARCHY}`,
  `(?:honte a|vivement le depart de|vivement la retraite de|degage) ${TARGET}`,
);

/** Contempt said of "il/elle" once the target has been named earlier in the post. */
const PRONOUN_CONTEMPT = cues(
  `(?:il|elle|ils|elles) (?:est|sont|c'est) (?:vraiment |completement |totalement |trop |juste |clairement |qu'un |qu'une |un |une |des )?(?:${INSULT})`,
  `(?:il|elle|ils|elles) ${CONTEMPT_OR_LIES}`,
  `(?:il|elle|ils|elles) ${COPULA_LABEL}`,
  `(?:honte a (?:lui|elle|eux)|vivement (?:sa|leur) (?:retraite|depart|demission|mutation))`,
  `(?:quel |quelle |quels |quelles |espece d'|espece de |bande d'|bande de )${INSULT}`,
  `qu'(?:il|elle|ils|elles) (?:degage|degagent|demissionne|demissionnent|se casse|se cassent)`,
);
const TARGET_ANYWHERE = cues(TARGET);
const HIERARCHY_WORD = cues(HIERARCHY);
/** Asked by both checks of a reply: remembered for the post. */
const namesHierarchy = rememberLast((folded: string): boolean => HIERARCHY_WORD.has(folded));

/**
 * The establishment's own voice siding with a critic ("entre nous", "on est d'accord avec vous")
 * while blaming its management for what it does ("une direction qui supprime des lits").
 */
const SIDING = cues(
  `entre nous|(?:on est|on etait|nous sommes|je suis) (?:bien |tout a fait |entierement |completement |totalement )?d'accord avec vous|vous avez (?:bien |entierement |tout a fait )?raison|on ne va pas se mentir|soyons honnetes|on vous comprend`,
);
/** In such a reply the management is often "une direction qui…": any article will do. */
const ANY_TARGET = `(?:${DETERMINER}|une|un|des) ?(?:nouvelle |nouveau )?${HIERARCHY}`;
const BLAMED = cues(
  // "une direction qui supprime des lits": cutting what care needs...
  `${ANY_TARGET} ${gap(3)}(?:qui )?(?:supprime|suppriment|a supprime|ont supprime|ferme|ferment|a ferme|ont ferme|coupe|coupent|sabre|sabrent|rabote|rabotent|brade|bradent|sacrifie|sacrifient) ${gap(2)}(?:lits|postes|services|moyens|effectifs|budget|budgets|credits|emplois|personnel|soignants|infirmieres|urgences|maternite|equipes|soins)`,
  // ...or failing the staff and the patients
  `${ANY_TARGET} ${gap(3)}(?:qui )?(?:ignore|ignorent|n'ecoute|n'ecoutent|laisse tomber|laissent tomber|abandonne|abandonnent|ne fait rien|ne font rien|ne bouge pas|ne bougent pas|fait des economies sur|font des economies sur|se moque|se moquent|se fiche|se fichent)`,
);

/** Mocking emojis right next to a target ("quand ta direction t'offre un stylo 🖊️🤡"). */
const MOCKING_EMOJI = /(?:\u{1F921}|\u{1F595}|\u{1F4A9})/u;

function mockingEmojiCue(folded: string): Cue | null {
  const emoji = MOCKING_EMOJI.exec(folded);
  if (emoji === null) return null;
  const sentenceStart = Math.max(0, emoji.index - 200);
  const before = folded.slice(sentenceStart, emoji.index);
  const target = TARGET_ANYWHERE.find(before);
  if (target === null) return null;
  return { start: sentenceStart + target.start, end: emoji.index + emoji[0].length };
}

/** The contempt for the hierarchy that the post shows, if any. */
function contempt(folded: string): Cue | null {
  // Every cue names someone of the hierarchy: a post that names nobody is spared the long scans.
  if (!namesHierarchy(folded)) return null;
  const cue = WITH_RESTRAINT_LOST.find(folded);
  if (cue !== null) return cue;
  if (!TARGET_ANYWHERE.has(folded)) return null;
  return PRONOUN_CONTEMPT.find(folded) ?? mockingEmojiCue(folded);
}

/** The establishment's account taking a critic's side against its own management. */
function disloyalReply(folded: string): Cue | null {
  if (!namesHierarchy(folded) || !SIDING.has(folded)) return null;
  return BLAMED.find(folded);
}

export const reserveEvaluator: RuleEvaluator = {
  family: 'RESERVE',
  evaluate(input: RuleInput): Finding[] {
    const { doc, spans, ctx } = input;
    if (ctx.context === 'public') return [];
    let cue = contempt(doc.folded);
    if (ctx.context !== 'staff') cue = firstOf(cue, disloyalReply(doc.folded));
    if (cue === null) return [];
    return [
      makeFinding('RESERVE-01', peopleNear(doc, spans, cue), {
        explanation: explainCue(doc, cue, {
          fr: 'critiquer est permis, mais des mots méprisants envers la direction, la hiérarchie ou des collègues manquent au devoir de réserve et peuvent valoir des sanctions.',
          en: 'criticism is allowed, but contemptuous words about the management, hierarchy or colleagues break the duty of reserve and can lead to sanctions.',
        }),
      }),
    ];
  },
};
