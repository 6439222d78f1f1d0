/**
 * The tone of a post by the public, as a communication department reads it: is it spreading a
 * rumour, complaining, thanking, asking, or just informing? Each family of cues adds weight; the
 * category filer weighs the families against each other (a complaint that ends in "c'est normal
 * ?" is still a complaint, "1h d'attente mais une équipe adorable, merci !" is praise).
 */
import { cue } from './people-cues.js';

export interface ToneCue {
  readonly pattern: RegExp;
  readonly weight: number;
}

export type Tone = 'rumor' | 'complaint' | 'praise' | 'question';

const DURATION = '\\d+\\s?(?:h|heures?|min|minutes?|mois|jours?|semaines?)';

export const TONE_CUES: Readonly<Record<Tone, readonly ToneCue[]>> = {
  rumor: [
    {
      pattern: cue(
        "apparemment|il parait|parait qu|parait que|on dit que|on m'a dit|il se dit|on raconte|c'est ce qu'on dit|d'apres (?:ma|mon|une|un) (?:cousine?|voisine?|pote|amie?|sœur|soeur|frere|collegue|source)|de source sure|selon (?:mes|une|des) sources?|(?:elle|il) (?:dit|m'a dit) que",
      ),
      weight: 2,
    },
    {
      pattern: cue(
        "qui confirme|quelqu'un confirme|vrai ou (?:pas|faux)|info ou intox|c'est vrai (?:que|ca|\\?)|c vrai|quelqu'un a des infos|qqn a des infos|vous confirmez",
      ),
      weight: 2,
    },
    {
      pattern: cue(
        'partagez avant|avant que (?:ca|ce) soit (?:censure|supprime)|censure|ils (?:le )?cachent|(?:cache|cachent) (?:une|un|des|la|le|tout)|(?:ils|elles) (?:le )?savent et|disent rien|veulent pas que (?:ca|ce) se sache|on nous cache|la mairie le cache',
      ),
      weight: 2,
    },
    {
      pattern: cue('attention arnaque|arnaque|faux (?:infirmiers?|medecins?|soignants?|agents?)|breaking'),
      weight: 2,
    },
    // Conditional of hearsay: "le CHU aurait été piraté", "3 enfants seraient morts".
    {
      pattern: cue(
        '(?:aurait|auraient) (?:ete|eu|deja)|seraient (?:morts?|mortes?|en|tous|toutes|contamine\\w*|infecte\\w*)|serait (?:mort|morte|ferme\\w*|contamine\\w*|infecte\\w*|en)',
      ),
      weight: 2,
    },
    {
      pattern: cue(
        "(?:va|vont|vais) fermer|fermeture (?:de |du |des |d')|fermee?s? (?:la nuit|definitivement|des)|rachetee?|vont (?:tous )?partir",
      ),
      weight: 1,
    },
  ],
  complaint: [
    {
      pattern: cue(
        "scandale|scandaleu(?:x|se)|honte|honteu(?:x|se)|inadmissible|inacceptable|intolerable|negligence|indigne|lamentable|catastrophique|deplorable|revoltant|revoltee?|degoutee?|degueulasse|une blague|c'est du (?:vol|racket)|racket|colere|ras le bol|marre|a bout",
      ),
      weight: 2,
    },
    {
      pattern: cue(
        `${DURATION} d'attente|attendu ${DURATION}|attend(?:s|ons|ent)? depuis|${DURATION} (?:au telephone|pour (?:une|un|decaler|avoir)|perdues?)|waited|sur un brancard`,
      ),
      weight: 2,
    },
    {
      pattern: cue(
        "personne (?:ne )?(?:repond|nous a|m'a|pour)|aucune (?:reponse|info|explication)|jamais (?:ete )?prevenu\\w*|ne m'a (?:meme )?pas|n'a (?:meme )?pas|toujours pas|plus jamais|je ne reviendrai|je reviendrai pas|not recommended|terrible|a fuir|perdu (?:mes|ses|les|nos)|inexistante?|par manque de",
      ),
      weight: 2,
    },
    {
      pattern: cue(
        "sale|sales|froids?|froides?|mal (?:recu|recue|accueilli|accueillie|soigne|soignee|traite|traitee)|sechement|tres seche|ca ne se fait pas|choquee?|boule au ventre|super dur|trop dur|visites? interdites?|interdit (?:les|aux|de|d')|c'est interdit|incapables?|reveillee? \\d+ fois|facture (?:de|salee)|\\d+ (?:€|euros?) (?:par|de l'heure|la nuit)|(?:1|2|3|une|deux|trois) etoiles?",
      ),
      weight: 1,
    },
    { pattern: /😡|🤬|😤|😠|😔|😞|😢|😭|🤑|👎|🙃/gu, weight: 1 },
    { pattern: cue('facture|reclamation|plainte|commission des usagers|mediateur'), weight: 1 },
  ],
  praise: [
    {
      pattern: cue("merci(?! d'avance)|mercii+|bravo|felicitations|hommage|chapeau|thanks|thank you"),
      weight: 2,
    },
    {
      pattern: cue(
        "au top|top|5 etoiles|adorables?|formidables?|incroyables?|geniale?s?|excellente?s?|parfaite?s?|parfaitement|rien a redire|rapide et efficace|des anges|des crèmes|des cremes|humanite|gentillesse|tres douce?|a l'ecoute|bienveillante?s?|aux petits soins|super (?:equipe|accueil|a l'ecoute)|reconnaissante?|gratitude|amazing|great",
      ),
      weight: 1,
    },
    { pattern: /❤️|❤|💕|💙|💜|💚|🥰|😍|💐|🙏|🥹|👏/gu, weight: 1 },
  ],
  question: [
    { pattern: /\?/gu, weight: 2 },
    {
      pattern: cue(
        "est-ce qu|est ce qu|comment|ou (?:se|est|sont|trouver|aller)|quand|qui sait|qqn sait|quelqu'un sait|savez-vous|vous savez si|je cherche|dm ouverts|mp ouverts|contactez-moi|des conseils|avis sur|vous recrutez",
      ),
      weight: 1,
    },
  ],
};

/** Sarcasm turns thanks into a complaint: "Merci l'hôpital pour les 3 heures perdues 🙃". */
export const SARCASM = [
  cue(
    `merci ${'[^.!?\\n]{0,30}'}pour (?:les |ces |cette |ce )?${DURATION}|merci pour rien|bravo (?:pour|a) (?:l'organisation|la gestion)`,
  ),
  /🙃/gu,
];
