/**
 * The VRAI / FAUX quiz of the staff space.
 *
 * Provenance: statements vf-01 to vf-22 are the quiz of Blouse's domain notes
 * (shared/reference/domain-rules.md §5.2), built from the MACSF Foundation's guide « Bonnes
 * pratiques des réseaux sociaux », the CNOM guides and the French texts they cite; the cat-*
 * statements are drawn from the rule catalogue (§2.2). The explanations are written for Blouse in
 * French, from the « basis » column of those notes. Legal references marked ◐ or ⚠ in the notes
 * are not cited here by article number.
 *
 * The answers stay on the server: the web app receives a statement, sends an answer, and only
 * then learns whether it was right and why.
 */
export interface QuizStatement {
  readonly id: string;
  readonly statement: string;
  readonly answer: boolean;
  readonly explanation: string;
  /** The rule of the catalogue, or the text, the answer rests on. */
  readonly basis: string;
}

export const QUIZ_STATEMENTS: readonly QuizStatement[] = [
  {
    id: 'vf-01',
    statement: 'Si je change le prénom du patient, je peux raconter son histoire sur mon compte.',
    answer: false,
    explanation:
      'Un prénom changé ne rend pas le récit anonyme : l’âge, le service, la date ou l’accident suffisent souvent à reconnaître la personne. Le secret couvre tout ce que vous avez vu, entendu ou compris.',
    basis: 'SECRET-02 · Code de la santé publique, art. L1110-4',
  },
  {
    id: 'vf-02',
    statement: 'Un groupe Facebook fermé entre soignants est un lieu sûr pour partager des photos de cas.',
    answer: false,
    explanation:
      'Révéler une information couverte par le secret, même à quelques personnes, est une violation. Les groupes fermés fuient (captures, départs, piratage) : pour discuter d’un cas, utilisez les outils sécurisés de l’établissement.',
    basis: 'SECRET-05 · Code pénal, art. 226-13',
  },
  {
    id: 'vf-03',
    statement: 'La mention « Mes propos n’engagent que moi » me protège si je critique mon établissement.',
    answer: false,
    explanation:
      'Les lecteurs font le lien entre vous et votre lieu de travail malgré la mention. Discrétion, réserve et règles sur la diffamation s’appliquent toujours.',
    basis: 'ROLE-02 · guide MACSF',
  },
  {
    id: 'vf-04',
    statement:
      'Je peux publier une photo de mes collègues en salle de pause s’ils sont d’accord et qu’aucun patient ni écran n’apparaît.',
    answer: true,
    explanation:
      'Avec l’accord des personnes photographiées et un arrière-plan vérifié (ni patient, ni écran, ni tableau), la photo est possible.',
    basis: 'IMAGE-02, IMAGE-03 · Code civil, art. 9',
  },
  {
    id: 'vf-05',
    statement: 'Les paramètres de confidentialité, je les règle une fois pour toutes.',
    answer: false,
    explanation:
      'Les réseaux modifient régulièrement leurs réglages et leurs valeurs par défaut. Le guide MACSF conseille de les revoir environ tous les six mois, et après une mise à jour importante.',
    basis: 'PRIV-01 · guide MACSF',
  },
  {
    id: 'vf-06',
    statement: 'Activer la géolocalisation sur une photo prise aux urgences n’a aucune conséquence.',
    answer: false,
    explanation:
      'La position révèle la présence de personnes dans un lieu de soins et peut alimenter des pages de lieu créées automatiquement, remplies de photos de patients et de soignants.',
    basis: 'GEO-01',
  },
  {
    id: 'vf-07',
    statement: 'Si je vois une fausse information sur l’hôpital, je réponds vite pour rétablir la vérité.',
    answer: false,
    explanation:
      'Ne répondez pas vous-même : signalez le message à la direction de la communication, qui décide s’il faut répondre, et comment.',
    basis: 'ROLE-03 · REPORT-01',
  },
  {
    id: 'vf-08',
    statement: 'Le secret professionnel concerne aussi les secrétaires, les brancardiers et les étudiants.',
    answer: true,
    explanation:
      'Le secret s’impose à tout membre du personnel et à toute personne en relation avec l’établissement, quel que soit son métier ou son statut.',
    basis: 'SECRET-01 · Code de la santé publique, art. L1110-4',
  },
  {
    id: 'vf-09',
    statement:
      'Répondre à un patient mécontent « Nous sommes désolés pour votre séjour en cardiologie du 3 mars » est acceptable.',
    answer: false,
    explanation:
      'Cette réponse confirme publiquement la prise en charge, le service et la date. Répondez de façon générale et proposez un contact privé avec le service des relations avec les usagers.',
    basis: 'SECRET-03 · MOD-02',
  },
  {
    id: 'vf-10',
    statement: 'En tant qu’agent public, je n’ai pas le droit d’avoir des opinions politiques.',
    answer: false,
    explanation:
      'La liberté d’opinion est garantie aux agents publics. Le devoir de réserve porte sur la manière de s’exprimer, surtout au sujet de l’établissement.',
    basis: 'RESERVE-01',
  },
  {
    id: 'vf-11',
    statement: 'Diffuser le planning de nuit de l’équipe sur un groupe public est sans risque.',
    answer: false,
    explanation:
      'Un planning public dit où et quand trouver chaque collègue : c’est un risque pour leur sécurité, et une information interne. Utilisez les outils de l’établissement.',
    basis: 'PRIV-03 · DISCR-01',
  },
  {
    id: 'vf-12',
    statement:
      'Publier le nom et l’heure de sortie d’une infirmière pour « la retrouver » peut être puni de 5 ans de prison.',
    answer: true,
    explanation:
      'Révéler des informations permettant de localiser une personne pour l’exposer à un danger est un délit, plus sévèrement puni quand elle exerce une mission de service public.',
    basis: 'DOXX-01 · Code pénal, art. 223-1-1',
  },
  {
    id: 'vf-13',
    statement: 'Un patient peut légalement publier un avis négatif sur un médecin.',
    answer: true,
    explanation:
      'Un avis, même sévère, est permis. Seuls les abus (diffamation, injure) peuvent être poursuivis ; c’est à la communication et au service juridique d’en juger.',
    basis: 'Guide du CNOM (2018)',
  },
  {
    id: 'vf-14',
    statement:
      'Une diffamation publiée il y a 6 mois peut toujours être poursuivie puisqu’elle est encore en ligne.',
    answer: false,
    explanation:
      'En principe, l’action se prescrit par trois mois à compter de la première publication, même si le message reste en ligne. D’où l’importance de signaler vite.',
    basis: 'Loi du 29 juillet 1881, art. 65',
  },
  {
    id: 'vf-15',
    statement: 'On peut signaler une diffamation sur PHAROS.',
    answer: false,
    explanation:
      'PHAROS ne traite pas l’injure ni la diffamation : il faut porter plainte. Signalez le message à l’établissement, qui vous accompagne.',
    basis: 'service-public.fr',
  },
  {
    id: 'vf-16',
    statement: 'Filmer un patient dans sa chambre sans son accord est un délit.',
    answer: true,
    explanation:
      'Capter l’image d’une personne dans un lieu privé sans son consentement est puni d’un an d’emprisonnement et de 45 000 € d’amende.',
    basis: 'IMAGE-01 · Code pénal, art. 226-1',
  },
  {
    id: 'vf-17',
    statement: 'Pour filmer un reportage dans mon service, l’accord de mon chef de service suffit.',
    answer: false,
    explanation:
      'Il faut l’autorisation de la direction ou de la communication, et le consentement écrit de chaque patient filmé.',
    basis: 'IMAGE-04',
  },
  {
    id: 'vf-18',
    statement: 'Accepter un patient comme « ami » sur Facebook est déconseillé.',
    answer: true,
    explanation:
      'Garder la distance protège la relation de soin, et vous protège : séparez vie personnelle et vie professionnelle.',
    basis: 'PRIV-02',
  },
  {
    id: 'vf-19',
    statement:
      'Un médecin qui publie des vidéos de prévention doit citer ses sources et signaler ses partenariats.',
    answer: true,
    explanation:
      'Une information de santé doit être confirmée, datée et sourcée, et tout partenariat doit être déclaré.',
    basis: 'DEONTO-01, DEONTO-03 · charte du CNOM (2025)',
  },
  {
    id: 'vf-20',
    statement:
      'Si un agent est diffamé sur les réseaux à cause de son travail, l’hôpital peut devoir le protéger.',
    answer: true,
    explanation:
      'La protection fonctionnelle oblige l’employeur public à protéger l’agent attaqué en raison de ses fonctions. Parlez-en à votre encadrement.',
    basis: 'Code général de la fonction publique, art. L134-5',
  },
  {
    id: 'vf-21',
    statement:
      'Coller le compte rendu d’un patient dans un chatbot grand public pour « rédiger un post » est acceptable s’il n’y a pas le nom.',
    answer: false,
    explanation:
      'Un compte rendu reste une donnée de santé, et les détails permettent d’identifier le patient. L’outil n’est pas autorisé à la traiter.',
    basis: 'SECRET-06',
  },
  {
    id: 'vf-22',
    statement: 'Une capture d’écran d’une story éphémère peut circuler indéfiniment.',
    answer: true,
    explanation:
      'Ce qui est « éphémère » ne l’est que sur le réseau : une capture se partage sans fin et sans votre accord.',
    basis: 'VIRAL-01',
  },
  {
    id: 'cat-image-05',
    statement:
      'Une photo de l’ambiance au bloc opératoire peut être publiée si le patient endormi n’est pas reconnaissable.',
    answer: false,
    explanation:
      'La dignité du patient compte autant que son identité : pas d’image de bloc, de personne inconsciente ou de situation dégradante.',
    basis: 'IMAGE-05',
  },
  {
    id: 'cat-role-01',
    statement: 'Je peux répondre « en tant qu’infirmière du CHU » sous un message qui critique l’hôpital.',
    answer: false,
    explanation:
      'Seule la direction de la communication, ou les personnes qu’elle désigne, parle au nom de l’établissement. Signalez-lui plutôt le message.',
    basis: 'ROLE-01',
  },
  {
    id: 'cat-respect-02',
    statement:
      'Identifier un collègue dans un post moqueur sur une garde difficile reste de l’humour entre nous.',
    answer: false,
    explanation:
      'Nommer ou identifier un collègue sans son accord, surtout pour le critiquer, porte atteinte à sa vie privée et peut tourner au harcèlement.',
    basis: 'RESPECT-02',
  },
  {
    id: 'cat-report-01',
    statement:
      'Si je trouve un message qui expose un patient, je le transfère à mes collègues pour les prévenir.',
    answer: false,
    explanation:
      'Le partager, c’est le diffuser encore. Gardez l’adresse et une capture, et signalez-le à la direction de la communication.',
    basis: 'REPORT-01',
  },
];

/** Questions in one attempt: a short round that a phone user finishes in a few minutes. */
export const QUIZ_LENGTH = 10;
