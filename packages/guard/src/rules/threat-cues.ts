/**
 * The language of threats and pile-ons (HARASS-01), shared with the rules that must know whether
 * a post is hostile (DOXX-01 publishes a schedule to hurt someone, GEO-01 to reassure; the
 * category filer needs THREAT apart from other attacks).
 *
 * Each cue carries a weight: 2 is enough alone ("on sait où tu habites"), 1 needs a second sign
 * ("je vais le retrouver" is a threat when a doctor is the "le", not when a phone is).
 */
import { anyOf, cue, findAll, type Hit, hasAny, upTo, within } from './people-cues.js';

export interface WeightedHit extends Hit {
  readonly weight: number;
}

interface WeightedCue {
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
    pattern: cue(`${FIRST_PERSON} ${WILL}${THIRD_OBJECT}${upTo(1)}retrouver(?:a|ai|ons|ont)?(?! (?:sur|pour (?:la |le |lui )?(?:remercier|dire merci)))`),
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
  {
    pattern: cue(
      '(?:gare a (?:toi|vous|lui|elle|eux|tes fesses))|ca va (?:mal finir|se payer|chauffer|saigner|barder)',
    ),
    weight: 2,
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
  { pattern: cue(`(?:je|on) ${WILL}(?:tout )?(?:casser|peter|defoncer|niquer|saccager) tout`), weight: 2 },
  {
    pattern: cue(
      `(?:je reviens|je reviendrai|on revient|on reviendra|je vais revenir|on va revenir|je debarque|on debarque) ${upTo(2)}(?:avec (?:mes|des|les|tous mes|toute ma|ma) (?:cousins|potes|freres|gars|reufs|amis|copains|soces|renforts|oncles|mecs|famille|bande|clan)|a plusieurs|en nombre)`,
    ),
    weight: 2,
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
export function threatCues(folded: string): WeightedHit[] {
  return weighted(folded, THREATS);
}

/** Laughter: "je te tue à Mario Kart 😂" is banter, unless a weapon or anger comes with it. */
const JOKING = [cue('mdr|ptdr|lol|haha\\w*|hihi|jpp'), /😂|🤣|😆|😜|😝/gu];

/**
 * Whether the text threatens someone: weights adding up to 2, or a weak sign aimed at a carer
 * (a staff target counts as one); one more is needed when the post laughs.
 */
export function isThreat(folded: string, hasStaffTarget: boolean): boolean {
  const hits = threatCues(folded);
  const total = hits.reduce((sum, hit) => sum + hit.weight, 0);
  const banter = hasAny(folded, JOKING) && !hits.some((hit) => isEmojiOnly(folded, hit));
  const needed = banter ? 3 : 2;
  const aimedAtCarer = hasStaffTarget && hits.some((hit) => hit.weight === 1 && !isEmojiOnly(folded, hit));
  return total >= needed || (total >= needed - 1 && aimedAtCarer);
}

function isEmojiOnly(folded: string, hit: Hit): boolean {
  return !/\p{L}/u.test(folded.slice(hit.start, hit.end));
}

const INCITEMENTS: readonly WeightedCue[] = [
  // Sending people at someone: "allez lui dire", "signalez-la partout", "inondez son Doctolib".
  {
    pattern: cue(
      'allez (?:lui|leur) (?:dire|demander|expliquer|faire)(?! (?:merci|bravo|bonjour|coucou|un coucou))|allez (?:la|le|les) voir|allez voir (?:son|sa|ses) (?:compte|profil|insta|page|facebook|fb|tiktok|snap|cabinet)',
    ),
    weight: 2,
  },
  {
    pattern: cue(
      'signalez[- ]?(?:la|le|les|lui)|signalez (?:son|sa|ses|leur|ce|cette) (?:compte|profil|page|insta|video)|signalez (?:en masse|partout|massivement)',
    ),
    weight: 2,
  },
  { pattern: cue('harcelez|spammez|(?:harcelez|bombardez|affichez)[- ](?:la|le|les|lui)'), weight: 2 },
  {
    pattern: cue(
      '(?:retrouvez|trouvez)[- ](?:la|le|les)(?! (?:sur|en|dans|a|au|ici|des|le|la|les|chaque|tous))',
    ),
    weight: 1,
  },
  { pattern: cue('(?:inondez|spammez|bombardez|defoncez|pourrissez) (?:son|sa|ses|leur|leurs)'), weight: 2 },
  {
    pattern: cue(
      '(?:envoyez|ecrivez|mettez|balancez)[- ](?:lui|leur) (?:des|plein de|vos|tous vos) (?:messages|mails|avis|commentaires|insultes|menaces|dm|mp)',
    ),
    weight: 2,
  },
  { pattern: cue('(?:envoyez|ecrivez|balancez)[- ](?:lui|leur)(?! (?:plein de |vos |tout votre |du |de la |des )?(?:force|courage|amour|bisous|ondes|soutien|remerciements|mots doux|messages de soutien))'), weight: 1 },
  { pattern: cue('avis (?:a )?(?:1|une) etoile|(?:1|une) etoile (?:partout|en masse)'), weight: 1 },
  {
    pattern: cue(
      '(?:diffusez|balancez|partagez) (?:son|sa|ses) (?:nom|photo|tete|adresse|numero|profil|compte)',
    ),
    weight: 2,
  },
  {
    pattern: cue(
      '(?:faites|faut) (?:la|le|les) virer|faites[- ](?:lui|leur) (?:comprendre|payer|savoir|regretter)|dites[- ](?:lui|leur) ce que',
    ),
    weight: 2,
  },
  {
    pattern: cue(
      '(?:maintenant|comme ca|desormais) vous savez (?:ou|quand) (?:aller )?(?:la|le|les|lui) (?:trouver|voir|attendre|croiser)|vous savez (?:ou|quand) (?:aller )?(?:la|le|les) (?:trouver|voir|attendre)',
    ),
    weight: 2,
  },
  { pattern: cue('si vous (?:la|le|les) (?:croisez|voyez|trouvez|reconnaissez)'), weight: 1 },
  { pattern: cue("qu'(?:il|elle|ils|elles) assument?"), weight: 1 },
  { pattern: cue('appelez[- ](?:la|le|les|lui)'), weight: 1 },
  {
    pattern: cue(
      'faites tourner|partagez (?:un max|en masse|partout|massivement|au max(?:imum)?|un maximum)|rt (?:un max|en masse)',
    ),
    weight: 1,
  },
  { pattern: cue('que tout le monde (?:sache|le sache|voie)|tout le monde doit (?:le )?savoir'), weight: 1 },
  // Exposing the person's account: "j'ai retrouvé son compte insta", "voici son profil".
  {
    pattern: cue(
      "(?:j'ai (?:re)?trouve|voici|voila) (?:son|sa|le|la) (?:compte|profil|page|insta|facebook|fb|tiktok|snap)",
    ),
    weight: 1,
  },
];

/** Calls to target a person (to be weighed with who the target is). */
export function incitementCues(folded: string): WeightedHit[] {
  return weighted(folded, INCITEMENTS);
}

/**
 * A grievance against a carer, which makes published details a weapon: "l'interne qui a renvoyé
 * ma fille", "la cadre qui a fait virer", "l'infirmier qui témoigne contre nous".
 */
const GRIEVANCES = [
  cue(
    `qui (?:a|ont|m'a|nous a|l'a|les a|m'ont|nous ont) ${upTo(1)}(?:fait (?:virer|placer|renvoyer|enlever|interner|radier|expulser)|renvoye|refuse|rate|frappe|tue|laisse (?:mourir|crever|tomber)|appele les services sociaux|signale|porte plainte|fait un signalement|maltraite|humilie|insulte|viole|agresse|blesse|charcute|bousille)`,
  ),
  cue('qui (?:temoigne|temoignent|a temoigne|ont temoigne) contre'),
  cue(
    '(?:pour ceux|pour celles|si vous voulez|qui veulent) (?:qui veulent )?(?:porter plainte|vous venger|lui faire payer)',
  ),
  cue("a cause (?:de lui|d'elle|d'eux)|par (?:sa|leur) faute"),
];

export function grievanceCues(folded: string): Hit[] {
  return findAll(folded, GRIEVANCES);
}

function weighted(folded: string, cues: readonly WeightedCue[]): WeightedHit[] {
  const hits: WeightedHit[] = [];
  for (const { pattern, weight } of cues) {
    for (const match of folded.matchAll(pattern)) {
      hits.push({ start: match.index, end: match.index + match[0].length, weight });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
