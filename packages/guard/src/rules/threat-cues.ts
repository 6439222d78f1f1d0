/**
 * The language of threats and pile-ons (HARASS-01), shared with the rules that must know whether
 * a post is hostile (DOXX-01 publishes a schedule to hurt someone, GEO-01 to reassure; the
 * category filer needs THREAT apart from other attacks).
 *
 * Each cue carries a weight: 2 is enough alone ("on sait où tu habites"), 1 needs a second sign
 * ("je vais le retrouver" is a threat when a doctor is the "le", not when a phone is).
 */

import { anyOf, cue, type Hit, hasAny, upTo, within } from './people-cues.js';
import { rememberLast } from './remember-last.js';

export interface WeightedHit extends Hit {
  readonly weight: number;
}

export interface WeightedCue {
  readonly pattern: RegExp;
  readonly weight: number;
}

// Object pronouns with what follows them: a space, or nothing after an elision ("je t'aurai").
const OBJECT = `(?:${anyOf(['te', 'vous', 'le', 'la', 'les', 'lui', 'leur'])} |[tl]')`;
const PERSON_OBJECT = "(?:te |vous |t')";
const THIRD_OBJECT = "(?:le |la |les |l')";
// SMS spellings included: "jvais le retrouver", "j'vais te défoncer".
const FIRST_PERSON = anyOf(['je', "j'", 'on', 'nous', 'jvais', "j'vais", 'jvai', 'jv']);
const WILL = `(?:${anyOf(['vais', 'va', 'allons', 'veux', 'vas'])} )?`;
const HARM_VERB = anyOf([
  'tuer?',
  'buter?',
  'crever?',
  'creve',
  'defoncer?',
  'egorger?',
  'massacrer?',
  'frapper?',
  'cogner?',
  'niquer?',
  'eclater?',
  'fracasser?',
  'demolir',
  'demolis',
  'exploser?',
  'cramer?',
  'bruler?',
  'casser? la gueule',
  'peter? la gueule',
  'casser? les (?:jambes|dents|genoux)',
  'crever? les pneus',
  'refaire le portrait',
  'fais la peau',
  'faire la peau',
  'regler son compte',
  'faire payer',
]);
const PLACE_TARGET = anyOf([
  'service',
  'hopital',
  'hosto',
  'urgences',
  'clinique',
  'cabinet',
  'accueil',
  'sau',
  'ehpad',
  'maternite',
  'etage',
  'bureau',
  'maison',
  'voiture',
  'bagnole',
  'baraque',
  'batiment',
]);
// A determiner with its space, or an elided one: never "à", so "on retourne aux urgences" stays a visit.
const DETERMINER = `(?:${anyOf(['le', 'la', 'les', 'ce', 'cet', 'cette', 'ces', 'ton', 'ta', 'tes', 'son', 'sa', 'ses', 'leur', 'vos', 'votre', 'tout'])} |l')`;
const ANGRY_EMOJI = '(?:👊|🔪|🔫|💣|🪓|🩸|☠️|☠)';

const THREATS: readonly WeightedCue[] = [
  // Harm promised by the author: "je vais le buter", "je lui crève les pneus", "on va te défoncer".
  { pattern: cue(`${FIRST_PERSON} ${WILL}${OBJECT}${upTo(1)}${HARM_VERB}`), weight: 2 },
  // Hunting someone down: "on vous retrouvera", "je te retrouverai" (a person is addressed).
  { pattern: cue(`${FIRST_PERSON} ${WILL}${PERSON_OBJECT}${upTo(1)}retrouver(?:a|ai|ons|ont)?`), weight: 2 },
  // Not "je veux la retrouver sur Facebook" (looking for a name: DOXX-01's business) nor to thank her.
  {
    pattern: cue(
      `${FIRST_PERSON} ${WILL}${THIRD_OBJECT}${upTo(1)}retrouver(?:a|ai|ons|ont)?(?! (?:sur|pour (?:la |le |lui )?(?:remercier|dire merci)))`,
    ),
    weight: 1,
  },
  // Retribution announced: "il va payer", "elle va le regretter", "tu vas voir ce que ça coûte".
  {
    pattern: cue(
      `(?:il|elle|ils|elles|tu|vous|toi|lui) (?:va|vont|vas|allez) (?:le |me |nous )?payer(?! (?:la|le|les|l'|des|du|un|une|\\d|pour(?! (?:ce|ca|cela|tout))|ma|mon|mes|ta|ton|tes|sa|son|ses|leur|combien|comment|en|par|avec|a|au|aux|moins|plus))`,
    ),
    weight: 2,
  },
  { pattern: cue('(?:il|elle|ils|elles|tu|vous) (?:va|vont|vas|allez) (?:le |la )?regretter'), weight: 2 },
  { pattern: cue('(?:tu|vous) (?:vas|allez) voir ce que (?:ca|cela) (?:coute|fait|donne)'), weight: 2 },
  { pattern: cue('(?:tu|vous) ne (?:perds|perdez) rien pour attendre'), weight: 2 },
  // "vous allez comprendre", "il va morfler"; not "vous allez comprendre pourquoi" (an explanation).
  {
    pattern: cue(
      "(?:tu|vous|il|elle|ils|elles) (?:vas|allez|va|vont) (?:comprendre|morfler|prendre cher|en baver|en chier|le sentir passer)(?! (?:pourquoi|comment|que|qu'|ce qu|l'|le |la |les |des |un |une |si|combien|en|tout|mieux|vite|a))",
    ),
    weight: 2,
  },
  {
    pattern: cue(
      '(?:gare a (?:toi|vous|lui|elle|eux|tes fesses))|ca va (?:mal finir|se payer|chauffer|saigner|barder)',
    ),
    weight: 2,
  },
  // Knowing someone's car or home, said to them: "je connais ta voiture, docteur".
  {
    pattern: cue(
      '(?:je|on) (?:connais|connait|sais|a reconnu|ai reconnu) (?:ta|ton|tes|votre|vos|sa|son|leur) (?:voiture|caisse|bagnole|adresse|maison|rue|immeuble|plaque)',
    ),
    weight: 2,
  },
  {
    pattern: cue(
      '(?:fais|faites) (?:gaffe|attention) (?:en rentrant|quand (?:tu|vous) (?:sors|sortez|rentres|rentrez)|a (?:toi|vous|ta|tes|vos|votre) (?:peau|fesses|gueule|famille|enfants|gosses|voiture))|(?:fais|faites) gaffe a (?:toi|vous)',
    ),
    weight: 1,
  },
  // Knowing where someone lives or parks, said to frighten: "on sait où tu habites".
  {
    pattern: cue(
      `(?:je|on|nous) (?:sait|sais|savons|connait|connais) (?:ou|a quelle heure) (?:tu|vous|il|elle|ils|elles) (?:te |se |vous )?(?:habites?|habitez|habitent|vis|vit|vivez|dors|dort|gares?|garez|finis|finit|finissez|sors|sort|sortez|termines?|quittes?)`,
    ),
    weight: 2,
  },
  {
    pattern: cue(
      "on (?:connait|connais) (?:vos|ta|sa|leurs?) (?:tetes?|gueules?|visages?)|on (?:vous |t')a a l'(?:oe|œ)il",
    ),
    weight: 2,
  },
  {
    pattern: cue(
      '(?:vous avez|tu as|t.as|il a|elle a|ils ont) interet a (?:marcher droit|faire gaffe|faire attention|vous cacher|te cacher|bien (?:me )?soigner)',
    ),
    weight: 2,
  },
  { pattern: cue('(?:vous avez|tu as|t.as) interet a'), weight: 1 },
  // Violence against the place: arson, wrecking, coming back in numbers.
  {
    pattern: cue(
      `${FIRST_PERSON} ${WILL}(?:fous|fout|foutre|mets|met|mettre|fouts) le feu (?:a|au|aux|dans)${within(25)}${PLACE_TARGET}`,
    ),
    weight: 2,
  },
  {
    pattern: cue(
      `${FIRST_PERSON} ${WILL}(?:tout )?(?:casser?|peter?|defoncer?|niquer?|bruler?|exploser?|ravager?|saccager?|retourner?|retournera|retournerons) ${DETERMINER}${within(12)}${PLACE_TARGET}`,
    ),
    weight: 2,
  },
  // "je vais tout casser aux urgences" threatens; "on va tout casser ce soir" may be a party.
  {
    pattern: cue(
      `${FIRST_PERSON} ${WILL}(?:tout (?:casser?|peter?|defoncer?|niquer?|saccager?|bruler?|retourner?)|(?:casser?|peter?|defoncer?|niquer?|saccager?) tout)${within(30)}${PLACE_TARGET}`,
    ),
    weight: 2,
  },
  {
    pattern: cue(
      `${FIRST_PERSON} ${WILL}(?:tout (?:casser?|peter?|defoncer?|niquer?|saccager?)|(?:casser?|peter?|defoncer?|niquer?|saccager?) tout)`,
    ),
    weight: 1,
  },
  {
    pattern: cue(
      `(?:je reviens|je reviendrai|on revient|on reviendra|je vais revenir|on va revenir|on va venir|on viendra|je debarque|on debarque) ${upTo(2)}avec (?:mes|des|les|tous mes|toute ma|ma) (?:cousins|potes|freres|gars|reufs|soces|renforts|oncles|mecs|bande|clan)`,
    ),
    weight: 2,
  },
  // Coming back in numbers is menacing only with something else ("vous allez comprendre").
  {
    pattern: cue(
      `(?:je reviens|on revient|on reviendra|on va revenir|on va venir|on viendra|on debarque) ${upTo(2)}(?:a plusieurs|en nombre|a \\d+(?![\\d\\p{L}]))`,
    ),
    weight: 1,
  },
  // Lying in wait: "j'attends l'interne à la sortie", "on va discuter 👊".
  {
    pattern: cue(
      `j'attends (?:le |la |l'|ce |cette |cet )${within(60)}(?:a la sortie|dehors|devant|au parking|sur le parking)`,
    ),
    weight: 2,
  },
  {
    pattern: cue(
      "(?:je t'ai|je vous ai|on t'a|on vous a) (?:trouvee?s?|retrouvee?s?)(?! (?:un|une|des|du|de|le|la|les|ca|quelque|super|genial|top))",
    ),
    weight: 1,
  },
  {
    pattern: cue('on va (?:discuter|s.expliquer|regler (?:ca|nos comptes)|causer|parler entre hommes)'),
    weight: 1,
  },
  { pattern: cue('je (?:vous|te) le (?:promets|jure)'), weight: 1 },
  { pattern: new RegExp(ANGRY_EMOJI, 'gu'), weight: 1 },
];

/** Threats in the text, each with its weight. */
function computeThreatCues(folded: string): WeightedHit[] {
  return weighted(folded, THREATS);
}

/** Memoised on the last text: several rules ask the same question of one post. */
export const threatCues = rememberLast(computeThreatCues);

/** Laughter: "je te tue à Mario Kart 😂" is banter, unless a weapon or anger comes with it. */
const JOKING = [cue('mdr|ptdr|lol|haha\\w*|hihi|jpp'), /😂|🤣|😆|😜|😝/gu];

/**
 * Whether the text threatens someone: weights adding up to 2, or a weak sign aimed at a carer
 * spoken of before it ("le toubib qui a renvoyé mon frère, je vais le retrouver": the "le" is the
 * doctor; in "je vais le retrouver ce rdv, la secrétaire l'a perdu" it is not). One more is
 * needed when the post laughs.
 */
export function isThreat(folded: string, carers: readonly Hit[]): boolean {
  const hits = threatCues(folded);
  const total = hits.reduce((sum, hit) => sum + hit.weight, 0);
  const banter = hasAny(folded, JOKING) && !hits.some((hit) => isEmojiOnly(folded, hit));
  const needed = banter ? 3 : 2;
  const aimedAtCarer = hits.some(
    (hit) => hit.weight === 1 && !isEmojiOnly(folded, hit) && carers.some((carer) => carer.start < hit.start),
  );
  return total >= needed || (total >= needed - 1 && aimedAtCarer);
}

function isEmojiOnly(folded: string, hit: Hit): boolean {
  return !/\p{L}/u.test(folded.slice(hit.start, hit.end));
}

/** Every match of weighted cues, in text order. */
export function weighted(folded: string, cues: readonly WeightedCue[]): WeightedHit[] {
  const hits: WeightedHit[] = [];
  for (const { pattern, weight } of cues) {
    for (const match of folded.matchAll(pattern)) {
      hits.push({ start: match.index, end: match.index + match[0].length, weight });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
