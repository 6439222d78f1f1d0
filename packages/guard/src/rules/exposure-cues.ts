/**
 * What lets someone be found (DOXX-01, C. pén. 223-1-1): where they live, how to reach them,
 * their car, their family, their private accounts, and when and where they come and go. Shared
 * with HARASS-01, for which publishing such details about a target is itself hostile.
 */

import { anyOf, cue, type Hit, matches, phraseFamily, scanFamily, within } from './phrase-family.js';
import { rememberLast } from './remember-last.js';
import { wordList } from './word-lists.js';

/**
 * `home`, `contact`, `vehicle`, `family` and `account` expose by themselves; `residence` ("elle vit à"),
 * `car` ("sa Clio au parking"), `profile` ("il est sur tiktok @x"), `whereabouts` ("il est
 * hospitalisé au pavillon C", "elle travaille désormais au 3e") and `schedule` only when the post
 * means harm or a span backs them.
 */
export type ExposureKind =
  | 'home'
  | 'residence'
  | 'contact'
  | 'vehicle'
  | 'car'
  | 'family'
  | 'account'
  | 'profile'
  | 'whereabouts'
  | 'schedule';

export interface ExposureHit extends Hit {
  readonly kind: ExposureKind;
}

const SUBJECT = anyOf(['il', 'elle', 'qui', 'ils', 'elles', 'lui', 'et']);
const RESIDENCE_VERB = anyOf(wordList('exposure-residence-verb'));
const WHERE = anyOf(wordList('exposure-where'));
const VEHICLE = anyOf(wordList('exposure-vehicle'));
const FAMILY = anyOf(wordList('exposure-family'));
const FAMILY_LOCATOR = anyOf(wordList('exposure-family-locator'));
const ACCOUNT = anyOf(wordList('exposure-account'));
const TIME = '(?:a |vers |des |jusqu.a )?\\d{1,2}\\s?h(?:\\d{2})?';
const ROUTINE = `(?:${anyOf(['tous les', 'toutes les', 'chaque'])} (?:soirs?|matins?|jours?|nuits?|semaines?|lundis?|mardis?|mercredis?|jeudis?|vendredis?|samedis?|dimanches?|week-ends?))`;
const COMINGS_AND_GOINGS = anyOf(wordList('exposure-comings-and-goings'));

// Comings and goings, a routine, or a planning: what a schedule phrase cannot do without.
const SCHEDULE_KEY =
  'sort|sortent|sortie|fin|finit|finissent|termine|terminent|commence|arrive|arrivent|part|partent|quitte|quittent|embauche|debauche|poste|service|footing|jogging|sport|court|chien|enfants|gosses|courses|salle|rentre|gare|tous|toutes|chaque|planning';

const EXPOSURES = phraseFamily<ExposureKind>([
  [
    'contact',
    `(?:son|sa) (?:numero|num|tel|telephone|portable|phone|06|07|mail|email|e-mail|adresse mail|adresse e-mail|whatsapp|snap)|(?:numero|num|tel|telephone|portable|mail|email|adresse mail|ligne) (?:perso|personnel|personnelle|prive|privee)`,
    'numero|num|tel|telephone|portable|phone|06|07|mail|email|adresse|whatsapp|snap|ligne',
  ],
  [
    'home',
    `(?:son|sa) (?:adresse|domicile|maison|appart|appartement|immeuble|pavillon|residence|rue)|adresse (?:perso|personnelle|du domicile)|l'adresse (?:de |du |d')(?:l'|la |le |ce |cette )?${within(25)}(?:infirmier|infirmiere|medecin|docteur|dr|interne|chirurgien|sage-femme|aide-soignante?|psy|cadre|directeur|directrice)`,
    'adresse|domicile|maison|appart|appartement|immeuble|pavillon|residence|rue',
  ],
  [
    'home',
    `chez (?:lui|elle) c'est|(?:maison|pavillon|immeuble) (?:avec|au) (?:le |la |les )?(?:portail|volets|porte|toit)`,
    'chez|maison|pavillon|immeuble',
  ],
  ['residence', `${SUBJECT} ${RESIDENCE_VERB} ${WHERE}`, RESIDENCE_VERB],
  // Any third-person subject for "habite": "l'urgentiste qui m'a renvoyé habite au-dessus de…".
  ['residence', `(?:habite|habitent|reside|loge) ${WHERE}`, 'habite|habitent|reside|loge'],
  [
    'car',
    `(?:gare|garait|se gare|stationne|parque) (?:sa|son|toujours|tous les|chaque)|roule en ${VEHICLE}|(?:sa|son) ${VEHICLE} ${within(30)}(?:garee|gare|stationnee|au parking|sur le parking|parking|immatriculee|plaque)`,
    `gare|garait|stationne|parque|roule|${VEHICLE}`,
  ],
  ['family', `(?:sa|son|ses) ${FAMILY}${within(50)}${FAMILY_LOCATOR}`, FAMILY],
  [
    'account',
    `j'ai (?:re)?trouve (?:son|sa|le|la) (?:${ACCOUNT}|adresse|numero|nom)|(?:son|sa) (?:compte|profil|page) (?:insta|instagram|facebook|fb|tiktok|snap|linkedin|twitter|perso)`,
    'trouve|retrouve|compte|profil|page',
  ],
  // A carer's social account pointed at ("il est sur tiktok @x"): exposure only in a hostile post.
  [
    'profile',
    `(?:son|sa) (?:insta|instagram|tiktok|snap|fb|facebook|linkedin|twitter) (?:c'est|:|@|perso)|est (?:aussi |meme )?sur (?:insta|instagram|tiktok|snap|snapchat|facebook|fb|linkedin|twitter|x)(?= @)|(?:retrouvez|trouvez)[- ](?:la|le) sur (?:insta|instagram|tiktok|snap|facebook|fb|linkedin|twitter)`,
    'trouve|retrouve|compte|profil|page|insta|instagram|tiktok|snap|snapchat|fb|facebook|linkedin|twitter',
  ],
  [
    'account',
    `(?:qqn|quelqu'un|qui|vous) (?:connait|connaissez|a|avez|sait|savez|aurait) (?:son|le|sa) (?:nom|nom de famille|adresse|numero|${ACCOUNT})|je (?:veux|vais|voudrais) (?:la|le) (?:re)?trouver (?:sur|a|au|en)|(?:donnez|envoyez|balancez|dites)[- ]moi son (?:nom|adresse|numero)`,
    'nom|adresse|numero|compte|profil|page|insta|instagram|facebook|fb|tiktok|snap|linkedin|trouver|retrouver',
  ],
  [
    'account',
    `(?:je t'ai|je l'ai|on t'a|on l'a|je vous ai) (?:re)?trouvee?s?(?! (?:un|une|des|du|de|le|la|les|ca|quelque|super|genial|top))`,
    'trouvee?s?|retrouvee?s?',
  ],
  // Where a person is right now or works: "il est hospitalisé en psy, chambre 7", "elle travaille désormais de nuit au 3e".
  [
    'whereabouts',
    `est (?:hospitalisee?|internee?|admise?) (?:a|au|en|dans|aux)|(?:il|elle) est (?:interne|soignee?) (?:a|au|en|dans|aux)|(?:il|elle) est (?:en|au|a la|dans la) (?:chambre|box|lit|pavillon|secteur)|(?:il|elle) (?:travaille|bosse|exerce|consulte|est) (?:desormais|maintenant|aujourd'hui|depuis) (?:de nuit |de jour |le soir |le matin )?(?:a|au|en|dans|aux)|(?:il|elle) (?:travaille|bosse) (?:desormais |maintenant )?de (?:nuit|jour) (?:a|au|en|dans|aux)`,
    'hospitalisee?|interne|internee?|admise?|soignee?|chambre|box|lit|pavillon|secteur|desormais|maintenant|aujourd|depuis|travaille|bosse',
  ],
  // Off duty and away, with where or until when: "en vacances à l'hôtel X jusqu'au 20".
  [
    'whereabouts',
    `(?:est|sera|part|partira|reste|restera|sont|seront) (?:en|au|a la|a l') (?:vacances|conges|conge|week-end|weekend|repos|camping|ski|mer|montagne) (?:a|au|aux|en|dans|chez|jusqu'au|jusqu'a|jusqu'en)|(?:loge|dort|sejourne|descend|descendu|descendue) (?:a|au|dans) (?:l'hotel|le camping|un gite|le gite|la residence)|(?:a|dans) l'hotel ${within(50)}jusqu'(?:au|a|en) (?:\\d|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|la fin)`,
    'vacances|conges|conge|week-end|weekend|repos|camping|ski|mer|montagne|loge|dort|sejourne|descend|descendu|descendue|hotel',
  ],
  [
    'schedule',
    `${COMINGS_AND_GOINGS} ${within(40)}(?:${ROUTINE}|${TIME})|${ROUTINE} ${within(10)}${TIME}|planning (?:des|de|du)`,
    SCHEDULE_KEY,
  ],
]);

/** The details in the text that would let someone be found, with their kind. */
function computeExposureCues(folded: string): ExposureHit[] {
  return scanFamily(EXPOSURES, folded).map((hit) => ({ start: hit.start, end: hit.end, kind: hit.label }));
}

/** Memoised on the last text: several rules ask the same question of one post. */
export const exposureCues = rememberLast(computeExposureCues);

/** Someone looking for a carer's name to thank them is no doxxer. */
const GRATITUDE = cue('remercier|dire merci|merci|offrir|cadeau|chocolats|des fleurs|gratitude');

export function soundsGrateful(folded: string): boolean {
  return matches(GRATITUDE, folded);
}
