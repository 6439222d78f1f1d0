import { describe, expect, it } from 'vitest';
import { harassmentEvaluator } from './harassment.js';
import { citedWords, rulesFound } from './people-fixture.js';

describe('HARASS-01: threats', () => {
  it.each([
    ['ce medecin qui a laissé mon pere 6h sur un brancard, jvais le retrouver crois moi 😡'],
    ["a l'infirmiere de nuit du 3e : on sait ou tu te gares. fais gaffe a toi"],
    ["la prochaine fois qu'on me fait attendre 8h je casse tout le service 🔥"],
    ["vous allez le regretter, toute l'equipe de la mater. vous avez detruit ma famille"],
    ['tu vas voir ce que ça coute de m avoir mal parlé @ide_julie 😈'],
    ['je reviens demain avec mes freres et on va voir qui fait la loi aux urgences'],
    ["Si jamais ma mere meurt a cause de vous je brule l'hopital"],
    ['Je connais ta voiture docteur, fais attention en rentrant ce soir'],
    ['On viendra à 20 devant les urgences ce soir, vous allez comprendre'],
    ['Le kiné qui a cassé le genou de ma fille il va payer, je lache rien 🔪'],
    ["ceux qui bossent a l'accueil de la clinique : on connait vos tetes, on vous a a l'oeil"],
  ])('finds a threat in %s', (text) => {
    expect(rulesFound(harassmentEvaluator, text, 'public')).toEqual(['HARASS-01']);
  });

  it('applies to a staff post too, since threats are threats anywhere', () => {
    expect(
      rulesFound(
        harassmentEvaluator,
        'Le cadre qui m a viré, je vais lui faire payer, il sait pas ce qui l attend',
        'staff',
      ),
    ).toEqual(['HARASS-01']);
  });
});

describe('HARASS-01: pile-ons', () => {
  it.each([
    [
      'Voila le compte de cette sage femme qui a humilié ma soeur : @sf_marine. signalez son compte en masse svp',
      [['HANDLE', '@sf_marine']],
    ],
    [
      'Le Dr Fabre a encore refusé de me recevoir. Allez lui dire ce que vous en pensez, il est au 2e',
      [['PERSON', 'Dr Fabre']],
    ],
    ['RT un max ⚠️ cet interne a fait n importe quoi avec mon fils, faites tourner', []],
    ['Inondez son Doctolib d avis négatifs, ce chirurgien le mérite', []],
    [
      "L'aide soignante qui a giflé ma grand mère c'est Nadia R., si vous la croisez vous saurez quoi faire",
      [['PERSON', 'Nadia R.']],
    ],
    ['@kine_paulo harcelez-le jusqu a ce qu il demissionne 😤', [['HANDLE', '@kine_paulo']]],
    ['Envoyez-lui des messages a ce toubib, il doit comprendre', []],
    [
      "Le psy qui a fait interner mon frere c'est Karim B., appelez-le et qu'il assume",
      [['PERSON', 'Karim B.']],
    ],
  ] as const)('finds a pile-on in %s', (text, spans) => {
    expect(rulesFound(harassmentEvaluator, text, 'public', spans)).toEqual(['HARASS-01']);
  });

  it('cites the target and where they work, not the author', () => {
    const text =
      'La cadre Sophie L. aux urgences de Niort a fait virer ma mere, allez lui dire ce que vous en pensez';
    expect(
      citedWords(harassmentEvaluator, 'HARASS-01', text, 'public', [
        ['PERSON', 'Sophie L.'],
        ['UNIT', 'aux urgences de Niort'],
      ]),
    ).toEqual(['Sophie L.', 'aux urgences de Niort']);
  });

  it('cites nothing when a whole service is threatened', () => {
    const text =
      'si on me laisse encore 10h sur une chaise je reviens avec mes potes et on retourne les urgences';
    expect(citedWords(harassmentEvaluator, 'HARASS-01', text, 'public', [['UNIT', 'les urgences']])).toEqual(
      [],
    );
  });
});

describe('HARASS-01: what is not harassment', () => {
  it.each([
    ["J'ai perdu mon badge hier soir aux urgences, je vais le retrouver j'espère 😅", 'staff'],
    ["Qui va payer le parking pour les familles ? 4€ de l'heure c'est abusé", 'public'],
    ['Je vais porter plainte et saisir la commission des usagers, ils vont devoir s expliquer.', 'public'],
    ['Partagez ce message svp : collecte de sang samedi à la salle des fêtes !', 'public'],
    ['Si vous croisez le Dr Martin dites-lui merci de ma part, il a sauvé mon papa 🙏', 'public'],
    ["Appelez le 15 en cas d'urgence vitale, pas le standard.", 'institutional'],
    [
      "Les menaces contre les soignants sont inacceptables : soutien total à l'équipe agressée cette nuit",
      'reply',
    ],
    ["On a mis le feu au dancefloor à la soirée de l'internat 🔥🔥", 'staff'],
    ["Je reviens avec des croissants pour l'équipe de nuit 🥐", 'staff'],
    ['Elle va payer ses consultations en 3 fois, c est possible ?', 'public'],
    ['jvais te tuer a mario kart ce soir ptdr 😂', 'staff'],
    ["On va tuer le temps en salle d'attente avec des mots croisés", 'public'],
    ['Je vais exploser le record de dons du sang cette année 💪', 'staff'],
    ['Je vais tuer cette infirmière de rire avec mes blagues, elle est trop bon public', 'staff'],
    ['Fais attention à toi ma belle, bisous et bon courage pour ta garde ❤️', 'staff'],
    ["je vais le retrouver ce rdv, la secrétaire m'a dit qu'il était perdu dans le système", 'public'],
    ["Ce soir c'est Sophie et Awa qui tiennent la réa, envoyez-leur plein de force 💪", 'institutional'],
  ] as const)('leaves alone %s', (text, context) => {
    expect(rulesFound(harassmentEvaluator, text, context)).toEqual([]);
  });
});

describe('HARASS-01: threats and pile-ons in other words', () => {
  it.each([
    ["la sage-femme qui a été odieuse avec ma femme, je sais qu'elle finit à 19h, elle va m'entendre"],
    ['le brancardier qui a bousculé mon père, on l’attendra 👀'],
    ['Dr Leblanc, tu perds rien pour attendre'],
    ["l'infirmier de garde qui m'a mis dehors, tu me le paieras"],
    // The harmed person after the verb, named by their kind.
    ['Je vais tuer cette infirmière'],
    ['on va frapper ce médecin à la sortie'],
    ['Je vais buter ce connard de chirurgien'],
  ])('finds a threat in %s', (text) => {
    expect(rulesFound(harassmentEvaluator, text, 'public')).toEqual(['HARASS-01']);
  });

  it.each([
    ['Mettez-lui tous une étoile sur Google à ce dentiste, il a arraché la mauvaise dent de ma fille', []],
    ["le mec qui a frappé l'infirmière est en chambre 8 en ortho, on y va ce soir ?", []],
    ['la psy qui a fait placer mon neveu, regardez bien sa tête sur la photo et partagez', []],
    [
      'Le Dr Vallet qui a raté la péridurale de ma sœur, allez lui dire bonjour de ma part, son cabinet est rue Thiers',
      [['PERSON', 'Dr Vallet']],
    ],
  ] as const)('finds a pile-on in %s', (text, spans) => {
    expect(rulesFound(harassmentEvaluator, text, 'public', spans)).toEqual(['HARASS-01']);
  });

  it.each([
    ['Mettez 5 étoiles à la maternité, elles le méritent !', 'public'],
    ["on y va ce soir au concert de la fête de l'hôpital ?", 'public'],
    ['Allez lui dire bonjour de ma part au Dr Lenoir, il est adorable 😊', 'public'],
    ["On l'attend avec impatience ce bébé 💕", 'staff'],
    ["L'équipe de nuit assure, on les attendra demain matin avec des croissants", 'staff'],
    ["Vous allez m'entendre chanter à la fête de service 🎤😂", 'staff'],
    ["Des infirmières en grève devant l'hôpital : on y va tous demain à 10h pour les soutenir ✊", 'public'],
    ['Je reviens avec ma famille remercier toute l équipe de la mater 💐', 'public'],
  ] as const)('leaves alone %s', (text, context) => {
    expect(rulesFound(harassmentEvaluator, text, context)).toEqual([]);
  });
});

describe('HARASS-01: social-media pile-ons in other words', () => {
  it.each([
    [
      "cette sage-femme m'a parlé comme a un chien, trouvez son compte fb et defoulez-vous dessus... defoulez vous sur elle 😤",
    ],
    ["partagez si vous aussi vous en avez marre du Dr Vasseur 😡 on le relaie jusqu'a ce qu'il degage"],
    ['le brancardier qui a bousculé mon pere, lachez vous dans les coms sous sa photo'],
    ["c'est l'aide-soignante qui a cassé le poignet de ma grand mere. vous savez quoi faire"],
    ["je vous mets sa tronche 👇 et tout le service doit savoir qui c'est, l'interne qui a renvoyé ma fille"],
  ])('finds a pile-on in %s', (text) => {
    expect(rulesFound(harassmentEvaluator, text, 'public')).toEqual(['HARASS-01']);
  });

  it('finds a colleague shared round for laughs', () => {
    expect(
      rulesFound(
        harassmentEvaluator,
        "je reposte la video de l'externe qui pleure devant tout le monde 😂😂 toute l'equipe doit voir ca",
        'staff',
      ),
    ).toEqual(['HARASS-01']);
  });

  it.each([
    ['RT si toi aussi tu as adoré la conférence du Dr Vasseur sur le sommeil 👏'],
    ['Trouvez son adresse sur notre site : le cabinet de la sage-femme est ouvert le mardi'],
    ['Partagez si vous aussi vous soutenez nos soignants ❤️ tout le monde doit voir ça !'],
    ['Lâchez-vous en commentaires : quel est votre meilleur souvenir de garde ? 😄'],
  ])('leaves a friendly share alone: %s', (text) => {
    expect(rulesFound(harassmentEvaluator, text, 'public')).toEqual([]);
  });
});
