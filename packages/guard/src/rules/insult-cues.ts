/**
 * The language of RESPECT-01: insults, slurs, discriminatory generalisations and contempt for
 * patients. French insults are mostly ordinary words in an insulting frame: "con" is an insult in
 * "tous des cons", not in "conseil" nor in "c'est con" (which judges a situation); "lâche" in
 * "c'est un lâche", not in "on lâche rien"; "porc" in "gros porc", not in "rôti de porc". So words
 * are matched inside frames (a determiner, "espèce de", "t'es", "sont des"), and only true slurs
 * stand alone.
 */

import { FRAMED, GROUP, MILD, PERSON_ONLY, SLURS } from './insult-words.js';
import { anyOf, type Hit, type LabelledHit, phraseFamily, scanFamily } from './phrase-family.js';
import { rememberLast } from './remember-last.js';
import { wordList } from './word-lists.js';

export interface InsultHit extends Hit {
  /** Aimed at several people ("bande d'incapables") rather than one ("une grosse conne"). */
  readonly plural: boolean;
  /** A mild judgement ("incapables", "nuls") that a public complaint may use about a service. */
  readonly mild: boolean;
}

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

type InsultKind = 'slur' | 'framed' | 'mild';

// The word each slur needs; a set phrase gives its telling word ("fils de pute" → pute).
const SLUR_KEY = anyOf([...SLURS.filter((slur) => !/[ -]/.test(slur)), ...wordList('insult-slur-key')]);
const MILD_KEY = anyOf([...MILD.filter((word) => !word.includes(' ')), 'rien']);

const INSULTS = phraseFamily<InsultKind>([
  ['slur', anyOf(SLURS), SLUR_KEY],
  ['framed', `(?:${PERSON_FRAME}|${ARTICLE_FRAME})${anyOf(FRAMED)}`, anyOf(FRAMED)],
  ['framed', `${PERSON_FRAME}${anyOf(PERSON_ONLY)}`, anyOf(PERSON_ONLY)],
  ['mild', `${PERSON_FRAME}${anyOf(MILD)}${NOT_A_COMPLEMENT}`, MILD_KEY],
]);

const PLURAL_FRAME = /^(?:des|les|ces|tous|toutes|que des|bande|ils|elles|vous)\b/;

/** Insults in the text. */
function computeInsultCues(folded: string): InsultHit[] {
  const hits: InsultHit[] = [];
  for (const hit of scanFamily(INSULTS, folded)) {
    // "s'attarder" is no insult.
    if (folded.slice(Math.max(0, hit.start - 2), hit.start) === "s'") continue;
    if (selfMockeryOrMention(folded, hit)) continue;
    const words = folded.slice(hit.start, hit.end);
    hits.push({
      start: hit.start,
      end: hit.end,
      mild: hit.label === 'mild',
      plural: /(?:s|x)$/.test(words) || PLURAL_FRAME.test(words),
    });
  }
  return hits;
}

/** Memoised on the last text: several rules ask the same question of one post. */
export const insultCues = rememberLast(computeInsultCues);

// Self-mockery is no insult: "je suis une idiote, j'ai encore oublié mon badge", "quelle
// cruche je fais".
const SELF_BEFORE =
  /(?:je suis|j'suis|jsuis|chui|suis|j'etais|je me sens|me sens|je fais|jfais|moi|je me trouve)\s+(?:(?:trop|vraiment|tellement|completement|grave|une?|qu'une?|la|le|vraie?|grosse?|sacree?)\s+)*$/;
const SELF_AFTER = /^\s*(?:je (?:suis|fais)|que je suis|moi)\b/;

// Speaking about a word is not using it: "traitée de bougnoule", "le mot « pute »".
const MENTIONED =
  /(?:traitee?s?|traiter|traite|appelee?s?|appeler|le mot|les mots|l'insulte|insultee? de)\s+(?:de\s+|d'|«\s*|"\s*)?$/;

function selfMockeryOrMention(folded: string, hit: Hit): boolean {
  if (MENTIONED.test(folded.slice(Math.max(0, hit.start - 30), hit.start))) return true;
  return (
    SELF_BEFORE.test(folded.slice(Math.max(0, hit.start - 40), hit.start)) ||
    SELF_AFTER.test(folded.slice(hit.end, hit.end + 20))
  );
}

/** Refusing a carer for what they are is discrimination by itself. */
const REFUSED_CARER =
  '(?:pas de|jamais de|je veux pas d.|je refuse d.(?:etre soignee? par )?)(?:un |une )?(?:medecin|infirmiere|infirmier|soignant|sage-femme|interne|chirurgien)(?:ne)?s? (?:noir|arabe|etranger|femme|musulman|juif|voilee|homo|gay)';
const NEGATIVE_CLAIM = anyOf(wordList('insult-negative-claim'));

type BiasSign = 'claim' | 'group' | 'blamed';

// The word each negative claim cannot do without.
const CLAIM_KEY =
  'diplomes?|voleurs|voleuses|feignants|feignantes|faineants|faineantes|incompetents|incompetentes|nuls|nulles|dangereux|dangereuses|sales|fraudeurs|fraudeuses|profiteurs|profiteuses|assistes|assistees|parasites|terroristes|menteurs|menteuses|violents|violentes|chiens|chiennes|animaux|singes|sauvages|porcs|hysteriques|inferieurs|inferieures|rien|rentrent|retournent|degagent|crevent|rentrez|retourne|retournez|dehors|virer|renvoyer|expulser|interdire|facturer|refuser|degager|crever|cuver|trier|dernier|systeme|dos|impots';

/** Groups and negative claims, found in one scan and paired by distance afterwards. */
const BIAS = phraseFamily<BiasSign>([
  ['claim', NEGATIVE_CLAIM, CLAIM_KEY],
  [
    'blamed',
    `a cause (?:des|de ces) ${GROUP}|${REFUSED_CARER}`,
    'cause|noir|arabe|etranger|femme|musulman|juif|voilee|homo|gay',
  ],
  // A group matters only beside a claim about it.
  ['group', GROUP, ''],
]);

/** How far a claim may follow the group it speaks of ("les médecins étrangers … ont pas de vrai diplôme"). */
const CLAIM_AFTER = 110;
const CLAIM_BEFORE = 40;

function computeBias(folded: string): LabelledHit<BiasSign>[] {
  return scanFamily(BIAS, folded);
}

const biasOf = rememberLast(computeBias);

/** Sentences that generalise negatively about a group ("les médecins étrangers ont pas de vrai diplôme"). */
function computeDiscriminationCues(folded: string): Hit[] {
  const signs = biasOf(folded);
  const groups = signs.filter((sign) => sign.label === 'group');
  const found: Hit[] = signs.filter((sign) => sign.label === 'blamed');
  for (const claim of signs) {
    if (claim.label !== 'claim') continue;
    const paired = groups.some((group) =>
      group.end <= claim.start
        ? claim.start - group.end <= CLAIM_AFTER && sameSentence(folded, group.end, claim.start)
        : group.start - claim.end <= CLAIM_BEFORE && sameSentence(folded, claim.end, group.start),
    );
    if (paired) found.push(claim);
  }
  return found;
}

function sameSentence(folded: string, from: number, to: number): boolean {
  return !/[.!?\n]/.test(folded.slice(from, to));
}

/** Memoised on the last text: several rules ask the same question of one post. */
export const discriminationCues = rememberLast(computeDiscriminationCues);

/** Negative claims alone, to be tied to a group the caller found ("les patients AME … on devrait les facturer"). */
export function negativeClaimCues(folded: string): Hit[] {
  return biasOf(folded).filter((sign) => sign.label === 'claim');
}
