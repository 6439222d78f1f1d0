/**
 * The tone of a post by the public, as a communication department reads it: is it spreading a
 * rumour, complaining, thanking, asking, or just telling something? Each cue adds weight to a
 * tone; the category filer weighs the tones against each other (a complaint that ends in "c'est
 * normal ?" is still a complaint, "1h d'attente mais une équipe adorable, merci !" is praise, a
 * question that ends in "Merci" is still a question, a vlog that thanks the team is information).
 *
 * One scan of the post finds every cue, in plain words, SMS spelling and emojis.
 */
import { type PhraseFamily, phraseFamily, scanFamily, within } from './phrase-family.js';
import { rememberLast } from './remember-last.js';

export type Tone = 'rumor' | 'complaint' | 'praise' | 'question' | 'info';

type ToneSign = `${Tone}${1 | 2}` | 'sarcasm' | 'politeThanks';

const DURATION = '\\d+\\s?(?:h|heures?|min|minutes?|mois|jours?|semaines?)';
const RELATIVE =
  '(?:ma|mon|une|un) (?:cousine?|voisine?|pote|amie?|soeur|frere|collegue|source|contact|beau-frere|belle-soeur|tante|oncle)';

const TONE_FAMILY: PhraseFamily<ToneSign> = phraseFamily<ToneSign>(
  [
    // Sarcasm turns thanks into a complaint: "Merci l'hôpital pour les 3 heures perdues".
    [
      'sarcasm',
      `merci ${within(30)}pour (?:les |ces |cette |ce )?${DURATION}|merci pour rien|bravo (?:pour|a) (?:l'organisation|la gestion)|vive (?:le service public|l'hopital|la sante|la france)|merci a ${within(50)}qui m'a (?:parle comme|mal |envoye|raccroche|ignoree?|engueulee?|fait attendre|laisse)`,
      'merci|bravo|vive',
    ],
    // Hearsay and the conditional of hearsay: "il paraît que", "le CHU aurait été piraté".
    [
      'rumor2',
      `apparemment|il parait|parait qu|paraitrait|on dit que|on m'a dit|il se dit|on raconte|c'est ce qu'on dit|d'apres ${RELATIVE}|de source sure|selon (?:mes|une|des|nos) sources?|(?:elle|il) (?:dit|m'a dit) que|(?:mon|ma) (?:cousine?|pote|voisine?|beau-frere|belle-soeur) (?:bosse|travaille) (?:la-bas|la bas|au|a l)`,
      'apparemment|parait|paraitrait|dit|raconte|apres|sources?|sure|cousine?|pote|voisine?|beau|belle',
    ],
    [
      'rumor2',
      "qui confirme|quelqu'un confirme|qqn confirme|vrai ou (?:pas|faux)|info ou intox|c'est vrai (?:que|ca)|c vrai|quelqu'un a des infos|qqn a des infos|vous confirmez|des nouvelles de",
      'confirme|vrai|intox|infos|confirmez|nouvelles',
    ],
    [
      'rumor2',
      "partagez avant|avant que (?:ca|ce) soit (?:censure|supprime)|censure|ils (?:le )?cachent|on nous cache|(?:cache|cachent) (?:une|un|des|la|le|tout)|(?:ils|elles) (?:le )?savent et|disent rien|veulent pas que (?:ca|ce) se sache|(?:vous le|ne vous le|ne vous) (?:diront|dira|disent) (?:jamais|pas)|ce qu'(?:on|ils) ne (?:vous )?dit pas|la verite sur|big pharma|les labos (?:nous )?(?:cachent|mentent)|remplacen?t? la chimio|guerit (?:le|du|les|la) (?:cancer|diabete|covid|sida)|soigne le cancer",
      'partagez|censure|cachent|cache|savent|disent|sache|diront|dira|dit|verite|pharma|labos|chimio|guerit|soigne',
    ],
    [
      'rumor2',
      'attention arnaque|arnaque|faux (?:infirmiers?|medecins?|soignants?|agents?)|breaking',
      'arnaque|faux|breaking',
    ],
    [
      'rumor2',
      '(?:aurait|auraient) (?:ete|eu|deja)|seraient (?:morts?|mortes?|en|tous|toutes|contamine\\w*|infecte\\w*)|serait (?:mort|morte|ferme\\w*|contamine\\w*|infecte\\w*|en)',
      'aurait|auraient|seraient|serait',
    ],
    [
      'rumor1',
      "(?:va|vont|vais) fermer|fermeture (?:de |du |des |d')|fermee?s? (?:la nuit|definitivement|des)|rachetee?|vont (?:tous )?partir|evacuee?s?|une bombe|y aurait|il y aurait",
      'fermer|fermeture|fermee?s?|rachetee?|partir|evacuee?s?|bombe|aurait',
    ],
    // Complaints: outrage, waiting, nobody answering, prices, cold reception.
    [
      'complaint2',
      "scandale|scandaleu(?:x|se)|honte|honteu(?:x|se)|inadmissible|inacceptable|intolerable|negligence|indigne|lamentable|catastrophique|deplorable|revoltant|revoltee?|degoutee?|degueulasse|une blague|c'est du (?:vol|racket)|racket|colere|ras le bol|marre|a bout|de merde|pourrie?s?|a chier|nul a chier|la cata|decue?|decevante?|pas normal|c'est abuse|abuse",
      'scandale|scandaleu(?:x|se)|honte|honteu(?:x|se)|inadmissible|inacceptable|intolerable|negligence|indigne|lamentable|catastrophique|deplorable|revoltant|revoltee?|degoutee?|degueulasse|blague|vol|racket|colere|ras|marre|bout|merde|pourrie?s?|chier|cata|decue?|decevante?|normal|abuse',
    ],
    [
      'complaint2',
      `${DURATION} d'attente|attendu ${DURATION}|attend(?:s|ons|ent)? depuis|${DURATION} (?:au telephone|pour (?:une|un|decaler|avoir)|perdues?)|waited|sur un brancard|toujours pas (?:de|d'|eu|recu)`,
      'attente|attendu|depuis|telephone|pour|perdue|perdues|waited|brancard|toujours',
    ],
    [
      'complaint2',
      "personne (?:ne )?(?:repond|nous a|m'a|pour)|aucune (?:reponse|info|explication)|jamais (?:ete )?prevenu\\w*|ne m'a (?:meme )?pas|n'a (?:meme )?pas|plus jamais|je ne reviendrai|je reviendrai pas|not recommended|terrible|a fuir|perdu (?:mes|ses|les|nos)|inexistante?|par manque de|on m'a raccroche|raccroche au nez|(?:m'a|nous a|lui a|m'ont|nous ont) (?:mal parle|parle (?:mal|comme a (?:un|une|des|de la) [a-z]+)|ignoree?s?|meprisee?s?|humiliee?s?|engueulee?s?)|odieu(?:x|se)|impolie?s?|meprisante?s?|desagreables?|agressive?s?",
      'personne|aucune|jamais|pas|plus|reviendrai|recommended|terrible|fuir|perdu|inexistante?|manque|raccroche|parle|ignore|ignoree|ignores|meprise|meprisee|humilie|humiliee|engueule|engueulee|odieux|odieuse|impoli|impolie|impolis|meprisant|meprisante|desagreable|desagreables|agressif|agressive|agressifs',
    ],
    // A cold carer or a ruined stay, told to warn others: "je déconseille", "aucune empathie".
    [
      'complaint2',
      "je (?:vous )?(?:deconseille|le deconseille|la deconseille|ne recommande pas)|a eviter absolument|(?:aucune|zero|pas une once d') ?(?:empathie|humanite|compassion|bienveillance|delicatesse)|d'une (?:froideur|arrogance|durete|brutalite|incompetence|insolence) (?:incroyable|inouie|rare|sans nom|glaciale)|on repassera",
      'deconseille|recommande|eviter|empathie|humanite|compassion|bienveillance|delicatesse|froideur|arrogance|durete|brutalite|incompetence|insolence|repassera',
    ],
    [
      'complaint2',
      'hors de prix|trop cher|exorbitante?s?|ruineu(?:x|se)|une fortune|(?:fait|ca fait) mal au portefeuille|ca douille|on se fait (?:avoir|plumer|racketter)|accueil (?:froid|glacial|desagreable|execrable|lamentable)',
      'prix|cher|exorbitante?s?|ruineu(?:x|se)|fortune|portefeuille|douille|avoir|plumer|racketter|accueil',
    ],
    [
      'complaint1',
      "sale|sales|froids?|froides?|mal (?:recu|recue|accueilli|accueillie|soigne|soignee|traite|traitee)|sechement|tres seche|ca ne se fait pas|choquee?|boule au ventre|super dur|trop dur|visites? interdites?|interdit (?:les|aux|de|d')|c'est interdit|incapables?|reveillee? \\d+ fois|facture (?:de|salee)|\\d+(?:,\\d+)?\\s?(?:€|euros?) (?:par|de l'heure|la nuit|l'heure)|(?:1|2|une|deux) etoiles?|dommage|sonne dans le vide|toujours pas|encore une fois",
      'sale|sales|froids?|froides?|mal|sechement|seche|fait|choquee?|ventre|dur|visites?|interdit|incapables?|reveillee?|facture|euros?|par|heure|nuit|etoiles?|dommage|vide|toujours|fois',
    ],
    [
      'complaint1',
      'facture|reclamation|plainte|commission des usagers|mediateur',
      'facture|reclamation|plainte|commission|mediateur',
    ],
    // Thanks and praise.
    [
      'praise2',
      "merci(?! d'avance| par avance| de (?:me|nous) (?:repondre|dire|tenir))|mercii+|remercie[rz]?|remercions|remerciements|bravo|felicitations|hommage|chapeau|thanks|thank you|je recommande|(?:vous etes|ils sont|elles sont|une equipe|equipe) (?:formidables?|geniale?s?|incroyables?|extraordinaires?|exceptionnelle?s?|des anges|au top|top)|un ange|des anges|impeccable|5 etoiles|fiere?s? de (?:notre|nos|mon|ma|cet|ce)",
      'merci|mercii|remercie|remercier|remerciez|remercions|remerciements|bravo|felicitations|hommage|chapeau|thanks|thank|recommande|formidables?|geniale?s?|incroyables?|extraordinaires?|exceptionnelle?s?|anges?|top|impeccable|etoiles|fiere?s?',
    ],
    [
      'praise1',
      "au top|top|adorables?|formidables?|incroyables?|geniale?s?|excellente?s?|parfaite?s?|parfaitement|rien a redire|rapide et efficace|des cremes|humanite|gentillesse|gentille?s?|tres douce?|douceur|a l'ecoute|bienveillante?s?|aux petits soins|super (?:equipe|accueil|a l'ecoute)|reconnaissante?|gratitude|rassurante?s?|souriante?s?|amazing|great",
      'top|adorables?|formidables?|incroyables?|geniale?s?|excellente?s?|parfaite?s?|parfaitement|redire|efficace|cremes|humanite|gentillesse|gentille?s?|douce?|douceur|ecoute|bienveillante?s?|soins|super|reconnaissante?|gratitude|rassurante?s?|souriante?s?|amazing|great',
    ],
    // Asking: "est-ce que", "qqn sait", "c'est combien", "jusqu'à quelle heure".
    [
      'question1',
      "est-ce qu|est ce qu|qui sait|qqn sait|quelqu'un sait|(?:quelqu'un|qqn) (?:a|aurait|connait|peut)|savez-vous|vous savez si|je cherche|je voudrais savoir|j'aimerais savoir|comment (?:faire|on fait|ca se passe|se passe|s'inscrire)|c'est combien|c combien|combien (?:coute|de temps|ca coute)|(?:a|jusqu'a) quelle heure|ou (?:se trouve|trouver|aller|est le|est la|sont les)|des conseils|avis sur|vous recrutez|dm ouverts|mp ouverts|contactez-moi|peut-on|puis-je|faut-il|je (?:voudrais|souhaiterais|souhaite|veux) (?:un rdv|un rendez-vous|prendre (?:un )?r(?:en)?d(?:ez-)?v(?:ous)?|savoir|connaitre)|besoin d'un (?:rdv|rendez-vous)|on peut (?:ramener|venir|apporter|amener|manger)",
      'est|sait|quelqu|qqn|savez|cherche|voudrais|aimerais|comment|combien|heure|trouve|trouver|aller|sont|conseils|avis|recrutez|ouverts|contactez|peut|puis|faut|souhaiterais|souhaite|veux|besoin',
    ],
    // Telling: a vlog, a thread, a story, a link to read.
    [
      'info2',
      "vlog|thread|storytime|spoiler|je vous (?:montre|explique|raconte|partage)|je partage|retour d'experience|a lire|a voir|interview|article|reportage|replay|infographie|bon a savoir|le saviez-vous|pour info|note sur \\d+|en direct de",
      'vlog|thread|storytime|spoiler|montre|explique|raconte|partage|experience|lire|voir|interview|article|reportage|replay|infographie|bon|saviez|info|note|direct',
    ],
  ],
  [
    ['politeThanks', "\\?\\s*(?:merci|mercii+|thanks)(?: (?:d'avance|par avance|beaucoup|a vous|a tous))?"],
    ['question2', '\\?'],
    ['sarcasm', '🙃'],
    ['complaint1', '😡|🤬|😤|😠|😔|😞|😢|😭|🤑|👎'],
    ['praise1', '❤️|❤|💕|💙|💜|💚|🥰|😍|💐|🙏|🥹|👏|😇|😊'],
    ['rumor1', '🤫'],
  ],
);

export interface ToneWeights {
  rumor: number;
  complaint: number;
  praise: number;
  question: number;
  info: number;
}

/** The weight of each tone in the post, sarcasm and polite thanks accounted for (memoised; do not mutate). */
export const toneWeights = rememberLast(computeToneWeights);

/** Whether the post mostly complains: what makes a name in it a name in a critical review. */
export function mostlyComplains(folded: string): boolean {
  const weight = toneWeights(folded);
  return weight.complaint >= 2 && weight.complaint > weight.praise;
}

function computeToneWeights(folded: string): ToneWeights {
  const weight: ToneWeights = { rumor: 0, complaint: 0, praise: 0, question: 0, info: 0 };
  let sarcasm = false;
  for (const hit of scanFamily(TONE_FAMILY, folded)) {
    if (hit.label === 'sarcasm') sarcasm = true;
    else if (hit.label === 'politeThanks') weight.question += 2;
    else weight[hit.label.slice(0, -1) as Tone] += Number(hit.label.slice(-1));
  }
  if (sarcasm) {
    weight.complaint += 2;
    weight.praise = Math.max(0, weight.praise - 2);
  }
  return weight;
}
