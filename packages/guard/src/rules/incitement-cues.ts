/**
 * Calls to go after a person (HARASS-01 pile-ons), grievances that make published details a
 * weapon, and innuendo that says what a detail is for. One scan of the post, four kinds of sign:
 *
 * - `call`: a call to act against someone by itself: "signalez-la partout", "allez lui dire ce
 *   que vous en pensez", "tout le monde met 1 étoile au Dr X", "inondez son Doctolib";
 * - `nudge`: a call that is harmless alone and a pile-on in a post that means harm: "faites
 *   tourner", "partagez", "appelez-le", "allez lui dire bonjour de ma part", "on y va ce soir ?",
 *   "regardez bien sa tête";
 * - `grievance`: a person blamed for a harm, which turns published details into a weapon: "l'interne
 *   qui a renvoyé ma fille", "la secrétaire qui m'a raccroché au nez", "le type qui a agressé…";
 * - `innuendo`: "au cas où", "je dis ça je dis rien", "vous savez quoi faire", "😈".
 */
import { gap, type LabelledHit, phraseFamily, scanFamily } from './phrase-family.js';
import { rememberLast } from './remember-last.js';

/** `hint`: innuendo that is also a nudge ("vous savez quoi faire", "si vous voulez aller lui faire coucou"). */
export type IncitementSign = 'call' | 'nudge' | 'grievance' | 'innuendo' | 'hint';

const STAFF_WORDS =
  'infirmiere?|aide-soignante?|as|medecin|docteur|doc|toubib|interne|urgentiste|secretaire|sage-femme|brancardier|cadre|kine|pharmacienne?|manip|chirurgien(?:ne)?|pediatre|psy|auxiliaire';

const KIND_WORDS =
  '(?:merci|bravo|bonjour|coucou|un coucou|un petit coucou|qu.(?:il|elle) (?:est|a ete) (?:top|geniale?|super|formidable)|combien)';

// The verbs of a grievance: "qui a renvoyé…", "qui m'a raccroché au nez".
const GRIEVANCE_KEY =
  'virer|placer|renvoyer|enlever|interner|radier|expulser|tomber|renvoye|refuse|rate|loupe|foire|frappe|tue|laisse|appele|signale|porte|fait|maltraite|humilie|insulte|viole|agresse|blesse|charcute|bousille|bouscule|brutalise|gifle|secoue|raccroche|envoye|parle|mal|engueule|hurle|recousu';

const INCITEMENTS = phraseFamily<IncitementSign>(
  [
    // Sending people at someone.
    [
      'call',
      `allez (?:lui|leur) (?:dire|demander|expliquer|faire)(?! ${KIND_WORDS})|allez (?:la|le|les) voir(?! (?:de ma part|elle est|il est))|allez voir (?:son|sa|ses) (?:compte|profil|insta|page|facebook|fb|tiktok|snap|cabinet)`,
      'allez',
    ],
    [
      'nudge',
      `allez (?:lui|leur) dire ${KIND_WORDS}|(?:rendez|rendons)[- ](?:lui|leur) (?:une )?visite`,
      'allez|rendez|rendons',
    ],
    [
      'call',
      "(?:dites|ecrivez|expliquez)[- ](?:lui|leur) ce que|(?:dites|dite)[- ](?:lui|leur) (?:bien )?(?:ce qu'on|ce que vous)",
      'dites|dite|ecrivez|expliquez',
    ],
    [
      'call',
      'signalez[- ]?(?:la|le|les|lui)|signalez (?:son|sa|ses|leur|ce|cette) (?:compte|profil|page|insta|video|tiktok)|signalez (?:en masse|partout|massivement)',
      'signalez',
    ],
    [
      'call',
      'harcelez|spammez|(?:harcelez|bombardez|affichez|lynchez|detruisez|descendez)[- ](?:la|le|les|lui)',
      'harcelez|spammez|bombardez|affichez|lynchez|detruisez|descendez',
    ],
    [
      'nudge',
      '(?:retrouvez|trouvez|identifiez|reconnaissez)[- ](?:la|le|les)(?! (?:sur (?:notre|nos|le site)|en|dans|a|au|ici|des|chaque|tous))',
      'retrouvez|trouvez|identifiez|reconnaissez',
    ],
    [
      'call',
      '(?:inondez|spammez|bombardez|defoncez|pourrissez|descendez|flinguez|plombez) (?:son|sa|ses|leur|leurs|le|la) (?:doctolib|page|fiche|note|compte|avis|profil|insta|cabinet|google)',
      'inondez|spammez|bombardez|defoncez|pourrissez|descendez|flinguez|plombez',
    ],
    // Rating raids: "tout le monde met 1 étoile au Dr X", "mettez-lui une étoile partout".
    [
      'call',
      '(?:tout le monde (?:met|mets|doit mettre|va mettre)|mettez|metez|mettons|laissez|donnez|collez|notez)(?:[- ](?:lui|leur|la|le))? (?:tous |toutes |lui |leur )?(?:1|une|0|zero) etoiles?|(?:1|une) etoile (?:partout|en masse|a (?:ce|cette|cet|la|le))',
      'etoiles?',
    ],
    [
      'nudge',
      'avis (?:a )?(?:1|une) etoile|mauvais avis partout|avis negatifs? (?:partout|en masse)',
      'etoile|partout|negatifs?',
    ],
    [
      'call',
      '(?:envoyez|ecrivez|mettez|balancez)[- ](?:lui|leur) (?:des|plein de|vos|tous vos) (?:messages|mails|avis|commentaires|insultes|menaces|dm|mp)',
      'envoyez|ecrivez|mettez|balancez',
    ],
    [
      'nudge',
      '(?:envoyez|ecrivez|balancez)[- ](?:lui|leur)(?! (?:plein de |vos |tout votre |du |de la |des |nos )?(?:force|courage|amour|bisous|ondes|soutien|remerciements|mots doux|messages de soutien|felicitations|bravo|merci|pensees))',
      'envoyez|ecrivez|balancez',
    ],
    [
      'call',
      '(?:diffusez|balancez|partagez|affichez|publiez) (?:son|sa|ses) (?:nom|photo|tete|adresse|numero|profil|compte|visage|plaque)',
      'diffusez|balancez|partagez|affichez|publiez',
    ],
    [
      'call',
      '(?:faites|faut) (?:la|le|les) virer|faites[- ](?:lui|leur) (?:comprendre|payer|savoir|regretter)',
      'virer|comprendre|payer|savoir|regretter',
    ],
    [
      'call',
      '(?:maintenant|comme ca|desormais) vous savez (?:ou|quand) (?:aller )?(?:la|le|les|lui) (?:trouver|voir|attendre|croiser)|vous savez (?:ou|quand) (?:aller )?(?:la|le|les) (?:trouver|voir|attendre)',
      'savez',
    ],
    [
      'nudge',
      'si vous (?:la|le|les) (?:croisez|voyez|trouvez|reconnaissez)(?! (?:dites|remerciez|faites[- ](?:lui|leur) (?:un )?(?:bisou|coucou)))',
      'croisez|voyez|trouvez|reconnaissez',
    ],
    ['nudge', "qu'(?:il|elle|ils|elles) assume(?:nt)?", 'assume|assument'],
    // Social-media pile-ons: finding the person's accounts, flooding the comments, sharing until
    // the person gives in ("on fait tourner jusqu'à ce qu'elle démissionne").
    [
      'call',
      '(?:trouvez|retrouvez|cherchez|chopez|traquez) (?:son|sa|ses|leur|leurs) (?:insta|instagram|compte|comptes|profil|facebook|fb|tiktok|snap|linkedin|adresse|numero|tel|twitter|reseaux)(?! (?:sur (?:notre|nos|le|la|les) (?:site|page|annuaire|appli)|ci-dessous|en ligne|dans (?:notre|l.annuaire|le guide)|au (?:secretariat|standard)))',
      'trouvez|retrouvez|cherchez|chopez|traquez',
    ],
    [
      'call',
      '(?:lachez|defoulez|donnez)[- ]vous (?:a fond )?(?:en|dans les|sous (?:le|son|sa|ses)) (?:commentaires?|comm?s?|coms?|reponses?|post|publication|photos?)|(?:lachez|defoulez)[- ]vous sur (?:elle|lui|eux|elles|son|sa|ses)',
      'lachez|defoulez|donnez',
    ],
    [
      'call',
      "jusqu'a ce qu'(?:il|elle|ils|elles) (?:demissionne|demissionnent|parte|partent|soit viree?|soient virees?|degage|degagent|craque|craquent|se barre|se cache|ferme sa gueule|supprime son compte)",
      'demissionne|demissionnent|parte|partent|viree?|virees?|degage|degagent|craque|craquent|barre|cache|gueule|supprime',
    ],
    [
      'nudge',
      "(?:rt|retweet|retweetez|like|likez|partage|partagez|repost|repostez) si (?:toi|vous|tu) (?:aussi|es d'accord|etes d'accord|trouves|trouvez|penses|pensez)",
      'rt|retweet|retweetez|like|likez|partage|partagez|repost|repostez',
    ],
    [
      'nudge',
      "(?:tout l'hopital|tout l'hosto|tout le service|tout le chu|tout le ch|tout l'etablissement|toute la ville|toute la france|tout le monde|toute l'equipe) (?:doit|doivent|va|devrait|merite de) (?:voir|connaitre|savoir) (?:ca|cela|ce|cette|sa|son|qui)",
      'voir|connaitre|savoir',
    ],
    [
      'nudge',
      '(?:je|j) (?:vous |te )?(?:mets|met|poste|balance|partage|repartage|laisse) (?:sa|son|leur|leurs|ses) (?:tete|photo|photos|tronche|gueule|visage|nom|profil|compte|insta|video|videos)|je (?:repartage|reposte|rebalance|relaie) (?:la|sa|cette) (?:video|photo|story)',
      'tete|photo|photos|tronche|gueule|visage|nom|profil|compte|insta|video|videos|repartage|reposte|rebalance|relaie',
    ],
    // A visit suggested with a wink: "si vous voulez aller lui faire coucou", "vous savez quoi faire".
    [
      'hint',
      "si (?:vous voulez|ca vous dit|le coeur vous en dit|tu veux|vous passez par la) (?:d'|de )?(?:aller |passer |venir )?(?:lui|leur) (?:faire|dire|rendre) (?:un (?:petit )?coucou|coucou|bonjour|un petit bonjour|une (?:petite )?visite)|vous savez quoi faire|vous saurez quoi faire|a vous de jouer",
      'voulez|dit|veux|passez|savez|saurez|jouer',
    ],
    ['nudge', 'appelez[- ](?:la|le|les|lui)', 'appelez'],
    // Wanting the person to lose their job ("faut qu'elle perde son taf"); not a call for a
    // disciplinary sanction ("il faut qu'il soit radié"), which is an opinion.
    [
      'nudge',
      "(?:faut|il faut|faudrait|il faudrait) qu'(?:il|elle) (?:perde|perdent) (?:son|sa|leur) (?:taf|boulot|travail|job|poste|place)|(?:faut|il faut|faudrait) qu'(?:il|elle) (?:degage|soit viree?)",
      'perde|perdent|degage|viree?',
    ],
    [
      'nudge',
      'faites (?:tourner|passer|circuler)|(?:partagez|diffusez|relayez)(?: (?:svp|stp|un max|en masse|partout|massivement|au max(?:imum)?|un maximum))?|rt (?:massif|svp|stp|un max|en masse)',
      'tourner|passer|circuler|partagez|diffusez|relayez|rt',
    ],
    [
      'nudge',
      'que tout le monde (?:sache|le sache|voie)|tout le monde doit (?:le )?savoir|que ca tourne',
      'sache|voie|savoir|tourne',
    ],
    // Exposing or pointing at the person: "j'ai retrouvé son compte insta", "regardez bien sa tête".
    [
      'nudge',
      "(?:j'ai (?:re)?trouve|voici|voila) (?:son|sa|le|la) (?:compte|profil|page|insta|facebook|fb|tiktok|snap)|(?:regardez|retenez|memorisez) bien (?:sa|son|leur|leurs) (?:tete|visage|gueule|nom|tronche)",
      'compte|profil|page|insta|facebook|fb|tiktok|snap|tete|visage|gueule|nom|tronche',
    ],
    // Gathering to go there: "on y va ce soir ?", "qui vient avec moi ?", "rdv devant l'hôpital".
    [
      'nudge',
      "on y va (?:ce soir|demain|maintenant|tous|a plusieurs|en nombre)|qui (?:vient|est chaud|est partant) (?:avec moi|pour y aller)|(?:rdv|rendez-vous|on se retrouve|on se rejoint) (?:tous )?devant (?:l'|le |la |chez )",
      'soir|demain|maintenant|tous|plusieurs|nombre|vient|chaud|partant|devant',
    ],
    [
      'grievance',
      `qui (?:a|ont|m'a|nous a|l'a|les a|m'ont|nous ont|lui a|leur a) ${gap(1)}(?:fait (?:virer|placer|renvoyer|enlever|interner|radier|expulser|tomber)|renvoye|refuse|rate|loupe|foire|frappe|tue|laisse (?:mourir|crever|tomber|attendre|pourrir|(?:mon|ma|mes|notre|nos) \\w+ (?:dans|sur|par|seule?s?|sans|toute|tout|\\d))|appele les services sociaux|signale|porte plainte|fait un signalement|maltraite|humilie|insulte|viole|agresse|blesse|charcute|bousille|bouscule|brutalise|gifle|secoue|raccroche au nez|envoye (?:balader|bouler|promener)|parle comme a un chien|mal parle|engueule|hurle dessus|mal (?:soigne|recousu|opere)|recousu n'importe comment|casse (?:le |la |les |l')?(?:bras|jambe|nez|dents|gueule|machoire|figure|poignet|cote|cotes))`,
      `${GRIEVANCE_KEY}|casse`,
    ],
    [
      'grievance',
      `(?:cette|cet|ce|la|le|l') (?:${STAFF_WORDS}) (?:m'a|nous a|a) (?:tres |super |vraiment |carrement )?(?:mal parle|insulte|humilie|engueule|hurle dessus|maltraite|envoye (?:balader|bouler|promener)|raccroche au nez|parle comme a un chien)`,
      'parle|insulte|humilie|engueule|hurle|maltraite|envoye|raccroche',
    ],
    ['grievance', 'qui (?:temoigne|temoignent|a temoigne|ont temoigne) contre', 'temoigne|temoignent'],
    [
      'grievance',
      '(?:pour ceux|pour celles|si vous voulez|qui veulent) (?:qui veulent )?(?:porter plainte|vous venger|lui faire payer|lui dire ce que)',
      'plainte|venger|payer|dire',
    ],
    ['grievance', "a cause (?:de lui|d'elle|d'eux)|par (?:sa|leur) faute", 'cause|faute'],
    [
      'innuendo',
      'au cas ou|je dis (?:ca|cela),? je dis rien|je dis ca comme ca|a bon entendeur|suivez mon regard|avis aux amateurs|si vous voyez ce que je veux dire|faites-en ce que vous voulez|je dis ca pour ceux qui',
      'cas|dis|entendeur|regard|amateurs|dire|quoi|voulez',
    ],
  ],
  [['innuendo', '😈']],
);

function computeIncitements(folded: string): LabelledHit<IncitementSign>[] {
  return scanFamily(INCITEMENTS, folded);
}

/** Calls, grievances and innuendo in the text, memoised: several rules ask of one post. */
export const incitementCues = rememberLast(computeIncitements);

/** Weight of the calls to act against someone: 2 is a call by itself, 1 needs a post that means harm. */
export function incitementWeight(folded: string): number {
  let weight = 0;
  for (const hit of incitementCues(folded)) {
    if (hit.label === 'call') weight += 2;
    else if (hit.label === 'nudge' || hit.label === 'hint') weight += 1;
  }
  return weight;
}

export function hasGrievance(folded: string): boolean {
  return incitementCues(folded).some((hit) => hit.label === 'grievance');
}

export function hasInnuendo(folded: string): boolean {
  return incitementCues(folded).some((hit) => hit.label === 'innuendo' || hit.label === 'hint');
}
