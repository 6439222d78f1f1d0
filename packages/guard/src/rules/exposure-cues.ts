/**
 * What lets someone be found (DOXX-01, C. pén. 223-1-1): where they live, how to reach them,
 * their car, their family, their private accounts, and when and where they come and go. Shared
 * with HARASS-01, for which publishing such details about a target is itself hostile.
 */
import { anyOf, cue, findAll, type Hit, hasAny, within } from './people-cues.js';
import { rememberLast } from './remember-last.js';

/**
 * `home`, `contact`, `vehicle`, `family` and `account` expose by themselves; `residence` ("elle vit à"),
 * `car` ("sa Clio au parking") and `schedule` only when the post is hostile or a span backs them.
 */
export type ExposureKind =
  | 'home'
  | 'residence'
  | 'contact'
  | 'vehicle'
  | 'car'
  | 'family'
  | 'account'
  | 'schedule';

export interface ExposureHit extends Hit {
  readonly kind: ExposureKind;
}

const SUBJECT = anyOf(['il', 'elle', 'qui', 'ils', 'elles', 'lui', 'et']);
const RESIDENCE_VERB = anyOf([
  'habite',
  'habitent',
  'habitait',
  'vit',
  'vivent',
  'loge',
  'logent',
  'reside',
  'residait',
  'demeure',
]);
const WHERE = anyOf([
  'a',
  'au',
  'aux',
  'en',
  'dans',
  'pres',
  'juste',
  'a cote',
  'chez',
  'sur',
  'rue',
  'avenue',
  'bd',
  'boulevard',
  'impasse',
  'allee',
  'chemin',
  'route',
  'place',
  'lotissement',
  'residence',
  'le quartier',
  'le meme',
  'au-dessus',
  'au dessus',
  'en face',
  'derriere',
  'au bout',
  'du cote',
  'a deux pas',
  '\\d+',
]);
const VEHICLE = anyOf([
  'voiture',
  'caisse',
  'bagnole',
  'vehicule',
  'moto',
  'scooter',
  'clio',
  'golf',
  'tesla',
  'porsche',
  'audi',
  'bmw',
  'mercedes',
  'twingo',
  'polo',
  'zoe',
  'c3',
  '208',
  '308',
  '3008',
  'yaris',
  'captur',
  'megane',
  'mini',
]);
const FAMILY = anyOf([
  'femme',
  'mari',
  'epouse',
  'epoux',
  'conjointe?',
  'compagne',
  'compagnon',
  'copine',
  'copain',
  'enfants',
  'gosses',
  'gamins',
  'filles?',
  'fils',
  'mioches',
  'momes?',
  'bebe',
  'parents',
  'mere',
  'pere',
  'soeur',
  'frere',
]);
const FAMILY_LOCATOR = anyOf([
  "s'appellent?",
  'bossent?',
  'travaillent?',
  'ecole',
  'creche',
  'college',
  'lycee',
  'habitent?',
  'photos?',
  'sortie',
  'club',
  'fac',
]);
const ACCOUNT = anyOf([
  'compte',
  'profil',
  'page',
  'insta',
  'instagram',
  'facebook',
  'fb',
  'tiktok',
  'snap',
  'linkedin',
]);
const TIME = '(?:a |vers |des |jusqu.a )?\\d{1,2}\\s?h(?:\\d{2})?';
const ROUTINE = `(?:${anyOf(['tous les', 'toutes les', 'chaque'])} (?:soirs?|matins?|jours?|nuits?|semaines?|lundis?|mardis?|mercredis?|jeudis?|vendredis?|samedis?|dimanches?|week-ends?))`;
const COMINGS_AND_GOINGS = anyOf([
  'sort',
  'sortent',
  'finit',
  'finissent',
  'termine',
  'terminent',
  'commence',
  'arrive',
  'arrivent',
  'part',
  'partent',
  'quitte',
  'quittent',
  'embauche',
  'debauche',
  'prend son (?:poste|service)',
  'fait son (?:footing|jogging|sport)',
  'court',
  'promene son chien',
  'depose ses (?:enfants|gosses)',
  'va chercher ses (?:enfants|gosses)',
  'fait ses courses',
  'va a la salle',
  'rentre chez (?:lui|elle)',
  'se gare',
]);

const EXPOSURES: readonly { readonly kind: ExposureKind; readonly patterns: readonly RegExp[] }[] = [
  {
    kind: 'residence',
    patterns: [
      cue(`${SUBJECT} ${RESIDENCE_VERB} ${WHERE}`),
      // Any third-person subject for "habite": "l'urgentiste qui m'a renvoyé habite au-dessus de…".
      cue(`(?<!j'|je |tu |vous |nous |on |j)(?:habite|habitent|reside|loge) ${WHERE}`),
    ],
  },
  {
    kind: 'home',
    patterns: [
      cue(
        `(?:son|sa) (?:adresse|domicile|maison|appart|appartement|immeuble|pavillon|residence|rue)|adresse (?:perso|personnelle|du domicile)|l'adresse (?:de |du |d')(?:l'|la |le |ce |cette )?${within(25)}(?:infirmier|infirmiere|medecin|docteur|dr|interne|chirurgien|sage-femme|aide-soignante?|psy|cadre|directeur|directrice)`,
      ),
      cue(
        `chez (?:lui|elle) c'est|(?:maison|pavillon|immeuble) (?:avec|au) (?:le |la |les )?(?:portail|volets|porte|toit)`,
      ),
    ],
  },
  {
    kind: 'contact',
    patterns: [
      cue(
        `(?:son|sa) (?:numero|num|tel|telephone|portable|phone|06|07|mail|email|e-mail|adresse mail|adresse e-mail|whatsapp|snap)`,
      ),
      cue(
        `(?:numero|num|tel|telephone|portable|mail|email|adresse mail|ligne) (?:perso|personnel|personnelle|prive|privee)`,
      ),
    ],
  },
  {
    kind: 'car',
    patterns: [
      cue(`(?:gare|garait|se gare|stationne|parque) (?:sa|son|toujours|tous les|chaque)`),
      cue(
        `roule en ${VEHICLE}|(?:sa|son) ${VEHICLE} ${within(30)}(?:garee|gare|stationnee|au parking|sur le parking|parking|immatriculee|plaque)`,
      ),
    ],
  },
  { kind: 'family', patterns: [cue(`(?:sa|son|ses) ${FAMILY}${within(50)}${FAMILY_LOCATOR}`)] },
  {
    kind: 'account',
    patterns: [
      cue(
        `j'ai (?:re)?trouve (?:son|sa|le|la) (?:${ACCOUNT}|adresse|numero|nom)|son (?:compte|profil) (?:insta|instagram|facebook|fb|tiktok|snap|linkedin|twitter)`,
      ),
      cue(
        `(?:qqn|quelqu'un|qui|vous) (?:connait|connaissez|a|avez|sait|savez|aurait) (?:son|le|sa) (?:nom|nom de famille|adresse|numero|${ACCOUNT})`,
      ),
      cue(
        `je (?:veux|vais|voudrais) (?:la|le) (?:re)?trouver (?:sur|a|au|en)|(?:donnez|envoyez|balancez|dites)[- ]moi son (?:nom|adresse|numero)`,
      ),
      cue(
        `(?:je t'ai|je l'ai|on t'a|on l'a|je vous ai) (?:re)?trouvee?s?(?! (?:un|une|des|du|de|le|la|les|ca|quelque|super|genial|top))`,
      ),
    ],
  },
  {
    kind: 'schedule',
    patterns: [
      cue(`${COMINGS_AND_GOINGS} ${within(40)}(?:${ROUTINE}|${TIME})`),
      cue(`${ROUTINE} ${within(10)}${TIME}`),
      cue('planning (?:des|de|du)'),
    ],
  },
];

/** The details in the text that would let someone be found, with their kind. */
function computeExposureCues(folded: string): ExposureHit[] {
  const hits: ExposureHit[] = [];
  for (const { kind, patterns } of EXPOSURES) {
    for (const hit of findAll(folded, patterns)) hits.push({ ...hit, kind });
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Memoised on the last text: several rules ask the same question of one post. */
export const exposureCues = rememberLast(computeExposureCues);

/** Someone looking for a carer's name to thank them is no doxxer. */
const GRATITUDE = [cue('remercier|dire merci|merci|offrir|cadeau|chocolats|des fleurs|gratitude')];

export function soundsGrateful(folded: string): boolean {
  return hasAny(folded, GRATITUDE);
}
