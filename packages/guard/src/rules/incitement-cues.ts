/**
 * Calls to go after a person (HARASS-01 pile-ons: "signalez-la partout", "allez lui dire ce que
 * vous en pensez", "inondez son Doctolib") and grievances against a carer that make published
 * details a weapon ("l'interne qui a renvoyé ma fille"). Weighted like threats: 2 is a call by
 * itself, 1 ("faites tourner", "appelez-le") needs a post that already means harm.
 */
import { cue, findAll, type Hit, upTo } from './people-cues.js';
import { rememberLast } from './remember-last.js';
import { type WeightedCue, type WeightedHit, weighted } from './threat-cues.js';

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
  {
    pattern: cue(
      '(?:envoyez|ecrivez|balancez)[- ](?:lui|leur)(?! (?:plein de |vos |tout votre |du |de la |des )?(?:force|courage|amour|bisous|ondes|soutien|remerciements|mots doux|messages de soutien))',
    ),
    weight: 1,
  },
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
  // Wanting the person to lose their job ("faut qu'elle perde son taf"); not a call for a
  // disciplinary sanction ("il faut qu'il soit radié"), which is an opinion.
  {
    pattern: cue(
      "(?:faut|il faut|faudrait|il faudrait) qu'(?:il|elle) (?:perde|perdent) (?:son|sa|leur) (?:taf|boulot|travail|job|poste|place)|(?:faut|il faut|faudrait) qu'(?:il|elle) (?:degage|soit viree?)",
    ),
    weight: 1,
  },
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
function computeIncitementCues(folded: string): WeightedHit[] {
  return weighted(folded, INCITEMENTS);
}

/** Memoised on the last text: several rules ask the same question of one post. */
export const incitementCues = rememberLast(computeIncitementCues);

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

function computeGrievanceCues(folded: string): Hit[] {
  return findAll(folded, GRIEVANCES);
}

/** Memoised on the last text: several rules ask the same question of one post. */
export const grievanceCues = rememberLast(computeGrievanceCues);

/**
 * Innuendo that turns a detail into a hint: "au cas où 😉", "je dis ça je dis rien", "à bon
 * entendeur". Not a threat, not a call, but it tells readers what the published detail is for.
 */
const INNUENDO = [
  cue(
    'au cas ou|je dis (?:ca|cela),? je dis rien|je dis ca comme ca|a bon entendeur|suivez mon regard|avis aux amateurs|si vous voyez ce que je veux dire|vous savez quoi faire|vous saurez quoi faire|faites-en ce que vous voulez',
  ),
  /😈/gu,
];

function computeInnuendoCues(folded: string): Hit[] {
  return findAll(folded, INNUENDO);
}

/** Memoised on the last text: several rules ask the same question of one post. */
export const innuendoCues = rememberLast(computeInnuendoCues);
