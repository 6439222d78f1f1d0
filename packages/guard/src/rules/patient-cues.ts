import type { GuardDocument } from '../text/document.js';
import { FOLDED_WORD_CHARS } from '../text/fold.js';
import { rememberLast } from './remember-last.js';

/**
 * Words that point at a third person who may be a patient, without naming them: "le patient",
 * "la dame de la 12", "un cycliste de 52 ans", "le fils du pharmacien". Regexes over folded
 * text; linear (no nested quantifiers).
 */

const DETERMINER =
  "(?:le|la|l'|un|une|d'un|d'une|mon|ma|notre|nos|mes|cette|ce|cet|ses|les|des|du|au|aux|deux|trois|quatre|plusieurs)";
const PATIENT_NOUN =
  '(?:patiente?s?|malades?|papy|papi|mamie|mamy|dame|monsieur|petite?|gamine?|bebes?|nourrisson|nouveau-ne|ado|adolescente?s?|residente?s?|jeune(?: homme| femme| fille)?|femme|homme|garcon|fille|fils|voisine?|prof|maire|ministre|depute|prefet|joueur|ailier|attaquant|footballeur|rugbyman|chanteuse?|acteur|actrice|star|influenceuse?|animateur|animatrice|presentateur|presentatrice|cycliste|motard|pieton|pietonne|conducteur|conductrice|chauffeur|pompier|policier|policiere|gendarme|detenu|detenue|doyenne?|quadruples|jumeaux|triples|parturiente|accouchee|brule|blesses?|victimes?|polytrauma|sdf|migrant|migrante|mecs?|nana|meuf|gars|type|client|cliente|belle-soeur|beau-frere|belle-mere|beau-pere|cousine?|tante|oncle|ex|collegue|copine|copain|amie?|pote|patronne?|institutrice|instituteur|maitresse|boulangere?|pharmacienne?|facteur|gardienne?|reine|roi|proprio|patron)';
// One adjective may come between ("la seule mamie", "notre petite patiente"); a bare
// "patiente 52 ans" in clinical shorthand counts too.
const THIRD_PARTY = new RegExp(
  `(?<![${FOLDED_WORD_CHARS}])(?:${DETERMINER} (?:[a-z']{3,12} )?${PATIENT_NOUN}|patiente?s? (?=\\d|de \\d))(?![${FOLDED_WORD_CHARS}])`,
  'gu',
);

/** The author's own close family: speaking of them is the author's own business. */
const OWN_FAMILY = /^(?:mon|ma|mes) (?:pere|mere|mari|femme|fils|fille|bebe|petite?|garcon)$/u;
/** "les patients", "nos résidents": people in general, not someone who can be recognised. */
const GENERIC_PLURAL = /^(?:les|des|nos|mes|ses|aux|plusieurs) (?:[a-z]{3,12} )?[a-z-]+s$/u;

export interface ThirdParty {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** A group in general ("les patients") rather than a person or a counted few ("deux ados"). */
  readonly generic: boolean;
}

/** Offsets of third-party references in the text (computed once per text: several rules ask). */
export function thirdPartyMentions(doc: GuardDocument): readonly ThirdParty[] {
  return thirdPartiesOf(doc.folded);
}

const thirdPartiesOf = rememberLast((folded: string): ThirdParty[] => {
  const found: ThirdParty[] = [];
  for (const match of folded.matchAll(THIRD_PARTY)) {
    if (OWN_FAMILY.test(match[0])) continue;
    const generic = GENERIC_PLURAL.test(match[0]);
    found.push({ start: match.index, end: match.index + match[0].length, text: match[0], generic });
  }
  return found;
});

/** Third parties who can be singled out: a person, or a counted few. */
export function specificThirdParties(doc: GuardDocument): ThirdParty[] {
  return thirdPartyMentions(doc).filter((mention) => !mention.generic);
}

/** The text says the identity was disguised: a changed name, initials, a blurred face. */
export const DISGUISE =
  /(?:(?:prenom|nom|prenoms|noms|details?|identite)s? (?:a|ont) ete (?:change|modifie)s?|pas (?:son|sa) vrai(?:e)? (?:prenom|nom|identite)|je l'appelle [a-z]+ ici|appelons-(?:la|le)|on va l'appeler|je (?:dis|donne|cite|citerai|donnerai|dirai) (?:pas|aucun|jamais) (?:son |de |le )?noms?|sans (?:donner|citer|dire) (?:de |son |le )?noms?|vous (?:voyez|verrez|reconnaitrez) (?:qui|de qui)|tout le monde (?:voit|saura|sait|reconnaitra) (?:qui|de qui)|(?:photo|video|visage|image)s? floutee?s?|(?:prenom|nom)s? (?:modifies?|changes?|fictifs?|inventes?)|(?:change|modifie) (?:le |les |son |ses )?(?:prenom|nom|details?)|nom d'emprunt|prenom d'emprunt|initiales? pour (?:preserver|proteger|garder)|pour (?:l'|son |preserver (?:l'|son ))anonymat|visage (?:a ete )?floute|j'ai floute|on a floute|floute (?:la|le|son|sa)|anonymise|les details ont ete changes)/u;

/**
 * Consent of one parent for a child: the law asks for both parents (C. civ. 372-1), so it does
 * not make a baby's picture or story publishable.
 */
export const SINGLE_PARENT_CONSENT =
  /(?:accord|autorisation|consentement) (?:de |d')?(?:sa|son) (?:maman|mere|papa|pere)(?! et )/u;

/** Written, specific consent stated in the post. */
export const CONSENT =
  /(?:publiee? avec l'accord|accepte(?:e|s|es)? par ecrit|(?:ont|a) (?:tous les deux |toutes les deux |bien )?accepte (?:par ecrit|que|de)|avec (?:leur|son|sa) accord|a accepte de (?:temoigner|partager|nous|poser|etre)|ont accepte de|avec (?:son|leur|sa) (?:accord|autorisation|consentement)|accord ecrit|consentement (?:ecrit|eclaire)|avec l'accord|autorise(?:e|s)? (?:la|cette) (?:publication|diffusion)|a souhaite (?:temoigner|partager))/u;

/** Public figures and people in the news. */
export const VIP =
  /(?<![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])(?:(?:adjointe? au )?maire|ministre|deputee?|prefete?|senatrice|senateur|le president|la presidente|chanteur|chanteuse|acteur|actrice|footballeur|joueur|joueuse|ailier|attaquant|rugbyman|star|celebrite|influenceur|influenceuse|animateur|animatrice|presentateur|presentatrice|youtubeur|sportif|sportive|champion|championne|il joue (?:au|a l'|a la|en)|elle joue (?:au|a l'|a la|en)|il porte le \d+|devinez qui|incognito|people|celebre|connue? de tous)(?![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])/u;

/** News events whose victims are identifiable. */
export const NEWS_EVENT =
  /(?<![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])(?:l'accident (?:de|du|sur|d')|accident de (?:scooter|moto|car|bus|voiture|velo|la route)|l'attentat|attentat|la fusillade|l'incendie (?:de|du)|l'explosion|l'agression (?:de|du)|tombee? du \d|percutee? par|renversee? par|les blesses|noyade|la rixe|le drame)(?![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])/u;

/** Places where patient information is falsely believed to be safe. */
export const CLOSED_CIRCLE =
  /(?:compte prive|groupe (?:prive|ferme|secret|messenger|whatsapp|facebook prive|d'internes|des internes)|close friends?|amis proches|story (?:privee|amis)|en story privee|entre nous|groupe [«"][^»"]{1,40}[»"]|whatsapp|messenger|snap prive)/u;

/** The post carries or announces a picture or a video. */
export const PICTURE =
  /(?:📸|🎥|📷|🤳|📹|(?<![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f])(?:photos?|selfies?|videos?|reportage|en images|filmee?s?|filmer|tiktok|reels?|story|stories|pov|live|visage floute|floutee?)(?![a-z0-9\u00b5\u00df-\u00f6\u00f8-\u024f]))/u;

/** First person speaking of their own care ("j'ai été opérée", "je suis enceinte"). */
export const SELF_CARE =
  /(?:^|[^\p{L}])(?:j'ai (?:ete|eu|fait)|je suis|j'etais|je sors|jsuis|mon (?:operation|accouchement|cancer|traitement|sejour|hospitalisation)|ma (?:grossesse|chimio|greffe|fracture|cesarienne)|moi-meme|accouchee il y a)/u;
