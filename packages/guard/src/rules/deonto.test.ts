import { describe, expect, it } from 'vitest';
import type { Lexicon } from '../lexicon/lexicon.js';
import { createDocument } from '../text/document.js';
import type { GuardContext, Span } from '../types.js';
import { deontoEvaluator } from './deonto.js';

const none = { match: () => [], size: 0 };
const lexicon: Lexicon = { firstNames: new Map(), surnames: new Map(), conditions: none, drugs: none };

function rulesFor(text: string, context: GuardContext = 'staff', spans: Span[] = []): string[] {
  const ctx = { context, options: { context }, lexicon };
  return deontoEvaluator.evaluate({ doc: createDocument(text), spans, ctx }).map((finding) => finding.rule);
}

describe('DEONTO-01: unsourced health claims', () => {
  it.each([
    'Les huiles essentielles de tea tree guérissent l’eczéma mieux que la cortisone, testé et approuvé 🌿',
    'Le jeûne de 3 jours fait fondre les tumeurs, mais ça les labos ne veulent pas que vous le sachiez.',
    'Petit conseil de soignante : le vinaigre de cidre soigne le diabète, une cuillère avant chaque repas.',
    'La vaccination des bébés ça sert à rien, c’est du business. Faites vos propres recherches !',
    'Remède miracle contre les angines : miel + citron + gingembre, adieu antibiotiques 🍋',
    'Les vaccins provoquent l’autisme, je l’ai vu de mes yeux en pédiatrie.',
    'J’ai vu des patients guérir grâce au reiki, la médecine officielle se trompe.',
    'Le CBD guérit la dépression, j’en donne à toute ma famille.',
    'Les ondes 5G affaiblissent le système immunitaire, infirmière depuis 20 ans je sais de quoi je parle.',
    'Les statines ne servent à rien, c’est un business énorme.',
  ])('flags %s', (text) => {
    expect(rulesFor(text)).toContain('DEONTO-01');
  });

  it.each([
    'Non, le vaccin ne provoque pas l’autisme : des millions d’enfants suivis, aucun lien (Inserm).',
    'Le vaccin contre la grippe ne donne pas la grippe, promis 😉',
    'Le dépistage du cancer colorectal sauve des vies : test tous les 2 ans dès 50 ans (INCa 2024).',
    'Une tisane et au lit, c’est ma routine de fin de garde 🍵',
    'Le miel de la ruche de mon père est le meilleur du monde 🐝',
    'Nos bénévoles font des miracles avec les enfants hospitalisés ✨',
    'Selon Santé publique France, le curcuma n’a aucun effet démontré sur le cancer.',
    'Le sommeil, c’est la base : on en parle dans ce thread sourcé (HAS, 2023).',
    'Le tabac est un poison, je le vois tous les jours en pneumo. Le Mois sans tabac commence !',
    'Le wifi de l’hôpital cause encore des soucis de connexion 🙄',
    'Les antibiotiques ne servent à rien contre les virus, rappel utile en cette saison.',
  ])('does not flag %s', (text) => {
    expect(rulesFor(text)).not.toContain('DEONTO-01');
  });
});

describe('DEONTO-02: personal medical advice', () => {
  it.each([
    ['Pour ta fille de 4 ans avec 40 de fièvre, donne-lui 15 ml de Doliprane et ça ira', 'staff'],
    ['@marie_k double ta dose de Xanax ce soir, tu dormiras mieux', 'staff'],
    ['Vous me demandez pour vos migraines : prenez 2 comprimés d’ibuprofène 400 mg, ça passe', 'staff'],
    ['Dans ton cas j’arrêterais le traitement, il t’abîme plus qu’autre chose', 'staff'],
    ['Pas besoin d’aller aux urgences pour une douleur thoracique, un bon repos suffit 👍', 'staff'],
    ['Arrêtez votre traitement anticoagulant quelques jours avant, ça ne pose aucun problème.', 'reply'],
    ['Bonjour, vous pouvez donner de l’ibuprofène à votre enfant en plus du paracétamol.', 'reply'],
    ['Bonjour Madame, augmentez la dose de Lasilix à 80 mg jusqu’à lundi.', 'reply'],
    ['Ma puce, pour tes règles douloureuses prends 2 Spasfon, ça ira mieux', 'staff'],
    ['Ta mère peut prendre 3 Doliprane 1000 par jour sans souci', 'staff'],
  ] as const)('flags %s', (text, context) => {
    expect(rulesFor(text, context)).toContain('DEONTO-02');
  });

  it.each([
    [
      'Bonjour, nous ne pouvons pas donner d’avis médical ici : consultez votre médecin ou appelez le 15.',
      'reply',
    ],
    ['N’arrêtez jamais votre traitement sans en parler à votre médecin.', 'staff'],
    ['Ne doublez pas la dose si vous avez oublié une prise : demandez à votre pharmacien.', 'staff'],
    ['Le médecin vous donne le traitement adapté à votre situation lors de la consultation.', 'reply'],
    ['En cas de fièvre chez le nourrisson de moins de 3 mois, consultez sans attendre.', 'staff'],
    ['Ma collègue m’a donné un doliprane pour ma migraine, merci à elle 😅', 'staff'],
    ['Bonjour, pour toute question sur votre traitement, appelez le service au 01 23 45 67 89.', 'reply'],
    ['Rappel : les antibiotiques, c’est pas automatique (Assurance Maladie).', 'staff'],
    ['Prends un Doliprane et repose-toi, c’est ce que je dis toujours à mes enfants 😅', 'staff'],
    ['Bonjour, prenez contact avec votre médecin traitant pour adapter la dose si besoin.', 'reply'],
  ] as const)('does not flag %s', (text, context) => {
    expect(rulesFor(text, context)).not.toContain('DEONTO-02');
  });

  it('cites the person the advice is addressed to', () => {
    const text = '@marie_k double ta dose de Xanax ce soir';
    const handle: Span = { type: 'HANDLE', start: 0, end: 8, score: 1, recognizer: 'test' };
    const finding = deontoEvaluator
      .evaluate({
        doc: createDocument(text),
        spans: [handle],
        ctx: { context: 'staff', options: {}, lexicon },
      })
      .find((found) => found.rule === 'DEONTO-02');
    expect(finding?.spans).toEqual([handle]);
  });
});

describe('DEONTO-03: advertising', () => {
  it.each([
    'Mes soins du visage au cabinet à -30 % sur la première séance ✨',
    'Code promo SOIGNANTE10 sur les chaussures de sécu de la marque @Clogix',
    'Avec mon code NURSE15 vous avez 15 % de réduction sur les tenues 👩‍⚕️',
    'Mes gélules préférées pour tenir les gardes, lien en bio pour commander 💊',
    'Ma routine du matin #ad @DermaLab',
    'Collaboration commerciale avec une marque de tensiomètres, je vous dis tout en story',
    'Témoignage d’une patiente : « Le Dr Morel est le meilleur dentiste de Nantes ! » Réservez sur mon Doctolib',
    'Prenez rendez-vous via mon agenda en ligne, offre spéciale pour la rentrée 🎒',
    'Je vous partage mon code de parrainage pour la mutuelle 😉',
  ])('flags %s', (text) => {
    expect(rulesFor(text)).toContain('DEONTO-03');
  });

  it.each([
    'Mon podcast sur le métier d’IDE est en ligne, lien en bio 🎧',
    'Dépistage pris en charge à 100 % par l’Assurance Maladie, prenez RDV !',
    'Bravo à toute la promo 2025 de l’IFSI, vous êtes géniales 🎓',
    'Le code couleur des bracelets a changé : rouge = allergie.',
    'Ma collègue est la meilleure infirmière que je connaisse ❤️',
    'Partenariat entre notre IFSI et l’université pour la recherche en soins infirmiers.',
    'Baisse de 20 % des infections grâce à l’hygiène des mains dans notre service (audit interne publié).',
    '#promo2024 toujours soudée, 10 ans après le diplôme 🥲',
    'Collecte solidaire : 500 € offerts par l’amicale au service de pédiatrie 🎁',
  ])('does not flag %s', (text) => {
    expect(rulesFor(text)).not.toContain('DEONTO-03');
  });
});

describe('DEONTO-01 in every account', () => {
  it.each([
    [
      'Notre tisane maison draine le foie et purifie l’organisme, à découvrir à la cafétéria 🍵',
      'institutional',
    ],
    ['Bonjour, la vaccination contre le zona est efficace à 100 %, aucune raison d’hésiter.', 'reply'],
    ['le jus de citron remplace les antibiotiques, mon kiné l’a prouvé 💪', 'public'],
    ['Le gel hydroalcoolique ça sert à rien, c’est prouvé 🤷', 'staff'],
    ['Ce sirop 100 % naturel n’a aucun effet secondaire, même pour les bébés', 'institutional'],
    ['Les cancérologues ne vous diront jamais que le jeûne affame les tumeurs', 'public'],
    ['la chimio c’est du poison, l’ivermectine soigne mieux que tout', 'public'],
    ['Les huiles essentielles éliminent les toxines en 3 jours, testé sur moi-même !', 'reply'],
  ] as const)('flags %s (%s)', (text, context) => {
    expect(rulesFor(text, context)).toContain('DEONTO-01');
  });

  it.each([
    ['Aucun vaccin n’est efficace à 100 %, mais il réduit fortement les formes graves.', 'institutional'],
    ['Rien ne remplace la vaccination pour protéger les plus fragiles cet hiver.', 'institutional'],
    ['Les reins nettoient le sang jour et nuit : pensez à boire de l’eau !', 'institutional'],
    ['Le dépistage est inutile avant 50 ans sans antécédent : parlez-en à votre médecin.', 'reply'],
    ['Un masque mal porté ne sert à rien : couvrez bien le nez et la bouche.', 'institutional'],
    ['Un jeune interne soigne nos patients avec le sourire depuis septembre 👏', 'institutional'],
    ['Le vaccin ne provoque pas d’effets secondaires graves chez la plupart des enfants.', 'reply'],
    ['c’est prouvé que ce gouvernement ment depuis le début', 'public'],
    ['Le vaccin protège à 100 % ? Non : selon l’étude publiée en 2023, il protège à 70 %.', 'institutional'],
  ] as const)('does not flag %s (%s)', (text, context) => {
    expect(rulesFor(text, context)).not.toContain('DEONTO-01');
  });
});

describe('DEONTO-02 beyond staff posts', () => {
  it.each([
    [
      'Avec votre traitement pour la tension, vous pouvez le suspendre pendant la canicule sans souci.',
      'reply',
    ],
    ['pharmacienne de métier : donne-lui 2 cuillères de sirop ce soir pour ta petite', 'public'],
    ['Pour ton père, il faut en reprendre un demi dès ce soir, son anticoagulant ne suffit pas', 'staff'],
  ] as const)('flags %s (%s)', (text, context) => {
    expect(rulesFor(text, context)).toContain('DEONTO-02');
  });

  it.each([
    ['moi je donne du sirop à ma fille quand elle tousse, ça marche pour ta petite aussi', 'public'],
    ['Vous pouvez le prendre en photo et nous l’envoyer en message privé.', 'reply'],
    ['Rappel : ne donnez jamais d’aspirine à un enfant sans avis médical.', 'institutional'],
  ] as const)('does not flag %s (%s)', (text, context) => {
    expect(rulesFor(text, context)).not.toContain('DEONTO-02');
  });
});

describe('DEONTO-03 in every account', () => {
  it.each([
    [
      'Offre de rentrée : profitez de -20 % sur les séances de cryolipolyse au centre esthétique !',
      'institutional',
    ],
    ['Merci pour votre avis ! Utilisez le code MERCI10 pour votre prochaine séance 😊', 'reply'],
    ['mon dentiste est top, dites que vous venez de ma part avec le code SOURIRE5 😁', 'public'],
    [
      '⭐️⭐️⭐️⭐️⭐️ « Grâce au Dr Morel je revis » — Paul. Réservez votre consultation en ligne !',
      'institutional',
    ],
    ['1ère séance offerte au cabinet de kiné, il reste des créneaux 🙌', 'staff'],
  ] as const)('flags %s (%s)', (text, context) => {
    expect(rulesFor(text, context)).toContain('DEONTO-03');
  });

  it.each([
    ['Passages aux urgences : -12 % cet hiver grâce à la maison médicale de garde.', 'institutional'],
    ['En partenariat avec @LigueContreLeCancer, marche solidaire dimanche matin 🎗️', 'institutional'],
    [
      'Grâce au Dr Morel, la consultation mémoire ouvre lundi : prenez rendez-vous au secrétariat.',
      'institutional',
    ],
    ['Le codage CIM10 change au 1er janvier : formation obligatoire pour les secrétaires.', 'institutional'],
    ['Le code WIFI est affiché à l’accueil de chaque service.', 'institutional'],
    ['Un grand merci au Dr Morel, grâce à lui j’ai retrouvé le sourire ⭐⭐⭐⭐⭐', 'public'],
  ] as const)('does not flag %s (%s)', (text, context) => {
    expect(rulesFor(text, context)).not.toContain('DEONTO-03');
  });
});

describe('drugs from the lexicon', () => {
  it('recognises advice about any drug the lexicon knows', () => {
    const text = 'Pour ta tension, baisse ton Amlor ce soir, tu verras';
    const start = text.indexOf('Amlor');
    const drugs = {
      match: () => [
        {
          start,
          end: start + 5,
          value: { kind: 'drug' as const, source: 'test' },
          tokenStart: 6,
          tokenEnd: 7,
        },
      ],
      size: 1,
    };
    const withDrugs: Lexicon = { ...lexicon, drugs };
    const findings = deontoEvaluator.evaluate({
      doc: createDocument(text),
      spans: [],
      ctx: { context: 'staff', options: {}, lexicon: withDrugs },
    });
    expect(findings.map((finding) => finding.rule)).toContain('DEONTO-02');
    expect(rulesFor(text)).not.toContain('DEONTO-02');
  });
});

describe('cited spans', () => {
  it('leave out a condition when nobody is named', () => {
    const text = 'Pour ta fièvre, prends 2 Doliprane 1000 ce soir, pour toi ça ira.';
    const health: Span = { type: 'HEALTH', start: 8, end: 14, score: 1, recognizer: 'test' };
    const finding = deontoEvaluator
      .evaluate({
        doc: createDocument(text),
        spans: [health],
        ctx: { context: 'staff', options: {}, lexicon },
      })
      .find((found) => found.rule === 'DEONTO-02');
    expect(finding?.spans).toEqual([]);
  });
});
