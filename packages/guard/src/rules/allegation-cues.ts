/**
 * The language of defamatory allegations (DEFAM-01): a precise fact that harms someone's honour
 * (loi 1881 art. 29), as opposed to an opinion ("il est nul") or an insult ("connard"), which
 * RESPECT-01 covers. Families of facts: killing by incompetence, working drunk or high, theft and
 * fraud, abuse of patients, sexual misconduct, refusal of care or discrimination, a career won
 * or lost by misconduct, falsified records.
 *
 * Verb forms only, never bare nouns: "il maltraite les résidents" is an allegation, "journée
 * contre la maltraitance" is a campaign.
 */
import { anyOf, cue, findAll, type Hit, upTo } from './people-cues.js';
import { rememberLast } from './remember-last.js';

const VICTIM = anyOf([
  'patients?',
  'patientes?',
  'residents?',
  'residentes?',
  'malades',
  'vieux',
  'personnes agees',
  'enfants',
  'bebes',
  'gamins',
  'pere',
  'mere',
  'grand-pere',
  'grand-mere',
  'grand pere',
  'grand mere',
  'papy',
  'mamie',
  'frere',
  'soeur',
  'fils',
  'fille',
  'neveu',
  'niece',
  'oncle',
  'tante',
  'femme',
  'mari',
  'copine',
  'bebe',
]);
const POSSESSIVE = anyOf([
  'les',
  'des',
  'ses',
  'mon',
  'ma',
  'mes',
  'un',
  'une',
  'le',
  'la',
  'notre',
  'nos',
  'leur',
  'leurs',
  'son',
  'sa',
]);
const DRUNK = anyOf([
  'bourree?',
  'saoule?',
  'soule?',
  'ivre',
  'defoncee?',
  'droguee?',
  'stone',
  'petee?',
  'arrachee?',
  'alcoolisee?',
  'torchee?',
  'sous (?:coke|cocaine|drogue|alcool|cannabis|shit|beuh|ketamine|morphine)',
]);
const AT_WORK_VERB = anyOf([
  'opere',
  'operait',
  'bosse',
  'bossait',
  'travaille',
  'travaillait',
  'vient',
  'venait',
  'arrive',
  'arrivait',
  'est',
  'etait',
  'soigne',
  'soignait',
  'consulte',
  'consultait',
  'accouche',
  'conduit',
  'fait ses gardes',
  'prend ses gardes',
  'vient au (?:bloc|boulot|travail|taf)',
]);
const DISCRIMINATED = anyOf([
  'noirs',
  'arabes',
  'maghrebins',
  'musulmans',
  'musulmanes',
  'juifs',
  'etrangers',
  'roms',
  'gitans',
  'africains',
  'pauvres',
  'sdf',
  'gros',
  'obeses',
  'homos',
  'trans',
  'voilees',
  'femmes voilees',
  'migrants',
  'cmu',
  'ame',
]);
const THEFT_OBJECT = anyOf([
  'la caisse',
  "l'argent",
  'les sacs',
  'le sac',
  'les affaires',
  'les portefeuilles?',
  'les porte-?monnaies?',
  'les bijoux',
  'les tiroirs',
  'les comptes',
  'les economies',
  'les dons',
  'la cagnotte',
  'les chambres',
  'les casiers',
]);

const ALLEGATIONS = [
  // Killing or letting die.
  cue(`(?<!m'|t'|ca |cela )a tue ${POSSESSIVE}`),
  cue(
    '(?:tue|tuee|mort|morte|decede|decedee) (?:par|a cause de) (?:son|sa|leur) (?:incompetence|negligence|faute)',
  ),
  cue(
    `(?:a|ont|l'a|les a) laisse ${upTo(3)}(?:mourir|crever|agoniser)|laisse (?:mourir|crever|agoniser) ${POSSESSIVE}`,
  ),
  // Drunk or high at work; "bourré de monde" is not drunk, "je suis bourrée" is the author.
  cue(
    `(?<!je |j'|on |tu |jsuis |j'suis )${AT_WORK_VERB} (?:toujours |souvent |encore |completement |tout le temps |parfois |des fois )?${DRUNK}(?! d[e'])`,
  ),
  cue(
    "(?:haleine|bouche) qui (?:sent|pue|schlingue) (?:l'alcool|le whisky|le vin|la vinasse|le pinard|le rhum|le pastis|la biere)",
  ),
  cue("sent(?:ait)? (?:l'alcool|le whisky|la vinasse|le pinard) (?:au|en|pendant|a)"),
  cue(
    '(?:picole|boit|buvait|picolait|se bourre) (?:au|en|pendant|avant) (?:le |la |les )?(?:travail|boulot|taf|garde|gardes|service|bloc|poste|operation)',
  ),
  cue('(?:se drogue|se came|sniffe|se shoote|se pique|prend de la (?:coke|cocaine|ketamine|morphine))'),
  cue(
    '(?:pique|piquait|vole|volait|detourne|detournait|se sert|se servait) (?:dans |de )?(?:la |les |des |de la )(?:morphine|ketamine|medicaments|medocs|stupefiants|stups|opiaces|fentanyl)',
  ),
  // Theft and fraud.
  cue(
    `(?:vole|volait|volent|a vole|pique|piquait|pioche|piochait|piochent|se sert|se servait|se servent|tape|tapait|tapent|puise|puisait) (?:dans )?${THEFT_OBJECT}`,
  ),
  cue(
    `(?:vole|volait|a vole|depouille|depouillait|arnaque|arnaquait|escroque|escroquait|rackette) ${POSSESSIVE} (?:${VICTIM}|clients|familles)`,
  ),
  // "a volé la bague de ma mère", "pique les portables des patients".
  cue(
    `(?:a vole|ont vole|volait|volaient|vole|volent|a pique|piquait|a derobe|derobait) (?:la |le |les |l'|des |mon |ma |mes |son |sa |ses |leur |leurs )(?:bagues?|bijoux|argent|portefeuilles?|sacs?|sacs a main|telephones?|portables?|cartes? bleues?|cb|montres?|colliers?|alliances?|affaires|economies|sous|medailles?|chequiers?)`,
  ),
  cue(
    "escroc|escroquerie|arnaqueu(?:r|se)|charlatan|voleu(?:r|se)|detournement de fonds|detourne (?:de l'argent|des fonds|les dons|l'argent)|malversations?|corrompue?|pots?[- ]de[- ]vin|dessous[- ]de[- ]table|au noir|sans (?:recu|facture)|fraude (?:a |la |l')|fraudeu(?:r|se)",
  ),
  cue(
    '(?:faux|fausses?) (?:certificats?|arrets?|ordonnances?|diplomes?|comptes rendus)|fait des faux|falsifie|falsifiait|falsification',
  ),
  cue(
    '(?:reecrit|reecrivait|modifie|trafique|maquille|maquillait|trafiquait|bidonne) (?:les |ses |le |son )(?:comptes rendus|compte rendu|dossiers?|cr|transmissions|erreurs|chiffres)|cache (?:les |ses )(?:erreurs|complications|deces|morts)',
  ),
  cue(
    "marche noir|revend(?:ait|ent)? (?:les |des |de la )(?:medicaments|medocs|stupefiants|stups|morphine|ordonnances|arrets de travail)|trafic (?:de|d') ?(?:medicaments|medocs|drogue|stupefiants|ordonnances)|deale|dealait",
  ),
  cue('surfacture|facture des actes (?:fictifs|non faits|jamais faits)|actes fictifs'),
  // Abuse of patients.
  cue(
    `(?:maltraite|maltraitent|maltraitait|maltraitaient|a maltraite|ont maltraite|maltraitee?s?|brutalise|brutalisait|a brutalise)`,
  ),
  cue(
    `(?:frappe|frappait|a frappe|gifle|giflait|a gifle|bouscule|secoue|secouait|attache|attachait|enferme|enfermait|humilie|humiliait|insulte|insultait|se moque|se moquait|se filme en se moquant|se filmait en se moquant) ${POSSESSIVE} ${VICTIM}`,
  ),
  cue('(?:fait|faisait|a fait) expres de (?:me |lui |leur |nous )?faire mal'),
  // Sexual misconduct.
  cue(
    `(?:a|avait|entretient) des relations (?:sexuelles )?avec (?:ses|des) (?:patientes?|patients?|residentes?|internes|etudiantes?|stagiaires)|couche avec (?:ses |des |la |le |sa |son )(?:patientes?|patients|dg|directrice|directeur|chef|cheffe|internes|stagiaires|etudiantes?|patron)`,
  ),
  cue(
    "attouchements|(?:tripote|tripotait|pelote|pelotait) (?:les|des|ses|mon|ma)|agresse sexuellement|(?:a|l'a|les a) violee?s?|violait|pedophile|mains baladeuses",
  ),
  cue(
    `(?:harcele|harcelait) (?:les|ses|des) (?:internes|infirmieres|etudiantes?|stagiaires|patientes?|aides-soignantes|secretaires|externes)`,
  ),
  // Refusing care, discriminating.
  cue(
    `(?:refuse|a refuse|refusait|refusent) de (?:soigner|s'occuper|prendre en charge|toucher|examiner|recevoir) ${upTo(3)}${DISCRIMINATED}`,
  ),
  cue(`(?:refuse|a refuse|refusait) de soigner ${upTo(4)}(?:parce qu|car |sous pretexte)`),
  // A career won or lost by misconduct.
  cue(
    `(?:vire|viree|licencie|licenciee|radie|radiee|renvoye|renvoyee) ${upTo(4)}pour (?:detournement|vol|fraude|harcelement|faute grave|alcoolisme|attouchements|maltraitance|agression)`,
  ),
  cue(
    "(?:a eu|a obtenu|a decroche|a chope) (?:son|le|sa) (?:poste|place|diplome|promotion|promo) (?:parce qu|grace a|en couchant)|(?:achete|a achete) (?:son|ses) diplomes?|n'a (?:meme )?pas (?:son|de vrai) diplome",
  ),
];

/** Allegations of dishonourable facts in the text. */
function computeAllegationCues(folded: string): Hit[] {
  return findAll(folded, ALLEGATIONS);
}

/** Memoised on the last text: several rules ask the same question of one post. */
export const allegationCues = rememberLast(computeAllegationCues);

/**
 * Hearsay that spreads an allegation while pretending not to make it: "on dit que", "tout le
 * monde le sait", "c'est connu". Not needed for DEFAM-01 (repeating a rumour is defaming), but it
 * marks the sentence as a claim about someone rather than the author's own experience.
 */
const HEARSAY = [
  cue(
    "on dit que|on raconte que|il parait|parait qu|tout le monde (?:le )?sait|tout le monde est au courant|c'est connu|on sait tous|demandez (?:aux|a n'importe qui)|personne n'ose (?:le dire|rien dire)|elles le savent toutes|ils le savent tous",
  ),
];

function computeHearsayCues(folded: string): Hit[] {
  return findAll(folded, HEARSAY);
}

/** Memoised on the last text: several rules ask the same question of one post. */
export const hearsayCues = rememberLast(computeHearsayCues);
