/**
 * The language of threats (HARASS-01), shared with the rules that must know whether a post is
 * hostile (DOXX-01 publishes a schedule to hurt someone, GEO-01 to reassure; the category filer
 * needs THREAT apart from other attacks).
 *
 * A `strong` sign is a threat by itself ("on sait où tu habites", "je vais le buter"); a `weak`
 * one ("je vais le retrouver", "elle va m'entendre", "on l'attendra") needs a second sign or a
 * person spoken of before it, since "je vais le retrouver" is a threat when a doctor is the "le",
 * not when a phone is. Laughter (`joke`) asks for one sign more: "je te tue à Mario Kart 😂".
 */

import { WORD_END } from '../text/words.js';
import { PROFESSIONS } from './conduct-words.js';
import { anyOf, gap, type Hit, type LabelledHit, phraseFamily, scanFamily, within } from './phrase-family.js';
import { rememberLast } from './remember-last.js';
import { CREW, HARM_KEY, HARM_VERB, LEAVES_VERB, PLACE_TARGET, WHEREABOUTS_VERB } from './threat-words.js';

export type ThreatSign = 'strong' | 'weak' | 'weapon' | 'joke';

// Object pronouns with what follows them: a space, or nothing after an elision ("je t'aurai").
const OBJECT = `(?:${anyOf(['te', 'vous', 'le', 'la', 'les', 'lui', 'leur'])} |[tl]')`;
const PERSON_OBJECT = "(?:te |vous |t')";
const THIRD_OBJECT = "(?:le |la |les |l')";
// SMS spellings included: "jvais le retrouver", "j'vais te défoncer".
const FIRST_PERSON = anyOf(['je', "j'", 'on', 'nous', 'jvais', "j'vais", 'jvai', 'jv']);
const WILL = `(?:${anyOf(['vais', 'va', 'allons', 'veux', 'vas', 'vais aller', 'va aller'])} )?`;
// A determiner with its space, or an elided one: never "à", so "on retourne aux urgences" stays a visit.
const DETERMINER = `(?:${anyOf(['le', 'la', 'les', 'ce', 'cet', 'cette', 'ces', 'ton', 'ta', 'tes', 'son', 'sa', 'ses', 'leur', 'vos', 'votre', 'tout'])} |l')`;
const LEAVES = `${LEAVES_VERB} (?:a \\d{1,2}(?:\\s?h(?:\\d{2})?)?|vers|par|tous|toutes|chaque|au|a la|en|rue|dans|pres|derriere|devant|le soir|le matin)`;
const WRECK = 'casser?|peter?|defoncer?|niquer?|saccager?';
// Who can be threatened by name of their kind: hospital professions and ordinary words for a
// person ("ce type", "cette femme").
const HARMED_PERSON = `(?:${anyOf([...PROFESSIONS, 'personnel', 'type', 'mec', 'gars', 'femme', 'homme', 'fille', 'meuf', 'directeur', 'directrice', 'connard', 'conne', 'salaud', 'salope', 'enfoire', 'batard'])})`;

const THREATS = phraseFamily<ThreatSign>(
  [
    // Harm promised by the author: "je vais le buter", "je lui crève les pneus", "on va te défoncer".
    ['strong', `${FIRST_PERSON} ${WILL}${OBJECT}${gap(1)}${HARM_VERB}`, HARM_KEY],
    // Harm promised to a named kind of person, the object after the verb: "je vais tuer cette
    // infirmière", "on va frapper ce médecin". A person noun is required, so that "on va tuer le
    // temps" or "je vais exploser le record" stay harmless.
    // "Je vais tuer cette infirmière de rire" is a compliment.
    [
      'strong',
      `${FIRST_PERSON} ${WILL}${HARM_VERB} ${DETERMINER}${gap(1)}${HARMED_PERSON}(?! (?:de rire|a la tache|au boulot|de travail))`,
      HARM_KEY,
    ],
    // Hunting someone down: "on vous retrouvera", "je te retrouverai" (a person is addressed).
    [
      'strong',
      `${FIRST_PERSON} ${WILL}${PERSON_OBJECT}${gap(1)}retrouver(?:a|ai|ons|ont)?`,
      'retrouver(?:a|ai|ons|ont)?',
    ],
    // Not "je veux la retrouver sur Facebook" (DOXX-01's business) nor to thank her.
    [
      'weak',
      `${FIRST_PERSON} ${WILL}${THIRD_OBJECT}${gap(1)}retrouver(?:a|ai|ons|ont)?(?! (?:sur|pour (?:la |le |lui )?(?:remercier|dire merci)))`,
      'retrouver(?:a|ai|ons|ont)?',
    ],
    // Retribution announced: "il va payer", "tu vas le regretter", "tu me le paieras".
    [
      'strong',
      `(?:il|elle|ils|elles|tu|vous|toi|lui) (?:va|vont|vas|allez) (?:le |me |nous )?payer(?! (?:la|le|les|l'|des|du|un|une|\\d|pour(?! (?:ce|ca|cela|tout))|ma|mon|mes|ta|ton|tes|sa|son|ses|leur|combien|comment|en|par|avec|a|au|aux|moins|plus))`,
      'payer',
    ],
    [
      'strong',
      '(?:tu|vous|il|elle|ils|elles) (?:me |nous )?(?:le|la) (?:paiera|paieras|paierez|paieront|payera|payeras)',
      'paiera|paieras|paierez|paieront|payera|payeras',
    ],
    ['strong', '(?:il|elle|ils|elles|tu|vous) (?:va|vont|vas|allez) (?:le |la )?regretter', 'regretter'],
    ['strong', '(?:tu|vous|il|elle) (?:vas|allez|va) voir ce que (?:ca|cela) (?:coute|fait|donne)', 'voir'],
    [
      'strong',
      '(?:tu|vous|il|elle|ils|elles) (?:ne )?(?:perds|perdez|perd|perdent) rien pour attendre',
      'attendre',
    ],
    // "vous allez comprendre", "il va morfler"; not "vous allez comprendre pourquoi" (an explanation).
    [
      'strong',
      "(?:tu|vous|il|elle|ils|elles) (?:vas|allez|va|vont) (?:comprendre|morfler|prendre cher|en baver|en chier|le sentir passer|voir de quoi je suis capable)(?! (?:pourquoi|comment|que|qu'|ce qu|l'|le |la |les |des |un |une |si|combien|en|tout|mieux|vite|a))",
      'comprendre|morfler|cher|baver|chier|passer|capable',
    ],
    // "elle va m'entendre", "il l'aura cherché": anger that may be a complaint.
    ['weak', "(?:il|elle|ils|elles|tu|vous) (?:va|vont|vas|allez) m'entendre", 'entendre'],
    ['weak', "(?:il|elle|ils|elles) l'(?:aura|auront) (?:bien )?cherche", 'cherche'],
    [
      'strong',
      '(?:gare a (?:toi|vous|lui|elle|eux|tes fesses))|ca va (?:mal finir|se payer|chauffer|saigner|barder|se regler (?:dehors|autrement|entre nous))',
      'gare|finir|payer|chauffer|saigner|barder|regler',
    ],
    // Knowing someone's car or home, said to them: "je connais ta voiture, docteur".
    [
      'strong',
      '(?:je|on) (?:connais|connait|sais|a reconnu|ai reconnu|a repere|ai repere) (?:ta|ton|tes|votre|vos|sa|son|leur) (?:voiture|caisse|bagnole|adresse|maison|rue|immeuble|plaque|gosses|enfants|famille)',
      'voiture|caisse|bagnole|adresse|maison|rue|immeuble|plaque|gosses|enfants|famille',
    ],
    [
      'weak',
      '(?:fais|faites|fait) (?:gaffe|attention) (?:en rentrant|quand (?:tu|vous) (?:sors|sortez|rentres|rentrez)|a (?:toi|vous|ta|tes|vos|votre) (?:peau|fesses|gueule|famille|enfants|gosses|voiture))|(?:fais|faites) gaffe a (?:toi|vous)',
      'gaffe|attention',
    ],
    // Knowing where someone lives or when they leave: "on sait où tu habites", "je sais qu'elle sort à 21h".
    [
      'strong',
      `(?:je|on|nous) (?:sait|sais|savons|connait|connais) (?:ou|a quelle heure|quand) (?:tu|vous|il|elle|ils|elles) (?:te |se |vous )?${WHEREABOUTS_VERB}`,
      WHEREABOUTS_VERB,
    ],
    [
      'weak',
      `(?:je|on|nous) (?:sait|sais|savons) (?:qu'(?:il|elle|ils|elles)|que tu) ${LEAVES}`,
      'sait|sais|savons',
    ],
    [
      'weak',
      "(?:je|on|nous) (?:sait|sais|savons) (?:c'est qui|qui c'est|qui (?:tu es|vous etes|il est|elle est))",
      'sait|sais|savons',
    ],
    [
      'strong',
      "on (?:connait|connais) (?:vos|ta|sa|leurs?) (?:tetes?|gueules?|visages?)|on (?:vous |t')a a l'(?:oe|œ)il",
      'tetes?|gueules?|visages?|oeil',
    ],
    [
      'strong',
      '(?:vous avez|tu as|t.as|il a|elle a|ils ont) interet a (?:marcher droit|faire gaffe|faire attention|vous cacher|te cacher|bien (?:me )?soigner|pas (?:sortir|trainer))',
      'interet',
    ],
    ['weak', '(?:vous avez|tu as|t.as) interet a', 'interet'],
    // Violence against the place: arson, wrecking, coming back in numbers.
    [
      'strong',
      `${FIRST_PERSON} ${WILL}(?:fous|fout|foutre|mets|met|mettre|fouts) le feu (?:a|au|aux|dans)${within(25)}${PLACE_TARGET}`,
      'feu',
    ],
    [
      'strong',
      `${FIRST_PERSON} ${WILL}(?:tout )?(?:${WRECK}|bruler?|exploser?|ravager?|retourner?|retournera|retournerons) ${DETERMINER}${within(12)}${PLACE_TARGET}`,
      `${WRECK}|bruler?|exploser?|ravager?|retourner?|retournera|retournerons`,
    ],
    // "je vais tout casser aux urgences" threatens; "on va tout casser ce soir" may be a party.
    [
      'strong',
      `${FIRST_PERSON} ${WILL}(?:tout (?:${WRECK}|bruler?|retourner?)|(?:${WRECK}) tout)${within(30)}${PLACE_TARGET}`,
      `${WRECK}|bruler?|retourner?`,
    ],
    ['weak', `${FIRST_PERSON} ${WILL}(?:tout (?:${WRECK})|(?:${WRECK}) tout)`, WRECK],
    [
      'strong',
      `(?:je reviens|je reviendrai|on revient|on reviendra|je vais revenir|on va revenir|on va venir|on viendra|je debarque|on debarque|je passe|on passe|je vais passer|on va passer) ${gap(2)}avec (?:mes|des|les|tous mes|toute ma|ma|toute la) ${CREW}`,
      CREW,
    ],
    // Coming back in numbers is menacing only with something else ("vous allez comprendre").
    [
      'weak',
      `(?:je reviens|on revient|on reviendra|on va revenir|on va venir|on viendra|on debarque) ${gap(2)}(?:a plusieurs|en nombre|a \\d+${WORD_END})`,
      'reviens|revient|reviendra|revenir|venir|viendra|debarque',
    ],
    // Lying in wait: "j'attends l'interne à la sortie", "on l'attendra", "on va discuter 👊".
    [
      'strong',
      `(?:j'|on |je )(?:t'|vous |l'|le |la |les )?attend(?:s|ra|rai|rons|ront)? ${within(60)}(?:a la sortie|dehors|devant (?:chez|l'|le |la |son |sa )|au parking|sur le parking|en bas de chez)`,
      'attend(?:s|ra|rai|rons|ront)?',
    ],
    [
      'weak',
      "(?:on|je) (?:l'|le |la )attend(?:ra|rai|rons)(?=\\s*(?:$|[.!…]|👀|😈|😡|🤬|🔪|👊|a la sortie|dehors|devant|au parking|ce soir|demain soir))",
      'attendra|attendrai|attendrons',
    ],
    [
      'weak',
      "(?:je t'ai|je vous ai|on t'a|on vous a) (?:trouvee?s?|retrouvee?s?)(?! (?:un|une|des|du|de|le|la|les|ca|quelque|super|genial|top))",
      'trouvee?s?|retrouvee?s?',
    ],
    [
      'weak',
      'on va (?:discuter|s.expliquer|regler (?:ca|nos comptes)|causer|parler entre hommes)',
      'discuter|expliquer|regler|causer|parler',
    ],
    ['weak', 'je (?:vous|te|lui|leur) le (?:promets|jure)', 'promets|jure'],
    ['joke', 'mdr+|ptdr+|lol|haha\\w*|hihi|jpp|xd', ''],
  ],
  [
    ['weapon', '👊|🔪|🔫|💣|🪓|🩸|☠️|☠|🧨'],
    ['joke', '😂|🤣|😆|😜|😝'],
  ],
);

function computeThreatCues(folded: string): LabelledHit<ThreatSign>[] {
  return scanFamily(THREATS, folded);
}

/** Threat signs in the text, memoised: several rules ask the same question of one post. */
export const threatCues = rememberLast(computeThreatCues);

const WEIGHT: Record<ThreatSign, number> = { strong: 2, weak: 1, weapon: 1, joke: 0 };

/**
 * Whether the text threatens someone: weights adding up to 2, or a weak sign aimed at a person
 * spoken of before it ("le toubib qui a renvoyé mon frère, je vais le retrouver": the "le" is the
 * doctor; in "je vais le retrouver ce rdv, la secrétaire l'a perdu" it is not). One more is
 * needed when the post laughs without a weapon. `targets` is only asked for when it decides.
 */
export function isThreat(folded: string, targets: () => readonly Hit[]): boolean {
  const hits = threatCues(folded);
  if (hits.length === 0) return false;
  let total = 0;
  let joking = false;
  let weapon = false;
  for (const hit of hits) {
    total += WEIGHT[hit.label];
    if (hit.label === 'joke') joking = true;
    if (hit.label === 'weapon') weapon = true;
  }
  const needed = joking && !weapon ? 3 : 2;
  if (total >= needed) return true;
  if (total < needed - 1) return false;
  const people = targets();
  return hits.some((hit) => hit.label === 'weak' && people.some((person) => person.start < hit.start));
}
