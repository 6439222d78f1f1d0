import type { GuardDocument } from '../text/document.js';

/**
 * Words that point at a third person who may be a patient, without naming them: "le patient",
 * "la dame de la 12", "un cycliste de 52 ans", "le fils du pharmacien". Regexes over folded
 * text; linear (no nested quantifiers).
 */

const DETERMINER = "(?:le|la|l'|un|une|mon|ma|notre|nos|mes|cette|ce|cet|ses|les|des|du|au|deux|trois)";
const PATIENT_NOUN =
  '(?:patiente?s?|malades?|papy|papi|mamie|mamy|dame|monsieur|petite?|gamine?|bebes?|nourrisson|nouveau-ne|ado|adolescente?s?|residente?s?|jeune(?: homme| femme| fille)?|femme|homme|garcon|fille|fils|voisine?|prof|maire|ministre|depute|prefet|joueur|ailier|attaquant|footballeur|rugbyman|chanteuse?|acteur|actrice|star|influenceuse?|animateur|animatrice|presentateur|presentatrice|cycliste|motard|pieton|pietonne|conducteur|conductrice|chauffeur|pompier|policier|policiere|gendarme|detenu|detenue|doyenne?|quadruples|jumeaux|triples|parturiente|accouchee|brule|blesses?|victimes?|polytrauma|sdf|migrant|migrante|mecs?|nana|meuf|gars|type|client|cliente)';
const THIRD_PARTY = new RegExp(`(?<![\\p{L}])${DETERMINER} ${PATIENT_NOUN}(?![\\p{L}])`, 'gu');

/** The author's own close family: speaking of them is the author's own business. */
const OWN_FAMILY = /^(?:mon|ma|mes) (?:pere|mere|mari|femme|fils|fille|bebe|petite?|garcon)$/u;

/** Offsets of third-party references in the text. */
export function thirdPartyMentions(doc: GuardDocument): { start: number; end: number; text: string }[] {
  const found: { start: number; end: number; text: string }[] = [];
  for (const match of doc.folded.matchAll(THIRD_PARTY)) {
    if (OWN_FAMILY.test(match[0])) continue;
    found.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
  }
  return found;
}

/** The text says the identity was disguised: a changed name, initials, a blurred face. */
export const DISGUISE =
  /(?:(?:prenom|nom|prenoms|noms|details?|identite)s? (?:a|ont) ete (?:change|modifie)s?|(?:prenom|nom)s? (?:modifies?|changes?|fictifs?|inventes?)|(?:change|modifie) (?:le |les |son |ses )?(?:prenom|nom|details?)|nom d'emprunt|prenom d'emprunt|initiales? pour (?:preserver|proteger|garder)|pour (?:l'|son |preserver (?:l'|son ))anonymat|visage (?:a ete )?floute|j'ai floute|on a floute|floute (?:la|le|son|sa)|anonymise|les details ont ete changes)/u;

/** Written, specific consent stated in the post. */
export const CONSENT =
  /(?:a accepte de (?:temoigner|partager|nous|poser|etre)|ont accepte de|avec (?:son|leur|sa) (?:accord|autorisation|consentement)|accord ecrit|consentement (?:ecrit|eclaire)|avec l'accord|autorise(?:e|s)? (?:la|cette) (?:publication|diffusion)|a souhaite (?:temoigner|partager))/u;

/** Public figures and people in the news. */
export const VIP =
  /(?<![\p{L}])(?:le maire|la maire|m\. le maire|monsieur le maire|le ministre|la ministre|le depute|la deputee?|le prefet|la prefete|le senateur|le president|la presidente|chanteur|chanteuse|acteur|actrice|footballeur|joueur|joueuse|ailier|attaquant|rugbyman|star|celebrite|influenceur|influenceuse|animateur|animatrice|presentateur|presentatrice|youtubeur|sportif|sportive|champion|championne|il joue (?:au|a l'|a la|en)|elle joue (?:au|a l'|a la|en)|devinez qui|incognito|people)(?![\p{L}])/u;

/** News events whose victims are identifiable. */
export const NEWS_EVENT =
  /(?<![\p{L}])(?:l'accident (?:de|du|sur|d')|accident de (?:scooter|moto|car|bus|voiture|velo|la route)|l'attentat|attentat|la fusillade|l'incendie (?:de|du)|l'explosion|l'agression (?:de|du)|tombee? du \d|percutee? par|renversee? par|les blesses|noyade|la rixe|le drame)(?![\p{L}])/u;

/** Places where patient information is falsely believed to be safe. */
export const CLOSED_CIRCLE =
  /(?:compte prive|groupe (?:prive|ferme|secret|messenger|whatsapp|facebook prive|d'internes|des internes)|close friends?|amis proches|story (?:privee|amis)|en story privee|entre nous|groupe [«"][^»"]{1,40}[»"]|whatsapp|messenger|snap prive)/u;

/** The post carries or announces a picture or a video. */
export const PICTURE =
  /(?:sur la photo|en photo|sa photo|la photo|les photos|photo de|📸|🎥|📷|🤳|selfie|video|reportage|en images|filme|filmee|tiktok|reel|story)/u;

/** First person speaking of their own care ("j'ai été opérée", "je suis enceinte"). */
export const SELF_CARE =
  /(?:^|[^\p{L}])(?:j'ai (?:ete|eu|fait)|je suis|j'etais|je sors|jsuis|mon (?:operation|accouchement|cancer|traitement|sejour|hospitalisation)|ma (?:grossesse|chimio|greffe|fracture|cesarienne)|moi-meme|accouchee il y a)/u;
