import type { GuardContext } from '../types.js';

export interface BenchPost {
  readonly text: string;
  readonly context: GuardContext;
}

/**
 * Forty fictitious French posts for the benchmark when the evaluation data is not in the clone,
 * and the material of its 1 MB text. They mix what the guard meets in practice: institutional
 * announcements, staff posts (careful or not), replies, and the public's complaints, questions and
 * rumours, in tidy French, SMS style without accents, with emojis, hashtags and handles. Every
 * person, number and place is invented.
 */
export const SAMPLE_POSTS: readonly BenchPost[] = [
  // Institutional accounts
  {
    context: 'institutional',
    text: 'Octobre rose 🎀 : le centre de dépistage vous accueille sans rendez-vous les mardis et jeudis de 9 h à 16 h, hall B. Parlez-en autour de vous !',
  },
  {
    context: 'institutional',
    text: 'Nous recrutons des infirmier·e·s en gériatrie et aux urgences. Postes en CDI, 12 h ou 7 h 30, crèche sur place. Candidatures : recrutement@ch-example.fr',
  },
  {
    context: 'institutional',
    text: "Travaux sur le parking P3 du 4 au 15 novembre 🚧 Merci d'utiliser le parking visiteurs de l'entrée nord. Navette gratuite toutes les 10 minutes.",
  },
  {
    context: 'institutional',
    text: "Bravo à l'équipe de la maternité qui a obtenu le label « Initiative Hôpital ami des bébés » 👶👏 Un travail de trois ans récompensé !",
  },
  {
    context: 'institutional',
    text: 'Mois sans tabac 🚭 Consultations gratuites de tabacologie tout le mois de novembre. Inscription au 01 23 45 67 89 ou à l’accueil.',
  },
  {
    context: 'institutional',
    text: 'Le Pr Aubertin, chef du service de cardiologie, présentera jeudi la nouvelle salle de coronarographie aux associations de patients. #innovation',
  },
  {
    context: 'institutional',
    text: 'Vous hésitez à devenir aide-soignant·e ? Nos élèves de l’IFAS racontent leur première année en vidéo 🎬 lien dans la bio',
  },
  {
    context: 'institutional',
    text: "⚠️ Épidémie de grippe : les visites sont limitées à deux personnes par patient et le masque est obligatoire dans les services d'hospitalisation.",
  },
  {
    context: 'institutional',
    text: 'Hier soir, M. Perrin, hospitalisé en neurologie, a été transféré après son AVC. Nous pensons à sa famille 🙏',
  },
  {
    context: 'institutional',
    text: 'Don du sang ce vendredi dans le hall principal 🩸 Chaque don peut sauver trois vies. Venez nombreux !',
  },
  // Staff members' own accounts
  {
    context: 'staff',
    text: 'garde de nuit terminée 😴 16 entrées aux urgences, pas une minute pour manger mais on a tenu. fière de mon équipe 💪 #soignants',
  },
  {
    context: 'staff',
    text: 'La petite dame de la chambre 12, 94 ans, m’a fait un câlin avant de partir en EHPAD ce matin 🥹 ces moments-là…',
  },
  {
    context: 'staff',
    text: 'jsuis dégoutée, encore une patiente en fin de vie en réa ce soir, Mme Lefort, elle avait le meme age que ma mere 😢',
  },
  {
    context: 'staff',
    text: 'Premier jour en pédiatrie demain, un peu stressée mais trop contente ! Des conseils pour une jeune IDE ? 🩺',
  },
  {
    context: 'staff',
    text: 'Vu passer le footballeur du club local aux urgences cette nuit, entorse de la cheville apparemment, il était au box 4 🤫',
  },
  {
    context: 'staff',
    text: 'Notre cadre nous impose encore des heures sup sans prévenir, la direction s’en fout, cet hôpital est une honte #burnout',
  },
  {
    context: 'staff',
    text: 'Photo de notre salle de pause refaite à neuf 😍 merci aux services techniques pour le coup de peinture !',
  },
  {
    context: 'staff',
    text: 'le patient du lit B en cardio a encore arraché sa perf, 3e fois cette nuit 🙄 né le 02/05/1957, diabétique, je vous raconte pas',
  },
  {
    context: 'staff',
    text: 'Conseil du jour : pour une angine, prenez de l’amoxicilline 1 g matin et soir pendant 6 jours, pas besoin de consulter 😉',
  },
  {
    context: 'staff',
    text: 'Fin de mon contrat au bloc après 8 ans. Merci aux collègues pour ces années, vous allez me manquer ❤️',
  },
  // Replies from institutional accounts
  {
    context: 'reply',
    text: '@lucie_b Bonjour, nous sommes désolés de votre attente. Pouvez-vous nous écrire en message privé afin que le service des relations avec les usagers vous recontacte ?',
  },
  {
    context: 'reply',
    text: "@papy_rene Bonjour Monsieur, votre épouse est bien en chirurgie orthopédique chambre 318, l'opération s'est bien passée 🙂",
  },
  {
    context: 'reply',
    text: 'Merci pour votre message 🙏 Les horaires de visite sont de 13 h à 20 h tous les jours, sauf en réanimation où ils sont adaptés.',
  },
  {
    context: 'reply',
    text: '@Karim_95 Votre dossier n° IPP 40028517 est en cours de traitement, le Dr Vasseur vous rappellera au 06 12 34 56 78.',
  },
  {
    context: 'reply',
    text: 'Bonjour, nous ne pouvons pas répondre ici aux questions médicales. Contactez le secrétariat du service au standard, il vous orientera.',
  },
  // Anyone else: patients, families, journalists, forums
  {
    context: 'public',
    text: '5 heures d’attente aux urgences avec mon fils de 3 ans qui avait 40 de fièvre 😡 personne pour nous renseigner, lamentable',
  },
  {
    context: 'public',
    text: "Un grand merci à toute l'équipe de la maternité pour la naissance de notre petite Jade 💕 vous avez été incroyables",
  },
  {
    context: 'public',
    text: 'Quelqu’un sait si on peut venir en voiture jusqu’à l’entrée du service de dialyse pour déposer un proche ? merci',
  },
  {
    context: 'public',
    text: 'il parait que le chirurgien du 3e etage opere bourré, ma voisine la vu sortir du bar avant son bloc, faites tourner !!!',
  },
  {
    context: 'public',
    text: "L'infirmière Sandrine Morel du service de gastro habite au 12 rue des Tilleuls à Vernon, allez lui dire ce que vous pensez d'elle",
  },
  {
    context: 'public',
    text: 'Si mon père ne sort pas demain de cet hôpital de bouchers je viens tout casser, je vous préviens 🔥🔥',
  },
  {
    context: 'public',
    text: 'Ma mamie de 87 ans est hospitalisée en gériatrie depuis sa chute, elle est très bien soignée, merci à vous 🌷',
  },
  {
    context: 'public',
    text: 'Bonjour, est-ce que le centre de vaccination est ouvert le samedi matin ? Je ne trouve pas l’info sur le site.',
  },
  {
    context: 'public',
    text: 'Le directeur de l’hôpital détourne l’argent des primes, tout le monde le sait, c’est un voleur #scandale',
  },
  {
    context: 'public',
    text: 'ptdr mon cousin est aux urgences de l’hosto depuis hier pour sa crise d’épilepsie, il s’appelle Kevin Dumas, envoyez-lui du soutien 😂❤️',
  },
  {
    context: 'public',
    text: "Article du jour : l'hôpital annonce l'ouverture d'un service de soins palliatifs de 12 lits à l'automne.",
  },
  {
    context: 'public',
    text: 'slt jvoulais savoir cb de temps faut attendre pr avoir un rdv en dermato ? jai appelé 3 fois personne repond',
  },
  {
    context: 'public',
    text: 'Parking saturé, 25 minutes pour trouver une place et 4 € de l’heure, c’est du vol quand on vient voir un proche malade.',
  },
  {
    context: 'public',
    text: 'Mon voisin M. Girard est sorti hier de psychiatrie, il refait ses crises la nuit, immatriculation de sa voiture AB-123-CD si vous le voyez',
  },
  {
    context: 'public',
    text: 'Merci au Dr Hamon et aux kinés du centre de rééducation, je remarche après 6 mois 🦵🎉',
  },
];
