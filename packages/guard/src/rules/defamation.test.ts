import { describe, expect, it } from 'vitest';
import { defamationEvaluator } from './defamation.js';
import { citedWords, rulesFound } from './people-fixture.js';

describe('DEFAM-01: allegations about a recognisable person', () => {
  it.each([
    [
      "le chir de l'etage 4 il opere bourré, tout le monde le sait dans le service",
      'staff',
      [['UNIT', "de l'etage 4"]],
    ],
    [
      "L'urgentiste de nuit samedi a tué ma tante par incompetence, il devrait plus exercer",
      'public',
      [['DATE', 'samedi']],
    ],
    [
      'la secretaire du Dr Lemoine pioche dans la caisse depuis des années, c est connu',
      'public',
      [['PERSON', 'Dr Lemoine']],
    ],
    ["Paraît que l'IDE de coordination vole les medocs des patients 💊 on dit qu elle revend", 'staff', []],
    [
      "cette aide-soignante maltraite les résidents du 2e étage, je l'ai vue faire",
      'public',
      [['UNIT', 'du 2e étage']],
    ],
    [
      'Le Dr Garnier fait payer ses actes au noir, en liquide uniquement. Fuyez',
      'public',
      [['PERSON', 'Dr Garnier']],
    ],
    [
      'la nouvelle directrice a eu son poste parce qu elle couche avec le DG, tt le monde est au courant',
      'staff',
      [],
    ],
    ["@kine_max a des relations avec ses patientes, j'en connais une", 'public', [['HANDLE', '@kine_max']]],
    [
      "L'anesthesiste de la clinique arrive défoncé le lundi matin, demandez aux IBODE",
      'public',
      [['PLACE', 'de la clinique']],
    ],
    ['Le gyneco de garde a refusé de soigner ma femme parce qu on avait pas de mutuelle 😡', 'public', []],
    ['on sait tous que le chef de pole réécrit les comptes rendus quand ca tourne mal', 'staff', []],
    ["Le pharmacien de l'hôpital revend les médicaments au marché noir, c'est connu", 'public', []],
    ["L'infirmière de garde mardi en pneumo a volé la bague de ma mère", 'public', [['DATE', 'mardi']]],
  ] as const)('finds an allegation in %s', (text, context, spans) => {
    expect(rulesFound(defamationEvaluator, text, context, spans)).toEqual(['DEFAM-01']);
  });

  it('cites what identifies the person accused', () => {
    const text = "L'infirmier Kevin D. de la réa de Vannes vole dans les casiers";
    expect(
      citedWords(defamationEvaluator, 'DEFAM-01', text, 'public', [
        ['PERSON', 'Kevin D.'],
        ['UNIT', 'de la réa de Vannes'],
      ]),
    ).toEqual(['Kevin D.', 'de la réa de Vannes']);
  });
});

describe('DEFAM-01: what is not defamation', () => {
  it.each([
    ["L'infirmière de nuit a été très sèche avec ma mère, ça ne se fait pas.", 'public'],
    ['Le chirurgien était top mais 4h d attente pour le pansement, faut revoir l orga', 'public'],
    [
      'Journée mondiale contre la maltraitance des personnes âgées : formation obligatoire pour tous les agents',
      'institutional',
    ],
    [
      'Les vols restent possibles sur nos parkings : ne laissez rien de visible dans votre véhicule.',
      'institutional',
    ],
    ['jsuis bourrée de fatigue après cette garde, le service est bourré de monde', 'staff'],
    ['Les médecins de cet hôpital sont tous débordés, personne ne répond au téléphone', 'public'],
    ['Un mois sans alcool ? Notre tabacologue et notre addictologue vous accompagnent.', 'institutional'],
    ["Ce boulot m'a tué cette semaine 😵 vivement les vacances", 'staff'],
    ['Le covid a tué des milliers de personnes, faites-vous vacciner', 'public'],
    ['Mon voleur de vélo court toujours, si qqn a vu un VTT rouge devant la maternité 🚲', 'public'],
  ] as const)('leaves alone %s', (text, context) => {
    expect(rulesFound(defamationEvaluator, text, context)).toEqual([]);
  });

  it('needs someone recognisable: a whole profession is not one person', () => {
    expect(
      rulesFound(
        defamationEvaluator,
        'Les anesthésistes de France piochent dans la caisse de la sécu',
        'public',
      ),
    ).toEqual([]);
  });
});

describe('DEFAM-01: facts in other words, against people and establishments', () => {
  it.each([
    ['La clinique du Parc falsifie les dossiers pour cacher ses infections nosocomiales', 'public', []],
    ['Le CHU vend les données de ses patients aux assurances, c est un scandale', 'public', []],
    ["l'aide-soignante de nuit pioche dans l'armoire à pharmacie, tout le service le sait", 'staff', []],
    ['le kiné vient travailler complètement bourré le lundi, demandez à n importe qui', 'public', []],
    [
      'Le chirurgien a oublié une compresse dans le ventre de ma mère et la clinique a tout caché',
      'public',
      [],
    ],
    ['la puéricultrice a fait tomber un nouveau-né et la direction a étouffé l affaire', 'public', []],
    [
      "Le Dr Roy se shoote à la kétamine entre deux gardes, sa collègue l'a vu",
      'public',
      [['PERSON', 'Dr Roy']],
    ],
    [
      'Pour information, M. Karim Aït a volé la tablette du service pendant son séjour.',
      'reply',
      [['PERSON', 'M. Karim Aït']],
    ],
  ] as const)('finds an allegation in %s', (text, context, spans) => {
    expect(rulesFound(defamationEvaluator, text, context, spans)).toEqual(['DEFAM-01']);
  });

  it.each([
    ['je me suis trompée de dose hier, heureusement rien de grave, on apprend 😓', 'staff'],
    ["L'hôpital a sauvé mon fils, merci à toute l'équipe de réa", 'public'],
    ["mon papy à l'hôpital qui drague les infirmières 😂😂 on l'adore", 'public'],
    [
      'Les labos cachent des choses, mais notre hôpital reste transparent sur ses résultats.',
      'institutional',
    ],
    ['La clinique a raté son virage numérique, impossible de prendre rdv en ligne', 'public'],
    ['le patient de la 14 est arrivé complètement bourré à 3h du mat, on a galéré', 'staff'],
  ] as const)('leaves alone %s', (text, context) => {
    expect(rulesFound(defamationEvaluator, text, context)).toEqual([]);
  });
});

describe('DEFAM-01: cash and theft in other words', () => {
  it.each([
    ['le chirurgien de la clinique du Parc se fait payer ses actes en especes, tout le monde le sait'],
    ["L'anesthésiste prend des billets en plus pour passer avant les autres"],
    ['Cet ehpad laisse son personnel piquer les economies des residents'],
    ["c'est la nouvelle infirmiere de nuit qui les a revendus, les bijoux de mamie"],
    ['le kiné du 2e bosse sous le manteau le samedi'],
  ])('finds an allegation in %s', (text) => {
    expect(rulesFound(defamationEvaluator, text, 'public')).toEqual(['DEFAM-01']);
  });

  it.each([
    ["Paiement en liquide accepté à l'accueil de la consultation, un reçu vous est remis."],
    ["Ma voisine a revendu sa voiture à l'interne de garde 😄"],
    ['Attention, des vols de bijoux ont eu lieu dans le parking : ne laissez rien dans vos véhicules.'],
  ])('leaves a non-allegation alone: %s', (text) => {
    expect(rulesFound(defamationEvaluator, text, 'public')).toEqual([]);
  });
});
