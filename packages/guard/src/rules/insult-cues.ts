/**
 * The language of RESPECT-01: insults, slurs, discriminatory generalisations and contempt for
 * patients. French insults are mostly ordinary words in an insulting frame: "con" is an insult in
 * "tous des cons", not in "conseil" nor in "c'est con" (which judges a situation); "lâche" in
 * "c'est un lâche", not in "on lâche rien"; "porc" in "gros porc", not in "rôti de porc". So words
 * are matched inside frames (a determiner, "espèce de", "t'es", "sont des"), and only true slurs
 * stand alone.
 */
import { anyOf, cue, findAll, type Hit, within } from './people-cues.js';
import { rememberLast } from './remember-last.js';

export interface InsultHit extends Hit {
  /** Aimed at several people ("bande d'incapables") rather than one ("une grosse conne"). */
  readonly plural: boolean;
  /** A mild judgement ("incapables", "nuls") that a public complaint may use about a service. */
  readonly mild: boolean;
}

/** Slurs and crude insults that insult wherever they stand. */
const SLURS = [
  'connard(?:e|s|es)?',
  'connasses?',
  'salopes?',
  'salauds?',
  'enfoire(?:e|s|es)?',
  'encule(?:e|s|es)?',
  'fils de pute',
  'fdp',
  'batard(?:e|s|es)?',
  'pd',
  'pedes?',
  'tarlouzes?',
  'tafioles?',
  'gouines?',
  'bougnoules?',
  'bougnouls?',
  'negres?',
  'negresses?',
  'negros?',
  'bamboulas?',
  'youpin(?:e|s|es)?',
  'bicots?',
  'chinetoques?',
  'niakoues?',
  'pou?ffiasses?',
  'grognasses?',
  'petasses?',
  'sous-merdes?',
  'ntm',
  'nique ta mere',
  'ta gueule',
  'trou du cul',
  'trouducs?',
  'cassos',
  'cas socs?',
  'cas sociaux',
  'gogols?',
  'trisos?',
  'gros porcs?',
  'grosses? (?:vaches?|truies?|baleines?|dindes?)',
  'gros (?:lard|thon|boudin)s?',
  'vieux debris',
  'vieilles? peaux?',
  'peau de vache',
];

/** Insulting nouns and adjectives that need a frame to insult a person; an article is enough. */
const FRAMED = [
  'cons?',
  'mongol(?:e|s|es)?',
  "(?<!s')attarde(?:e|s|es)?",
  'connes?',
  'debiles?',
  'cretin(?:e|s|es)?',
  'imbeciles?',
  'idiot(?:e|s|es)?',
  'abruti(?:e|s|es)?',
  'putes?',
  'garces?',
  'raclures?',
  'vermines?',
  'merdeu(?:x|se|ses)',
  'sadiques?',
  'megeres?',
  'harpies?',
  'bolos?s?',
  'clodos?',
  'racailles?',
  'toxicos?',
  'alcoolos?',
  'poivrot(?:e|s|es)?',
  'soulard(?:e|s|es)?',
  'cingle(?:e|s|es)?',
];

/** Words with a plain sense beside the insult ("notre chienne", "les parasites intestinaux"). */
const PERSON_ONLY = [
  'tare(?:e|s|es)?',
  'chiennes?',
  'morues?',
  'ordures?',
  'parasites?',
  'psychopathes?',
  'hysteriques?',
  'blaireaux?',
];

/** Judgements a complaint may throw at a service ("bande d'incapables"), insults when aimed at one person. */
const MILD = [
  'incapables?',
  'incompetent(?:e|s|es)?',
  'nul(?:le|s|les)?',
  'guignols?',
  'clowns?',
  'bouffon(?:ne|s|nes)?',
  'tocard(?:e|s|es)?',
  'feignasses?',
  'faineant(?:e|s|es)?',
  'feignant(?:e|s|es)?',
  'branleu(?:r|se|rs|ses)',
  'minables?',
  'laches?',
  'bouchers?',
  'charlatans?',
  'amateurs?',
  'bons? a rien',
  'bonnes? a rien',
];

// A frame that can only aim at people: "bande de", "espèce de", "t'es", "vous êtes des".
const PERSON_FRAME = `(?:${anyOf([
  "bande d'",
  'bande de ',
  "espece d'",
  'espece de ',
  'sale ',
  'sales ',
  'tous des ',
  'toutes des ',
  'que des ',
  "qu'une? ",
  'quel ',
  'quelle ',
  'quels ',
  'quelles ',
  'vraie? ',
  'de vrai(?:e)?s ',
  'sacree? ',
  'putain de ',
  'pauvres? ',
  'gros ',
  'grosses? ',
  'vieux ',
  'vieilles? ',
  'petite? ',
  "(?:il|elle|tu|t') (?:est|es) (?:vraiment |trop |tellement |completement |carrement |juste )?(?:une? )?",
  '(?:ils|elles|vous) (?:sont|etes) (?:vraiment |trop |tellement |completement |carrement |juste )?(?:des )?',
  "t'es (?:une? )?",
  "(?:c'est|ce sont|c'etait|etait|est|sont) (?:vraiment |juste |completement )?(?:une?|des|qu'une?|que des) ",
])})`;
// An article: enough for clear insults ("un connard"), not for words with a plain sense.
const ARTICLE_FRAME = `(?:${anyOf(['un ', 'une ', 'des ', 'le ', 'la ', 'les ', 'ce ', 'cet ', 'cette ', 'ces ', "l'"])})`;
/** "incapable de marcher", "nul en maths", "con comme la lune" stay ordinary French. */
const NOT_A_COMPLEMENT = "(?!\\s+(?:de\\s|d'|en\\s|a\\s))";

const INSULTS: readonly { readonly pattern: RegExp; readonly mild: boolean }[] = [
  { pattern: cue(anyOf(SLURS)), mild: false },
  { pattern: cue(`(?:${PERSON_FRAME}|${ARTICLE_FRAME})${anyOf(FRAMED)}`), mild: false },
  { pattern: cue(`${PERSON_FRAME}${anyOf(PERSON_ONLY)}`), mild: false },
  { pattern: cue(`${PERSON_FRAME}${anyOf(MILD)}${NOT_A_COMPLEMENT}`), mild: true },
];

/** Insults in the text. */
function computeInsultCues(folded: string): InsultHit[] {
  const hits: InsultHit[] = [];
  for (const { pattern, mild } of INSULTS) {
    for (const match of folded.matchAll(pattern)) {
      const words = match[0];
      const hit = { start: match.index, end: match.index + words.length };
      if (selfMockeryOrMention(folded, hit)) continue;
      hits.push({
        ...hit,
        mild,
        plural:
          /(?:s|x)$/u.test(words) ||
          /^(?:des|les|ces|tous|toutes|que des|bande|ils|elles|vous)\b/u.test(words),
      });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Memoised on the last text: several rules ask the same question of one post. */
export const insultCues = rememberLast(computeInsultCues);

// Self-mockery is no insult: "je suis une idiote, j'ai encore oublié mon badge", "quelle
// cruche je fais".
const SELF_BEFORE =
  /(?:je suis|j'suis|jsuis|chui|suis|j'etais|je me sens|me sens|je fais|jfais|moi|je me trouve)\s+(?:(?:trop|vraiment|tellement|completement|grave|une?|qu'une?|la|le|vraie?|grosse?|sacree?)\s+)*$/u;
const SELF_AFTER = /^\s*(?:je (?:suis|fais)|que je suis|moi)\b/u;

// Speaking about a word is not using it: "traitée de bougnoule", "le mot « pute »".
const MENTIONED =
  /(?:traitee?s?|traiter|traite|appelee?s?|appeler|le mot|les mots|l'insulte|insultee? de)\s+(?:de\s+|d'|«\s*|"\s*)?$/u;

function selfMockeryOrMention(folded: string, hit: Hit): boolean {
  if (MENTIONED.test(folded.slice(Math.max(0, hit.start - 30), hit.start))) return true;
  return (
    SELF_BEFORE.test(folded.slice(Math.max(0, hit.start - 40), hit.start)) ||
    SELF_AFTER.test(folded.slice(hit.end, hit.end + 20))
  );
}

/** Groups that discriminatory talk generalises about (origin, religion, sex, orientation, coverage). */
const GROUP = anyOf([
  'etrangers?',
  'etrangeres?',
  'arabes?',
  'noirs?',
  'noires?',
  'blacks?',
  'renois',
  'rebeus?',
  'beurs?',
  'africain(?:e|s|es)?',
  'maghrebin(?:e|s|es)?',
  'musulman(?:e|s|es)?',
  'juifs?',
  'juives?',
  'roms?',
  'gitans?',
  'manouches?',
  'migrants?',
  'immigres?',
  'chinois',
  'asiatiques?',
  'voilees?',
  'homos?',
  'gays?',
  'lesbiennes?',
  'trans',
  'travelos?',
  'handicapes?',
  'obeses?',
  'gros',
  'bonnes femmes',
  'nanas',
  'gonzesses',
  'femmes',
  'vieux',
  'cmu',
  'cmu-c',
  'c2s',
  'assistes',
]);
const NEGATIVE_CLAIM = anyOf([
  "(?:ont|n'ont|a|n'a) (?:pas|meme pas|jamais eu) (?:de |leur |le |un )?(?:vrais? |vraie )?diplomes?",
  "(?:sont|c'est|ce sont) (?:tous |toutes |que |juste |vraiment )?(?:des )?(?:voleu(?:r|se)s|feignant(?:e)?s|faineant(?:e)?s|incompetent(?:e)?s|nul(?:le)?s|dangereu(?:x|ses)|sales|fraudeu(?:r|se)s|profiteu(?:r|se)s|assiste(?:e)?s|parasites|terroristes|menteu(?:r|se)s|violent(?:e)?s|chiens|chiennes|animaux|singes|sauvages|porcs|hysteriques|inferieur(?:e)?s|bons a rien|bonnes a rien)",
  "qu'(?:ils|elles) (?:rentrent|retournent|degagent|crevent)",
  'rentrez chez vous',
  'retourne(?:z)? (?:dans ton pays|dans votre pays|au bled|chez toi|chez vous|a (?:ta|la|votre) cuisine)',
  'dehors les',
  '(?:on devrait|faudrait|faut|il faut|il faudrait) (?:les |leur )?(?:virer|renvoyer|expulser|interdire|facturer|refuser|degager|laisser crever|laisser cuver|trier|soigner en dernier)',
  '(?:pas de|jamais de|je veux pas d.|je refuse d.(?:etre soignee? par )?)(?:un |une )?(?:medecin|infirmiere|infirmier|soignant|sage-femme|interne|chirurgien)(?:ne)?s? (?:noir|arabe|etranger|femme|musulman|juif|voilee|homo|gay)',
  'profitent du systeme|vivent sur notre dos|nos impots',
]);

const EDGED_GROUP = `(?<![\\p{L}])${GROUP}(?![\\p{L}])`;

/** Sentences that generalise negatively about a group ("les médecins étrangers ont pas de vrai diplôme"). */
const DISCRIMINATION = [
  cue(
    `(?:les|des|ces|ses|nos|vos|aux|du|la|le|ce|cette) ${within(25)}${EDGED_GROUP}${within(80)}${NEGATIVE_CLAIM}`,
  ),
  cue(`${NEGATIVE_CLAIM}${within(40)}${EDGED_GROUP}`),
  cue(`a cause (?:des|de ces) ${EDGED_GROUP}`),
];

function computeDiscriminationCues(folded: string): Hit[] {
  return findAll(folded, DISCRIMINATION);
}

/** Memoised on the last text: several rules ask the same question of one post. */
export const discriminationCues = rememberLast(computeDiscriminationCues);

/** Negative claims alone, to be tied to a group the caller found ("les patients AME … on devrait les facturer"). */
const NEGATIVE_CLAIMS = [cue(NEGATIVE_CLAIM)];

function computeNegativeClaimCues(folded: string): Hit[] {
  return findAll(folded, NEGATIVE_CLAIMS);
}

/** Memoised on the last text: several rules ask the same question of one post. */
export const negativeClaimCues = rememberLast(computeNegativeClaimCues);
