import { describe, expect, it } from 'vitest';
import { doxxingEvaluator } from './doxxing.js';
import { citedWords, rulesFound } from './people-fixture.js';

describe('DOXX-01: what lets a person be found', () => {
  it.each([
    [
      "L'infirmière qui a refusé de soigner mon fils c'est Julie M., elle habite à Saint-Ouen, son 06 c'est le 06 12 34 56 78",
      'public',
      [
        ['PERSON', 'Julie M.'],
        ['PLACE', 'à Saint-Ouen'],
        ['PHONE', '06 12 34 56 78'],
      ],
    ],
    [
      'Le Dr Benoit gare toujours sa Twingo verte au P2 derrière la pharmacie 😏',
      'public',
      [
        ['PERSON', 'Dr Benoit'],
        ['PLACE', 'au P2'],
      ],
    ],
    [
      "voici l'adresse perso de la sage femme qui a fait le signalement : 4 rue des Lilas, Meaux",
      'public',
      [['ADDRESS', '4 rue des Lilas, Meaux']],
    ],
    [
      'La cadre qui a fait virer ma soeur sort tous les soirs vers 19h par la porte de derriere',
      'staff',
      [['DATE', '19h']],
    ],
    [
      'qqn a le nom de famille de la brancardiere blonde des urgences ? je veux la retrouver sur insta',
      'public',
      [],
    ],
    [
      'Le kiné Thomas P. a mis des photos de ses gosses devant leur école à Lagny, il a pas honte apres ce qu il a fait a ma mere',
      'public',
      [
        ['PERSON', 'Thomas P.'],
        ['PLACE', 'à Lagny'],
      ],
    ],
    [
      'son numéro perso pour ceux qui veulent dire ce qu ils pensent au Dr Roux : 07 11 22 33 44',
      'public',
      [['PERSON', 'Dr Roux']],
    ],
    [
      "Le patient qui a agressé notre collègue c'est Bryan T., il habite 12 rue Voltaire a Creil, faites tourner",
      'staff',
      [
        ['PERSON', 'Bryan T.'],
        ['ADDRESS', '12 rue Voltaire'],
      ],
    ],
    [
      "l'interne de garde roule en Clio rouge AB-123-CD, je sais pas si ça peut servir 😉",
      'public',
      [['PLATE', 'AB-123-CD']],
    ],
    [
      "L'urgentiste qui a renvoyé mon père habite au-dessus de la pharmacie de la place, au 2e étage",
      'public',
      [],
    ],
    ['Ce docteur sort du cabinet tous les jours à 19h par la petite porte, à bon entendeur 😈', 'public', []],
  ] as const)('finds doxxing in %s', (text, context, spans) => {
    expect(rulesFound(doxxingEvaluator, text, context, spans)).toEqual(['DOXX-01']);
  });

  it('cites the person and what locates them, not their health', () => {
    const text = 'Le Dr Hugo Lenoir (diabétique) gare sa Tesla FG-456-HJ au parking P1 tous les matins';
    expect(
      citedWords(doxxingEvaluator, 'DOXX-01', text, 'public', [
        ['PERSON', 'Dr Hugo Lenoir'],
        ['HEALTH', 'diabétique'],
        ['PLATE', 'FG-456-HJ'],
        ['PLACE', 'au parking P1'],
      ]),
    ).toEqual(['Dr Hugo Lenoir', 'FG-456-HJ', 'au parking P1']);
  });
});

describe('DOXX-01: what is not doxxing', () => {
  it.each([
    [
      'Ma voisine Mme Perrin du 8 rue Pasteur a été hospitalisée hier 😢',
      'public',
      [
        ['PERSON', 'Mme Perrin'],
        ['ADDRESS', '8 rue Pasteur'],
      ],
    ],
    [
      'Merci au Dr Morel qui consulte tous les mardis à 14h au centre de santé, super médecin',
      'public',
      [['PERSON', 'Dr Morel']],
    ],
    [
      "Qqn connait le nom de l'infirmière de nuit en cardio ? je voudrais la remercier, elle a été géniale 💐",
      'public',
      [],
    ],
    [
      'Vous cherchez le Dr Morin ? Il consulte désormais rue Carnot, prise de RDV au 03 44 12 80 00',
      'institutional',
      [
        ['PERSON', 'Dr Morin'],
        ['PHONE', '03 44 12 80 00'],
      ],
    ],
    ["J'habite à 50 km de l'hôpital, est-ce qu'il y a une navette ?", 'public', []],
    ['Mon mari roule en Clio, on peut se garer où pour la maternité ?', 'public', []],
    [
      'Notre collègue Inès vit à Lyon depuis 10 ans et nous rejoint en cardio 🎉',
      'institutional',
      [
        ['PERSON', 'Inès'],
        ['PLACE', 'à Lyon'],
      ],
    ],
    ['Je finis à 19h, qqn peut récupérer ma fille à la crèche ?', 'staff', []],
    ['Notre nouvelle cadre, qui habite à Rennes, nous rejoint lundi 🎉', 'staff', [['PLACE', 'à Rennes']]],
    [
      'Le Dr Vasseur prend sa retraite : merci pour ces 30 ans au service des patients et de leurs familles',
      'institutional',
      [['PERSON', 'Dr Vasseur']],
    ],
  ] as const)('leaves alone %s', (text, context, spans) => {
    expect(rulesFound(doxxingEvaluator, text, context, spans)).toEqual([]);
  });

  it('leaves a threat that publishes nothing to HARASS-01', () => {
    expect(
      rulesFound(doxxingEvaluator, 'Docteur Simon, on sait où tu habites.', 'public', [
        ['PERSON', 'Docteur Simon'],
      ]),
    ).toEqual([]);
  });
});

describe('DOXX-01: accounts, wards and workplaces given away', () => {
  it.each([
    [
      "l'interne qui a recousu mon fils n'importe comment est sur insta @lucas.med, allez voir son compte",
      'public',
      [['HANDLE', '@lucas.med']],
    ],
    [
      "le type qui a frappé l'infirmière est hospitalisé en ortho, chambre 8, on y va ce soir ?",
      'public',
      [['ROOM', 'chambre 8']],
    ],
    [
      "Bonjour, l'infirmière mise en cause, Mme Diaz, a été sanctionnée ; elle travaille désormais de nuit en pneumologie.",
      'reply',
      [['PERSON', 'Mme Diaz']],
    ],
  ] as const)('finds doxxing in %s', (text, context, spans) => {
    expect(rulesFound(doxxingEvaluator, text, context, spans)).toEqual(['DOXX-01']);
  });

  it.each([
    [
      'notre interne est sur insta @lucas.med pour ses vidéos de prévention',
      'staff',
      [['HANDLE', '@lucas.med']],
    ],
    ['le patient de la 14 est arrivé complètement bourré à 3h du mat, on a galéré', 'staff', []],
    [
      'Bonjour, le Dr Martin consulte désormais au 2e étage du bâtiment B, prise de rendez-vous au standard.',
      'reply',
      [['PERSON', 'Dr Martin']],
    ],
    ['Elle est hospitalisée en cardio depuis lundi, on lui envoie plein de bisous ❤️', 'public', []],
  ] as const)('leaves alone %s', (text, context, spans) => {
    expect(rulesFound(doxxingEvaluator, text, context, spans)).toEqual([]);
  });
});

describe('DOXX-01: a carer located off duty or summoned to', () => {
  it('finds a manager located on holiday in a hostile staff post', () => {
    const text =
      "Notre chere cheffe Mme Lambert qui nous sucre toutes nos RTT est en vacances au camping des Pins jusqu'au 15 😏 si ca vous dit de lui rendre une petite visite";
    expect(rulesFound(doxxingEvaluator, text, 'staff', [['PERSON', 'Mme Lambert']])).toEqual(['DOXX-01']);
  });

  it("finds a crowd called to a carer's exit at a set time", () => {
    const text =
      "Venez tous soutenir l'infirmière Claire Morvan à sa sortie de garde, vendredi 20h, devant le hall B !";
    expect(rulesFound(doxxingEvaluator, text, 'institutional', [['PERSON', 'Claire Morvan']])).toEqual([
      'DOXX-01',
    ]);
  });

  it.each([
    ["Le Dr Perrin est en vacances jusqu'au 20 : ses consultations reprendront lundi 22."],
    ['Vous cherchez la Dr Noël ? Rendez-vous au 02 40 00 00 00 ou en ligne, elle consulte le mardi.'],
  ])('leaves a notice alone: %s', (text) => {
    expect(rulesFound(doxxingEvaluator, text, 'institutional')).toEqual([]);
  });
});
