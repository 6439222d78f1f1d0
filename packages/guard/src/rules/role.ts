/**
 * ROLE: who may speak for the establishment.
 * - ROLE-01: a staff member speaks in the name of the hospital or service ("au nom du service",
 *   "en tant qu'IDE du CHU je vous confirme", "message aux familles de la part de l'équipe").
 * - ROLE-02: the disclaimer "ces propos n'engagent que moi", which protects nobody.
 * - ROLE-03: a staff member answers criticism or a rumour about the hospital personally.
 * Institutional and reply accounts are the establishment's own voice, so none of this applies to
 * them; a public post counts only when its author signs as staff ("je bosse là-bas").
 * These rules are about the author's voice, not about anyone the post names, so their findings
 * cite no span.
 */

import type { Finding, GuardContext } from '../types.js';
import {
  type Cue,
  cues,
  explainCue,
  firstOf,
  gap,
  oneOf,
  PROFESSIONS,
  sentenceAround,
  speaksAsStaff,
  WORKPLACES,
} from './conduct-text.js';
import type { RuleEvaluator, RuleInput } from './evaluator.js';
import { makeFinding } from './finding.js';
import { wordList } from './word-lists.js';

const PLACE = oneOf(WORKPLACES);
const PROFESSION = oneOf(PROFESSIONS);
/** Groups a staff member might claim to speak for. */
const COLLECTIVE = oneOf([...WORKPLACES, ...wordList('role-collective')]);

const SPEAKS_FOR_ESTABLISHMENT = cues(
  `au nom (?:de |du |des |d')${gap(2)}${COLLECTIVE}`,
  `(?:je |j')(?:vous )?(?:reponds|parle|m'exprime|ecris|communique|poste|relaie|relaye|transmets|precise) (?:ici )?(?:au nom|pour le compte|pour) (?:de |du |de la |de l'|d'|des )?${gap(2)}${COLLECTIVE}`,
  `en tant qu(?:e |')${PROFESSION} ${gap(2)}(?:du |de l'|de la |des |au |a l'|aux )${gap(2)}${PLACE} ${gap(3)}(?:je |j')(?:vous |te )?(?:le |l')?(?:confirme|certifie|garantis|affirme|dements|demens|assure)`,
  `(?:message|annonce|communique|info|information|avis) (?:important |importante |urgent |urgente |officiel |officielle |pratique )?(?:aux|pour les|a l'attention des|a tous les|a toutes les) (?:familles|patients|patientes|parents|proches|visiteurs|usagers|residents)`,
  `(?:le chu|le ch|l'hopital|la clinique|l'etablissement|le service|la direction|notre service|notre hopital|notre clinique|l'ehpad) (?:tient a|tenait a|tiennent a) (?:preciser|dementir|confirmer|rassurer|apporter un dementi)`,
  `(?:je |j')vous (?:informe|annonce|confirme|precise|garantis|assure) (?:que |qu')${gap(2)}(?:${COLLECTIVE}|visites|consultations|patients|aucun patient|personne n'a|les resultats|la fermeture|la reouverture)`,
  `de la part (?:de|du|des) (?:toute |tout )?(?:l'|la |le |notre )?${COLLECTIVE}`,
  `(?:nous|on) vous (?:informons|annoncons|confirmons|assurons) (?:que|de|qu')`,
  `(?:la direction|le chu|l'hopital|l'etablissement|la clinique) (?:vous )?(?:confirme|dement|certifie) (?:que|qu')`,
);

/**
 * Headings that announce an official text: "Communiqué du service : …". They count only at the
 * head of the post or of a sentence (after an emoji or a "⚠️" at most); "vous le lirez pas dans
 * le communiqué du CHU" only mentions one.
 */
const OFFICIAL_HEADING = cues(
  `(?:communique|message|annonce) (?:officiel |officielle |important |importante |urgent |urgente )?(?:de |du |des |d')(?:toute |tout )?(?:l'|la |le |notre )?(?:equipe|equipe soignante|service|direction|personnel|unite|soignants|medecins)`,
  `(?:reponse|position|declaration|mise au point|communique|precision|precisions) (?:officielle |officiel )?(?:de |du |d')(?:notre |mon |l'|la |le )?${COLLECTIVE}`,
);
const AFTER_SENTENCE_MARK = /[.!?\n][^a-z0-9.!?\n]{0,8}$/u;
const AT_TEXT_START = /^[^a-z0-9.!?\n]{0,8}$/u;

function atHeading(folded: string, cue: Cue): boolean {
  const from = Math.max(0, cue.start - 9);
  const before = folded.slice(from, cue.start);
  return AFTER_SENTENCE_MARK.test(before) || (from === 0 && AT_TEXT_START.test(before));
}

/** Speaking for the team to say thank you or wish a happy new year is not an official position. */
const COURTESY = cues(
  `merci (?:a|aux|pour|de votre|de vos|de ta|de ton|de tes|infiniment|beaucoup|encore|mille fois|du fond|tout le monde|a tous)|un grand merci|bravo|felicitations|remercie|remercions|remercier|gratitude|bonne annee|meilleurs voeux|joyeux noel|joyeuses fetes|bonnes fetes|bonne fete|bon courage|bonne journee|bonne soiree|bon week-end|bonnes vacances|bonne rentree|bienvenue`,
  `merci ?(?:[!.❤]|💙|🙏|$)`,
);

const DISCLAIMER = cues(
  `n'engage(?:nt)? (?:que|qu') (?:moi|ma personne|leur auteur|son auteur|l'auteur|moi-meme)`,
  `n'engage(?:nt)? (?:en rien |pas |nullement )?(?:mon|ma|mes|l'|le|la) ?(?:employeur|etablissement|hopital|hierarchie|service|chu|clinique|direction|boite)`,
  `(?:views|opinions|tweets|posts) (?:are )?(?:my own|mine|personal)`,
  `(?:pas|ni) (?:l'avis|la position|le point de vue|la parole) (?:de |d')(?:mon|ma) (?:employeur|etablissement|hopital|hierarchie|direction)`,
);

/** Softer disclaimers, which only matter when the post is about work. */
const SOFT_DISCLAIMER = cues(
  `avis (?:perso|personnel|purement personnel|tout perso)`,
  `(?:opinion|opinions|propos|tweets|posts) (?:perso|persos|personnels|personnelle|personnelles)`,
  `(?:a|en) titre (?:perso|personnel|prive)`,
  `(?:je parle|je m'exprime|j'ecris) (?:ici )?(?:en mon (?:nom|nom propre|propre nom)|pour moi)`,
  `en mon (?:nom propre|propre nom)`,
);

/** Profession words that are also everyday words ("tu as", "le doc") say nothing about work. */
const UNAMBIGUOUS_PROFESSION = oneOf(
  PROFESSIONS.filter((word) => !['as', 'doc', 'ph', 'agent', 'externe'].includes(word)),
);

const ABOUT_WORK = cues(
  `${PLACE}|${UNAMBIGUOUS_PROFESSION}|employeur|direction|hierarchie|cadre|chef|cheffe|dg|drh|collegues?|patients?|patientes?|gardes?|soignants?|blouse`,
);

const STOP = "(?:arretez|arrete|arretes|stop|stoppez|cessez|merci d'arreter)";

const ANSWERS_CRITICS = cues(
  `${STOP} (?:de |d')(?:la |le |les |l')?(?:colporter|relayer|repandre|propager|inventer|affoler|salir|denigrer|deformer|fantasmer|raconter n'importe quoi|raconter des (?:horreurs|mensonges|salades|conneries|betises)|dire n'importe quoi|dire des (?:horreurs|mensonges|conneries|betises))`,
  `(?:je bosse|je travaille|j'bosse|jbosse|je suis ${PROFESSION}) ${gap(3)}(?:la-bas|la bas|labas|dedans|dans ce service|dans cet hopital|dans ce chu|ici) ${gap(1)}(?:et|,)? ?(?:je peux (?:vous |te )?(?:le )?(?:dire|assurer|garantir|confirmer|affirmer)|c'est faux|croyez-moi|crois-moi|franchement)`,
  `(?:les gens|ceux|celles|vous|tous ceux|toutes celles) qui (?:ralent|critiquent|se plaignent|chouinent|crachent|balancent|colportent|racontent n'importe quoi|inventent|salissent|denigrent|tapent sur)`,
  `(?:pour |je |j')(?:repondre|reponds|reponse) (?:a |aux |au )${gap(2)}(?:critiques?|attaques?|rumeurs?|accusations?|article|detracteurs|haters|journaliste|journalistes|polemique|ce monsieur|cette dame|cette personne|ceux qui|celles qui|les gens qui|commentaires (?:haineux|negatifs|mensongers|injustes|sous l'article|sur le chu|sur l'hopital))`,
  `(?:les gens|ceux|celles|vous) qui (?:laissent|mettent|postent|ecrivent|balancent) (?:des |un |une |leurs |vos )?(?:avis|commentaires|notes?|critiques) (?:negatifs?|haineux|assassins?|mechants?|mensongers?|injustes?|(?:a |de )?(?:1|une) etoiles?)`,
  `avant de (?:critiquer|juger|raler|vous plaindre|cracher|balancer|l'ouvrir|la ramener|nous juger|nous critiquer|nous tomber dessus)`,
  `(?:venez|viens|venez donc) (?:faire|passer|bosser|travailler) (?:une|un|une seule|juste une) (?:nuit|garde|journee|jour|semaine|shift|we|week-end|matinee)`,
  `(?:votre|ton|cet|cette|ce|leur) (?:article|reportage|post|publication|video|papier|torchon|emission|enquete) ${gap(8)}(?:mensonges?|mensonger|faux|fausse|diffamatoire|n'importe quoi|honteu(?:x|se)|a charge)`,
  // "Je suis l'infirmière de nuit dont vous parlez": the criticised staff member answers
  `(?:je suis|c'est moi|moi,? c'est) ${gap(6)}(?:dont vous parlez|dont tu parles|dont parle (?:votre|ton|cet|ce|cette|l') ?(?:avis|post|article|commentaire|message|publication)|que vous (?:accusez|critiquez|mettez en cause|visez|citez|nommez|decrivez)|que tu (?:accuses|critiques|mets en cause|vises|cites|decris))`,
  // Justifying the wait to the person who complained of it
  `(?:vous|tu) n'(?:etiez|etais|etait) (?:pas|absolument pas) (?:prioritaire|prioritaires|une urgence|urgent|urgente|en danger)`,
  `(?:votre|ton|ta|vos|tes) [a-z]+ (?:pouvait|pouvaient) (?:largement |bien |tres bien )?attendre`,
);

/**
 * "C'est faux", "arrêtez de dire…" are corrections; they are ROLE-03 only when they answer talk
 * about the hospital ("arrêtez de partager vos mots de passe" is a safety reminder).
 */
const CORRECTION = cues(
  `${STOP} (?:de |d')(?:la |le |les |l')?(?:raconter|dire|ecrire|partager|balancer|critiquer|cracher|mentir|faire peur|bavasser|juger)`,
  `(?:c'est|c est|cest|tout ca c'est|ce sont) (?:totalement |completement |archi |archi-|absolument |tellement |vraiment |du )?(?:faux|n'importe quoi|grand n'importe quoi|des conneries|des mensonges|du mensonge|un mensonge|mensonger|une fake news|une fake|fake|une intox|de l'intox|une rumeur|des rumeurs|du pipeau|des bobards|bidon|un tissu de mensonges)`,
  `(?:rumeur|rumeurs|info|infos|information|article|post|video|histoire) ${gap(5)}(?:est|sont|c'est) (?:totalement |completement |archi |absolument )?(?:fausse|fausses|faux|mensongere|mensongeres|bidon|inventee|inventees|infondee|infondees)`,
  `(?:tissu de mensonges|fake news|fausse information|fausses informations|fausse info|fausses infos|intox|desinformation)`,
  // "vous racontez n'importe quoi", "tu inventes des horreurs": the critic told they are lying (joking between
  // friends too, hence only with talk of the hospital or an insider's claim)
  `(?:vous|tu) (?:racontez|racontes|dites|dis|ecrivez|ecris|inventez|inventes|balancez|balances|colportez|colportes|repetez|repetes) (?:vraiment |encore |juste |que )?(?:n'importe quoi|du grand n'importe quoi|des betises|des mensonges|des conneries|des salades|des horreurs|des idioties|des aneries|des bobards)`,
  `(?:vous|tu) (?:mentez|mens|affabulez|affabules|exagerez|exageres|deformez|deformes|inventez|inventes)|(?:ce n'est pas|c'est pas|c est pas|cest pas) (?:vrai|la verite|ce qui s'est passe)`,
);
const ABOUT_HOSPITAL_TALK = cues(
  `rumeurs?|article|articles|journaliste|journalistes|(?:sur|dans) (?:ce|le|les|votre|ton|vos|tes|des|ces) groupes?|commentaires?|ce post|cette publication|ceux qui|celles qui|les gens qui|(?:notre|mon|ce|cet|cette|le|la|l') ?${PLACE}|la-bas|la bas|labas`,
);

/**
 * An insider's claim to know better ("j'y bosse", "j'étais de garde ce soir-là"): with a
 * correction, it turns a comment into a staff member answering for the hospital.
 */
const INSIDER = cues(
  `j'y (?:bosse|travaille|suis|etais|taffe)|j'etais (?:de garde|de nuit|de service|de jour|la|present|presente) (?:ce soir-la|cette nuit-la|ce jour-la|ce soir la|cette nuit la|ce jour la)|(?:je bosse|je travaille|j'bosse|jbosse) (?:la-bas|la bas|labas|dedans|aux urgences|dans ce service|dans cet hopital|dans ce chu)`,
);
const DENIAL = cues(
  `personne n'a|personne na|aucun patient|aucune patiente|c'est faux|c'est pas vrai|pas vrai|n'importe quoi|je peux (?:vous |te )?(?:le )?(?:dire|assurer|garantir|confirmer|affirmer)|jamais vu ca|ca ne se passe pas|ca se passe pas`,
);

function staffVoice(context: GuardContext, folded: string): boolean {
  if (context === 'staff') return true;
  return context === 'public' && speaksAsStaff(folded);
}

function speaksForEstablishment(input: RuleInput): Finding[] {
  const { doc } = input;
  const { folded } = doc;
  const cue = firstOf(
    SPEAKS_FOR_ESTABLISHMENT.find(folded),
    OFFICIAL_HEADING.findWhere(folded, (found) => atHeading(folded, found)),
  );
  if (cue === null) return [];
  const sentence = sentenceAround(folded, cue);
  if (COURTESY.has(folded.slice(sentence.start, sentence.end))) return [];
  return [
    makeFinding('ROLE-01', [], {
      explanation: explainCue(doc, cue, {
        fr: "vous parlez au nom de l'établissement ou de votre service. Les lecteurs y verront une position officielle, que seul le service communication peut donner.",
        en: 'you speak in the name of the establishment or your department. Readers will take it as an official position, which only the communication department may give.',
      }),
    }),
  ];
}

function disclaims(input: RuleInput): Finding[] {
  const { doc } = input;
  let cue: Cue | null = DISCLAIMER.find(doc.folded);
  if (cue === null) {
    const soft = SOFT_DISCLAIMER.find(doc.folded);
    if (soft !== null && ABOUT_WORK.has(doc.folded)) cue = soft;
  }
  if (cue === null) return [];
  return [
    makeFinding('ROLE-02', [], {
      explanation: explainCue(doc, cue, {
        fr: "cette mention ne vous protège pas. Les lecteurs font le lien avec votre lieu de travail, et le secret, la discrétion et la réserve s'appliquent toujours.",
        en: 'this disclaimer does not protect you. Readers link you to your workplace, and secrecy, discretion and reserve still apply.',
      }),
    }),
  ];
}

function answersCritics(input: RuleInput): Finding[] {
  const { doc } = input;
  const { folded } = doc;
  let cue = ANSWERS_CRITICS.find(folded);
  if (cue === null) {
    const insider = INSIDER.has(folded);
    const correction = CORRECTION.find(folded);
    if (correction !== null && (insider || ABOUT_HOSPITAL_TALK.has(folded))) cue = correction;
    else if (insider) cue = DENIAL.find(folded);
  }
  if (cue === null) return [];
  return [
    makeFinding('ROLE-03', [], {
      explanation: explainCue(doc, cue, {
        fr: "vous répondez vous-même à une critique ou à une rumeur sur l'hôpital. Cela relance souvent la polémique et vous expose ; c'est au service communication de décider s'il faut répondre.",
        en: 'you answer criticism or a rumour about the hospital yourself. That often fuels the controversy and exposes you; the communication department decides whether to answer.',
      }),
    }),
  ];
}

export const roleEvaluator: RuleEvaluator = {
  family: 'ROLE',
  evaluate(input: RuleInput): Finding[] {
    if (!staffVoice(input.ctx.context, input.doc.folded)) return [];
    return [...speaksForEstablishment(input), ...disclaims(input), ...answersCritics(input)];
  },
};
