import type { Localized } from './localized.js';
import type { Network } from './networks.js';

/**
 * The privacy-settings review, network by network (rule PRIV-01: platforms change their settings
 * regularly, the MACSF guide advises looking again about every six months). Written for Blouse
 * from each network's public help pages as they read in 2026, in our own words; menus move with
 * every app update, so each how-to names what to look for rather than promising an exact path.
 * The staff space shows it; the six-monthly reminder e-mail carries it (server/src/training).
 */
export interface PrivacyHowTo {
  readonly network: Network;
  /** Where the settings are, in a few words. */
  readonly where: Localized;
  /** What to check, one short step each. */
  readonly steps: readonly Localized[];
}

/** The six months of PRIV-01, in months: the reminder's period. */
export const PRIVACY_REVIEW_MONTHS = 6;

export const PRIVACY_HOW_TOS: readonly PrivacyHowTo[] = [
  {
    network: 'facebook',
    where: {
      fr: 'Menu › Paramètres et confidentialité › Vérification de la confidentialité',
      en: 'Menu › Settings & privacy › Privacy Checkup',
    },
    steps: [
      {
        fr: 'Choisissez qui voit vos futures publications (« Amis » plutôt que « Public »).',
        en: 'Choose who sees your future posts (« Friends » rather than « Public »).',
      },
      {
        fr: 'Limitez l’audience des anciennes publications en une fois.',
        en: 'Limit the audience of past posts in one go.',
      },
      {
        fr: 'Activez l’examen des identifications avant qu’elles apparaissent sur votre profil.',
        en: 'Turn on tag review before tags appear on your profile.',
      },
      {
        fr: 'Masquez votre employeur et votre lieu de travail de la section « À propos » si vous parlez de votre métier.',
        en: 'Hide your employer and workplace from « About » if you post about your work.',
      },
    ],
  },
  {
    network: 'instagram',
    where: {
      fr: 'Profil › Menu › Paramètres et activité › Confidentialité du compte',
      en: 'Profile › Menu › Settings and activity › Account privacy',
    },
    steps: [
      { fr: 'Passez le compte en « Compte privé ».', en: 'Switch to « Private account ».' },
      {
        fr: 'Vérifiez la liste « Amis proches » : une story n’y est pas plus secrète qu’ailleurs.',
        en: 'Check your « Close friends » list: a story there is no more secret than elsewhere.',
      },
      {
        fr: 'Désactivez l’ajout automatique du lieu aux publications et aux stories.',
        en: 'Stop adding your location to posts and stories.',
      },
      {
        fr: 'Réglez qui peut vous identifier et vous mentionner.',
        en: 'Set who can tag and mention you.',
      },
    ],
  },
  {
    network: 'x',
    where: {
      fr: 'Plus › Paramètres et confidentialité › Confidentialité et sécurité',
      en: 'More › Settings and privacy › Privacy and safety',
    },
    steps: [
      {
        fr: 'Protégez vos posts si vous ne publiez que pour vos proches.',
        en: 'Protect your posts if you only write for people you know.',
      },
      {
        fr: 'Retirez la localisation précise de vos posts.',
        en: 'Remove precise location from your posts.',
      },
      {
        fr: 'Limitez qui peut vous identifier sur les photos et vous trouver par e-mail ou téléphone.',
        en: 'Limit who can tag you in photos and find you by e-mail or phone.',
      },
    ],
  },
  {
    network: 'linkedin',
    where: { fr: 'Moi › Préférences › Visibilité', en: 'Me › Settings › Visibility' },
    steps: [
      {
        fr: 'Choisissez ce que voient les personnes hors de votre réseau sur votre profil public.',
        en: 'Choose what people outside your network see on your public profile.',
      },
      {
        fr: 'Vérifiez qui voit vos relations et votre adresse e-mail.',
        en: 'Check who sees your connections and your e-mail address.',
      },
      {
        fr: 'Relisez l’intitulé de votre poste : vous y êtes lié·e à l’établissement pour tout ce que vous publiez.',
        en: 'Reread your headline: it ties everything you post to the establishment.',
      },
    ],
  },
  {
    network: 'tiktok',
    where: {
      fr: 'Profil › Menu › Paramètres et confidentialité › Confidentialité',
      en: 'Profile › Menu › Settings and privacy › Privacy',
    },
    steps: [
      { fr: 'Activez « Compte privé ».', en: 'Turn on « Private account ».' },
      {
        fr: 'Désactivez la suggestion de votre compte aux contacts et aux personnes à proximité.',
        en: 'Stop suggesting your account to contacts and people nearby.',
      },
      {
        fr: 'Limitez duos, collages et téléchargements de vos vidéos.',
        en: 'Limit duets, stitches and downloads of your videos.',
      },
    ],
  },
  {
    network: 'bluesky',
    where: {
      fr: 'Paramètres › Confidentialité et sécurité',
      en: 'Settings › Privacy and security',
    },
    steps: [
      {
        fr: 'Sachez que tout ce que vous publiez sur Bluesky est public, y compris vos « j’aime ».',
        en: 'Know that everything you post on Bluesky is public, likes included.',
      },
      {
        fr: 'Demandez que votre compte ne soit pas montré aux personnes non connectées.',
        en: 'Ask for your account not to be shown to logged-out visitors.',
      },
      {
        fr: 'Réglez qui peut répondre à vos posts et vous écrire en message privé.',
        en: 'Set who can reply to your posts and message you.',
      },
    ],
  },
  {
    network: 'mastodon',
    where: {
      fr: 'Préférences › Public et confidentialité (selon votre serveur)',
      en: 'Preferences › Public profile and privacy (depends on your server)',
    },
    steps: [
      {
        fr: 'Choisissez la visibilité par défaut de vos messages (« Abonné·e·s seulement » si besoin).',
        en: 'Choose your posts’ default visibility (« Followers only » if needed).',
      },
      {
        fr: 'Exigez d’approuver les nouveaux abonnements.',
        en: 'Require approval of new followers.',
      },
      {
        fr: 'Retirez votre profil de la découverte et des moteurs de recherche.',
        en: 'Take your profile out of discovery and search engines.',
      },
    ],
  },
  {
    network: 'youtube',
    where: {
      fr: 'Studio › Paramètres › Chaîne, et chaque vidéo',
      en: 'Studio › Settings › Channel, and each video',
    },
    steps: [
      {
        fr: 'Gardez privés vos abonnements et vos playlists.',
        en: 'Keep your subscriptions and playlists private.',
      },
      {
        fr: 'Vérifiez la visibilité de chaque vidéo : « non répertoriée » n’est pas « privée ».',
        en: 'Check each video’s visibility: « unlisted » is not « private ».',
      },
      {
        fr: 'Relisez le fond de vos vidéos et leur localisation avant de les mettre en ligne.',
        en: 'Check your videos’ backgrounds and location before uploading.',
      },
    ],
  },
];
