/**
 * The language of defamatory allegations (DEFAM-01): a precise fact that harms someone's honour
 * or standing (loi 1881 art. 29), as opposed to an opinion ("il est nul") or an insult
 * ("connard"), which RESPECT-01 covers. Families of facts: killing or letting die, botched care
 * with a grave outcome, covering it up, working drunk or high, stealing (from patients, from the
 * drug cabinet), fraud and selling patients' data, violence and abuse, sexual misconduct, refusal
 * of care out of prejudice, a career won or lost by misconduct, falsified records.
 *
 * Verb forms only, never bare nouns: "il maltraite les résidents" is an allegation, "journée
 * contre la maltraitance" is a campaign. Hearsay ("ma cousine l'a vu", "tout le monde le sait")
 * is found apart: it does not excuse an allegation, it marks one.
 */

import { WORD_START } from '../text/words.js';
import {
  AT_WORK,
  DISCRIMINATED,
  DRUG_STORE,
  DRUNK,
  DRUNK_KEY,
  GRAVE_CARE,
  STOLEN,
  THEFT_OBJECT,
  THEFT_VERB,
  VICTIM,
} from './allegation-words.js';
import { anyOf, gap, type Hit, type LabelledHit, phraseFamily, scanFamily } from './phrase-family.js';
import { rememberLast } from './remember-last.js';

/** `drunk` and `killed` must not be the author speaking of themselves ("je suis bourrée", "ça m'a tué"). */
type AllegationSign = 'fact' | 'drunk' | 'killed' | 'hearsay';

// A determiner with its space, or an elided one ("l'infirmière").
const DET = `(?:${anyOf(['les', 'des', 'ses', 'mon', 'ma', 'mes', 'un', 'une', 'le', 'la', 'notre', 'nos', 'leur', 'leurs', 'son', 'sa', 'cette', 'ce', 'cet'])} |l')`;

const ALLEGATIONS = phraseFamily<AllegationSign>([
  // Killing or letting die.
  ['killed', `a tue ${DET}[a-z]+`, 'tue'],
  [
    'fact',
    '(?:tue|tuee|mort|morte|decede|decedee) (?:par|a cause de) (?:son|sa|leur) (?:incompetence|negligence|faute|erreur)',
    'incompetence|negligence|faute|erreur',
  ],
  [
    'fact',
    `(?:a|ont|l'a|les a) laisse ${gap(3)}(?:mourir|crever|agoniser)|laisse (?:mourir|crever|agoniser) ${DET}[a-z]+|(?:a|ont) (?:cause|provoque) (?:la mort|le deces)|responsables? (?:de la mort|du deces)`,
    'mourir|crever|agoniser|mort|deces',
  ],
  // Botched care with a grave outcome, and covering it up.
  [
    'fact',
    `(?:a|ont|avait) (?:rate|loupe|foire|bacle|sabote|massacre) ${GRAVE_CARE}`,
    'rate|loupe|foire|bacle|sabote|massacre',
  ],
  [
    'fact',
    "(?:a|ont|l'a|les a) (?:charcute|charcutee|bousille|bousillee|estropie|estropiee|mutile|mutilee|defigure|defiguree|rendue? (?:aveugle|paralytique|infirme|handicapee?|sourde?))",
    'charcute|charcutee|bousille|bousillee|estropie|estropiee|mutile|mutilee|defigure|defiguree|rendue?',
  ],
  [
    'fact',
    '(?:a|ont|avait) fait tomber (?:un|le|mon|ma|son|sa|leur|notre|une|la) (?:bebe|nouveau-ne|nourrisson|patiente?|residente?|enfant|petit|petite)',
    'tomber',
  ],
  [
    'fact',
    "(?:a|ont|avait) oublie (?:une|un|des|deux|2|sa|son) (?:compresses?|pinces?|instruments?|champs?|ciseaux|aiguilles?|drains?) (?:dans|a l'interieur)",
    'oublie',
  ],
  [
    'fact',
    "s'est trompee? de (?:cote|jambe|bras|oeil|rein|patiente?|dose|medicament|bebe|poche|groupe sanguin)|(?:a|ont) (?:inverse|echange) (?:les|deux) (?:bebes|patients|patientes|dossiers|poches|prelevements)",
    'trompee?|inverse|echange',
  ],
  [
    'fact',
    "(?:a|ont|avait|avaient) (?:etouffe|cache|enterre|camoufle|couvert|maquille) (?:l'affaire|le scandale|l'erreur|les erreurs|l'incident|le deces|la mort|les faits|la verite|tout ca)|cache (?:les |ses |leurs )(?:erreurs|complications|deces|morts)",
    'etouffe|cache|enterre|camoufle|couvert|maquille',
  ],
  // Drunk or high at work; "bourré de monde" is not drunk.
  [
    'drunk',
    `${AT_WORK} (?:toujours |souvent |encore |completement |tout le temps |parfois |des fois |limite |carrement |bien )?${DRUNK}(?! d[e'])`,
    DRUNK_KEY,
  ],
  [
    'fact',
    "(?:haleine|bouche) qui (?:sent|pue|schlingue|empeste) (?:l'alcool|le whisky|le vin|la vinasse|le pinard|le rhum|le pastis|la biere)|sent(?:ait)? (?:l'alcool|le whisky|la vinasse|le pinard) (?:au|en|pendant|a)",
    'haleine|bouche|sent|sentait',
  ],
  [
    'fact',
    '(?:picole|boit|buvait|picolait|se bourre) (?:au|en|pendant|avant) (?:le |la |les )?(?:travail|boulot|taf|garde|gardes|service|bloc|poste|operation)',
    'picole|boit|buvait|picolait|bourre',
  ],
  [
    'drunk',
    "se (?:drogue|droguer|droguait|came|camer|camait|shoote|shooter|shootait|pique|piquer|piquait)(?! (?:de |d'|au cafe|a l'eau|au sport))|(?:sniffe|sniffer|sniffait) (?:de la|des|sa|une)|(?:prend|prenait|prennent) de la (?:coke|cocaine|ketamine|morphine|drogue|md)|(?:tourne|tournait) a la (?:coke|morphine|ketamine)|accro (?:a la|aux) (?:morphine|coke|opiaces|benzos)",
    'drogue|droguer|droguait|came|camer|camait|shoote|shooter|shootait|pique|piquer|piquait|sniffe|sniffer|sniffait|coke|cocaine|ketamine|morphine|md|accro',
  ],
  // Theft: from the drug cabinet, from patients, from the till.
  [
    'fact',
    `(?:pique|piquait|piquent|vole|volait|volent|detourne|detournait|se sert|se servait|se servent|pioche|piochait|tape|tapait|puise|puisait|fauche|fauchait|siphonne) (?:dans |de |a )?${DRUG_STORE}`,
    THEFT_VERB,
  ],
  [
    'fact',
    `(?:vole|volait|volent|a vole|pique|piquait|pioche|piochait|piochent|se sert|se servait|se servent|tape|tapait|tapent|puise|puisait|fouille|fouillait) (?:dans )?${THEFT_OBJECT}`,
    THEFT_VERB,
  ],
  [
    'fact',
    `(?:vole|volait|a vole|depouille|depouillait|arnaque|arnaquait|escroque|escroquait|rackette|ruine) ${DET}(?:${VICTIM}|clients|familles)`,
    'vole|volait|depouille|depouillait|arnaque|arnaquait|escroque|escroquait|rackette|ruine',
  ],
  [
    'fact',
    `(?:a vole|ont vole|volait|volaient|vole|volent|a pique|piquait|a derobe|ont derobe|derobait|a embarque|a fauche) (?:la |le |les |l'|des |un |une |mon |ma |mes |son |sa |ses |leur |leurs )${STOLEN}`,
    'vole|volait|volaient|volent|pique|piquait|derobe|derobait|embarque|fauche',
  ],
  ['fact', '(?:a|ont|avait) derobe|derobait|derobaient', 'derobe|derobait|derobaient'],
  // The infinitive after a verb of habit or licence ("laisse ses aides-soignantes voler les
  // bijoux", "passe son temps à piquer l'argent des résidents"), and the thief pointed at
  // ("c'est elle qui l'a volée", "qui les a revendus").
  [
    'fact',
    `(?:voler|piquer|derober|faucher|depouiller|racketter) ${DET}(?:${STOLEN}|affaires|economies|cartes? bleues?|chequiers?)`,
    'voler|piquer|derober|faucher|depouiller|racketter',
  ],
  [
    'fact',
    "qui (?:l'a|les a|l'ont|les ont|l'avait|les avait) (?:volee?s?|piquee?s?|derobee?s?|embarquee?s?|fauchee?s?|revendue?s?)",
    'volee?s?|piquee?s?|derobee?s?|embarquee?s?|fauchee?s?|revendue?s?',
  ],
  // Undeclared cash: "se fait payer ses dépassements en liquide", "sous le manteau".
  [
    'fact',
    `(?:se fait|se faisait|se font|se faisaient|se fait toujours) payer ${gap(3)}(?:en liquide|en especes|en cash|au black|au noir|sous le manteau|de la main a la main)|sous le manteau|(?:exige|exigeait|demande|demandait|reclame|reclamait|prend|prenait) (?:du |des |un |une )?(?:liquide|especes|cash|billets?|enveloppes?) (?:en plus|par-dessus|par dessus|sous la table|en douce|pour (?:passer|operer|avoir|etre))`,
    'payer|manteau|liquide|especes|cash|billets?|enveloppes?',
  ],
  // Fraud, corruption, selling patients' data.
  [
    'fact',
    "(?:est|etait|sont|c'est|c'etait|ce sont|que des|qu'un|qu'une|un vrai|une vraie|de vrais|quel|quelle|sale|espece d') (?:un |une |des )?(?:gros |grosse |vrai |vraie |sacre |sacree )?(?:escroc|arnaqueu(?:r|se)|charlatan|voleu(?:r|se)|fraudeu(?:r|se)|escrocs|arnaqueurs|charlatans|voleurs)|escroquerie|detournement de fonds|detourne (?:de l'argent|des fonds|les dons|l'argent)|malversations?|corrompue?|pots?[- ]de[- ]vin|dessous[- ]de[- ]table|au noir|sans (?:recu|facture)|fraude (?:a |la |l')",
    'escrocs?|escroquerie|arnaqueurs?|arnaqueuse|charlatans?|voleurs?|voleuse|fraudeurs?|detournement|detourne|malversations?|corrompue?|pots?|dessous|noir|recu|facture|fraude|fraudeur|fraudeuse',
  ],
  [
    'fact',
    "revend(?:ait|ent|aient)? (?:les |des |nos |vos |leurs |ses )?(?:dossiers|donnees|fichiers|infos|informations|coordonnees|medicaments|medocs|stupefiants|stups|morphine|ordonnances|arrets de travail)|vend(?:ent|ait)? (?:les|nos|vos|leurs|ses) (?:donnees|dossiers|fichiers)|marche noir|trafic (?:de|d') ?(?:medicaments|medocs|drogue|stupefiants|ordonnances|organes)|deale|dealait",
    'revend(?:ait|ent|aient)?|vend(?:ent|ait)?|marche|trafic|deale|dealait',
  ],
  [
    'fact',
    '(?:touche|touchent|touchait|recoit|recoivent) (?:des |de l.)?(?:commissions|pots-de-vin|enveloppes|retrocommissions|cadeaux|argent) (?:des|de|du) (?:labos?|laboratoires?|pharma)|(?:paye|payes|payee?s?|achete|achetes) par (?:les|des) labos',
    'labos?|laboratoires?|pharma',
  ],
  [
    'fact',
    '(?:faux|fausses?) (?:certificats?|arrets?|ordonnances?|diplomes?|comptes rendus)|fait des faux|falsifie|falsifiait|falsification',
    'faux|fausses?|falsifie|falsifiait|falsification',
  ],
  [
    'fact',
    '(?:reecrit|reecrivait|modifie|trafique|maquille|maquillait|trafiquait|bidonne|gonfle|truque) (?:les |ses |le |son |leurs )(?:comptes rendus|compte rendu|dossiers?|cr|transmissions|erreurs|chiffres|statistiques|stats|factures)',
    'reecrit|reecrivait|modifie|trafique|maquille|maquillait|trafiquait|bidonne|gonfle|truque',
  ],
  [
    'fact',
    'surfacture|facture des actes (?:fictifs|non faits|jamais faits)|actes fictifs',
    'surfacture|actes',
  ],
  // Violence and abuse.
  [
    'fact',
    'maltraite|maltraitent|maltraitait|maltraitaient|a maltraite|ont maltraite|maltraitee?s?|brutalise|brutalisait|a brutalise',
    'maltraite|maltraitent|maltraitait|maltraitaient|maltraitee?s?|brutalise|brutalisait',
  ],
  [
    'fact',
    `(?:frappe|frappait|a frappe|gifle|giflait|a gifle|bouscule|a bouscule|secoue|secouait|attache|attachait|enferme|enfermait|humilie|humiliait|a humilie|insulte|insultait|a insulte|agresse|a agresse|menace|a menace|tabasse|a tabasse|se moque|se moquait|se filme en se moquant|se filmait en se moquant|crache sur) ${DET}(?:(?:petite?|vieille?|vieux|pauvre) )?(?:${VICTIM})`,
    'frappe|frappait|gifle|giflait|bouscule|secoue|secouait|attache|attachait|enferme|enfermait|humilie|humiliait|insulte|insultait|agresse|menace|tabasse|moque|moquait|filme|filmait|crache',
  ],
  [
    'fact',
    "s'est montree? (?:tres )?(?:violente?|agressive?|menacante?|brutale?) (?:avec|envers|contre)|(?:fait|faisait|a fait) expres de (?:me |lui |leur |nous )?faire mal",
    'montre|montree|expres',
  ],
  [
    'fact',
    `laisse (?:les|des|ses) (?:residents|patients|vieux|personnes agees|malades) (?:dans leur|dans leurs|baigner|sans manger|sans boire|par terre|toute la nuit|attaches)`,
    'laisse',
  ],
  // Sexual misconduct.
  [
    'fact',
    `(?:a|avait|entretient) des relations (?:sexuelles )?avec (?:ses|des) (?:patientes?|patients?|residentes?|internes|etudiantes?|stagiaires)|couche avec (?:ses |des |la |le |sa |son )(?:patientes?|patients|dg|directrice|directeur|chef|cheffe|internes|stagiaires|etudiantes?|patron)`,
    'relations|couche',
  ],
  [
    'fact',
    "attouchements|(?:tripote|tripotait|pelote|pelotait) (?:les|des|ses) (?:patientes|residentes|stagiaires|etudiantes|internes|infirmieres)|(?:tripote|tripotait|pelote|pelotait) (?:mon|ma)|agresse sexuellement|(?:a|l'a|les a) violee?s?|violait|pedophile|mains baladeuses",
    'attouchements|tripote|tripotait|pelote|pelotait|sexuellement|violee?s?|violait|pedophile|baladeuses',
  ],
  [
    'fact',
    `(?:harcele|harcelait) (?:les|ses|des) (?:internes|infirmieres|etudiantes?|stagiaires|patientes?|aides-soignantes|secretaires|externes)`,
    'harcele|harcelait',
  ],
  // Refusing care out of prejudice.
  [
    'fact',
    `(?:refuse|a refuse|refusait|refusent) de (?:soigner|s'occuper|prendre en charge|toucher|examiner|recevoir) ${gap(3)}${DISCRIMINATED}`,
    'refuse|refusait|refusent',
  ],
  [
    'fact',
    `(?:refuse|a refuse|refusait) de soigner ${gap(4)}(?:parce qu|car |sous pretexte)`,
    'refuse|refusait',
  ],
  // A career won or lost by misconduct.
  [
    'fact',
    `(?:vire|viree|licencie|licenciee|radie|radiee|renvoye|renvoyee) ${gap(4)}pour (?:detournement|vol|fraude|harcelement|faute grave|alcoolisme|attouchements|maltraitance|agression)`,
    'vire|viree|licencie|licenciee|radie|radiee|renvoye|renvoyee',
  ],
  [
    'fact',
    "(?:a eu|a obtenu|a decroche|a chope) (?:son|le|sa) (?:poste|place|diplome|promotion|promo) (?:parce qu|grace a|en couchant)|(?:achete|a achete) (?:son|ses) diplomes?|n'a (?:meme )?pas (?:son|de vrai) diplome",
    'poste|place|diplomes?|promotion|promo',
  ],
  // Hearsay.
  [
    'hearsay',
    "on dit que|on raconte que|il parait|parait qu|tout le monde (?:le )?sait|tout le monde est au courant|c'est connu|on sait tous|demandez (?:aux|a n'importe qui)|personne n'ose (?:le dire|rien dire)|elles le savent toutes|ils le savent tous|on dit rien mais on sait|(?:mon|ma) (?:cousine?|voisine?|pote|copine|copain|amie?|soeur|frere|belle-soeur|beau-frere|collegue|tante|mere) (?:l'a vue?|me l'a dit|m'a dit|bosse la-bas|travaille la-bas|qui bosse)|qui me l'a dit",
    '',
  ],
]);

const ABOUT_SELF = new RegExp(
  `${WORD_START}(?:je|j'|j|on|tu|jsuis|j'suis|chui|suis|ca|cela|ce boulot|ce taf|m'|t')\\s*$`,
);

function computeAllegations(folded: string): LabelledHit<AllegationSign>[] {
  return scanFamily(ALLEGATIONS, folded).filter((hit) => {
    if (hit.label !== 'drunk' && hit.label !== 'killed') return true;
    return !ABOUT_SELF.test(folded.slice(Math.max(0, hit.start - 12), hit.start));
  });
}

const allegationSigns = rememberLast(computeAllegations);

/** Allegations of dishonourable facts in the text, memoised: several rules ask of one post. */
export function allegationCues(folded: string): Hit[] {
  return allegationSigns(folded).filter((hit) => hit.label !== 'hearsay');
}

/**
 * Hearsay that spreads an allegation while pretending not to make it: "on dit que", "ma cousine
 * l'a vu", "tout le monde le sait". Not needed for DEFAM-01 (repeating a rumour is defaming), but
 * it marks the sentence as a claim about someone rather than the author's own experience.
 */
export function hearsayCues(folded: string): Hit[] {
  return allegationSigns(folded).filter((hit) => hit.label === 'hearsay');
}
