/**
 * Word lists the AGE recognizer reads around a number, all folded (lower case, no accents).
 * They encode French usage: which words make "N ans" a person's age, a duration, an
 * anniversary or an age class.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

export const AGE_CUES = {
  /** People an age can belong to: titles, patients, family roles, ages of life, roles in a story. */
  personNouns: words(`
    mme mmes madame mesdames m mr monsieur messieurs mlle mademoiselle demoiselle
    patient patiente patients patientes resident residente residents residentes pensionnaire
    papy papi papet pepe mamie mamy meme grand-pere grand-mere maman papa mere pere
    homme hommes femme femmes dame dames mec gars type individu personne
    enfant enfants bebe bebes nourrisson nourrissons nouveau-ne nouveau-nee premature prematuree
    ado ados adolescent adolescente adolescents adolescentes garcon garcons fille filles fils fillette
    gamin gamine gamins gosse bambin jeune jeunes petit petite vieux vieille vieillard
    senior seniors retraite retraitee doyen doyenne
    cycliste motard motarde pieton pietonne conducteur conductrice passager passagere
    victime victimes blesse blessee blesses parturiente accouchee defunt defunte decede decedee
    greffe greffee opere operee hospitalise hospitalisee admis admise usager usagere
    lyceen lyceenne collegien collegienne etudiant etudiante eleve
    voisin voisine sportif sportive joueur joueuse pompier chauffeur agriculteur agricultrice
    ouvrier ouvriere sdf migrant migrante detenu detenue client cliente
  `),
  /** Nouns whose age is given in months, weeks or days. */
  babyNouns: words(`
    bebe bebes nourrisson nourrissons nouveau-ne nouveau-nee nouveau-nes premature prematuree prema
    enfant fils fille petit petite bambin poupon loulou puce garcon jumeau jumelle jumeaux jumelles
  `),
  /** Family words: "ma fille de 6 ans" is the author's relative. */
  kin: words(`
    fils fille fiston enfant enfants bebe petit petite grand grande aine ainee cadet cadette benjamin
    pere mere papa maman daron daronne grand-pere grand-mere papy papi mamie mamy pepe meme
    frere soeur frangin frangine mari femme epouse epoux conjoint conjointe compagnon compagne
    copain copine cheri cherie neveu niece oncle tante cousin cousine petit-fils petite-fille
    beau-pere belle-mere beau-frere belle-soeur filleul filleule loulou puce
  `),
  kinAdjectives: words(`
    petit petite ptit ptite grand grande jeune cher chere pauvre vieux vieille aine ainee cadet cadette
    dernier derniere premier premiere deuxieme second seconde
  `),
  possessives: words('mon ma mes notre nos'),
  subjectPronouns: words('il elle qui bebe lui'),
  determiners: words('ses les mes tes nos vos leurs ces quelques des'),
  /** Before the number, these make it a duration or a moment, never an age. */
  durationBefore: words(`
    depuis pendant durant dans en sur apres avant pour chaque ici voila vla sous
    duree dure durent
  `),
  /** "un contrat de 3 ans": nouns measured in time. */
  durationNouns: words(`
    contrat peine prison sursis pret credit periode delai duree programme plan projet mandat
    absence conge arret retard attente bout carriere experience anciennete garantie abonnement bail
    formation etudes stage cursus traitement cure suivi sejour hospitalisation exil mission engagement
    interdiction suspension
  `),
  /** "X de 4 ans" where X is an animal or a thing. */
  thingNouns: words(`
    chien chienne chiot chat chatte chaton cheval jument poney lapin retriever labrador berger
    voiture vehicule maison appartement immeuble batiment vin whisky arbre ordinateur telephone
  `),
  /** After the unit, these make it a duration: "10 ans plus tard", "3 ans que je bosse". */
  durationAfter: words(`
    plus apres auparavant avant deja que consecutifs consecutives affilee premiers premieres
    derniers dernieres prochains prochaines passes passees ecoules ecoulees durant ferme fermes
    supplementaires chez comme
  `),
  /** Before the number, these make it an age class: "dès 3 ans", "vers 1 an". */
  classBefore: words('des vers au-dela'),
  /** After the unit: "18 ans révolus", "65 ans minimum". */
  classAfter: words('revolus revolues minimum min max maximum'),
  /** Determiners that make "trentaine" an age ("la trentaine", "une quarantaine d'années"). */
  decadeDeterminers: words('la une sa leur bonne petite belle'),
  /** Words before "la quarantaine" that make it the isolation. */
  quarantineBefore: words(`
    de en sortir sortie fin mis mise mises place placee places placees levee lever respecter
    periode durant pendant apres
  `),
  /** A sentence about a baby, for "ses 100 jours" or "a 3 mois". */
  babySentence:
    /(?<![\p{L}\p{N}])(?:bebes?|nourrissons?|nouveau-nes?|nouveau-nee|naissance|prema|prematuree?s?|neonat[\p{L}]*|maternite|accouche[\p{L}]*|enfant|fils|fille|petite?|poupon|allaitement|biberons?|couveuse|nee? (?:le|en|a|il|ce|cette|hier|avant|prema))(?![\p{L}\p{N}])/u,
  /** A sentence about an institution, for "le service fête ses 10 ans". */
  institutionSentence:
    /(?<![\p{L}\p{N}])(?:service|hopital|chu|chr|ch|clinique|unite|maternite|association|etablissement|centre|pole|ifsi|ehpad|equipe|fondation|samu|smur|urgences|site|reseau|club|ecole|journal|festival|entreprise|blog|page|compte)(?![\p{L}\p{N}])/u,
} as const;
