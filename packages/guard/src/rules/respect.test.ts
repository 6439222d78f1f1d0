import { describe, expect, it } from 'vitest';
import { citedWords, rulesFound } from './people-fixture.js';
import { respectEvaluator } from './respect.js';

describe('RESPECT-01: insults, mockery, discrimination', () => {
  it.each([
    ['dans mon service c tous des cons sauf ma binome', 'staff', []],
    ['le papy gateux de la 8 a encore arraché sa perf mdr', 'staff', []],
    ["Encore une CMU qui arrive en retard au rdv, comme d'hab 🙄", 'staff', []],
    ['la grosse de la 12 a sonné 10 fois pour des biscuits 🐷🐷', 'staff', []],
    [
      "Storytime 🍿 une dame arrive avec sa liste de 40 symptômes, je vous laisse deviner la tête de l'interne 💀",
      'staff',
      [],
    ],
    ['Notre nouvelle interne est une vraie débile, elle sait même pas poser une voie 🙄', 'staff', []],
    ["Les migrants qui débarquent aux urgences pour un rien, qu'ils retournent chez eux", 'staff', []],
    ["la sage femme du bloc B est une grosse salope, elle m'a parlé comme à un chien", 'public', []],
    ['les infirmières voilées sont toutes des incompétentes, c est prouvé', 'public', []],
    ['Le chef de service est un lâche, il nous a lâchés en réunion', 'staff', []],
    ['@Yannick_IDE espèce de gros con, rends moi mon stylo', 'staff', [['HANDLE', '@Yannick_IDE']]],
  ] as const)('finds disrespect in %s', (text, context, spans) => {
    expect(rulesFound(respectEvaluator, text, context, spans)).toContain('RESPECT-01');
  });

  it('cites the insulted person, and no one when a group is insulted', () => {
    const one = "L'ASH Corinne du 3e est une vraie conne";
    expect(
      citedWords(respectEvaluator, 'RESPECT-01', one, 'public', [
        ['PERSON', 'Corinne'],
        ['UNIT', 'du 3e'],
      ]),
    ).toEqual(['Corinne', 'du 3e']);
    const group = 'Les alcoolos du samedi soir aux urgences, qu on les laisse dehors';
    expect(citedWords(respectEvaluator, 'RESPECT-01', group, 'staff', [['UNIT', 'aux urgences']])).toEqual(
      [],
    );
  });
});

describe('RESPECT-01: what is not disrespect', () => {
  it.each([
    ['pause café à 4h avec les collègues, on rigole bien malgré la fatigue 😂', 'staff'],
    ["Notre mamie Jeanne fête ses 100 ans aujourd'hui, trop mignonne ❤️ on a bien rigolé avec elle", 'staff'],
    ["Conseil du jour : buvez de l'eau, c'est con mais on oublie en garde 😅", 'staff'],
    ['On lâche rien pour nos salaires ✊ grève jeudi', 'staff'],
    ["Bande d'incapables aux urgences, 7h d'attente pour rien", 'public'],
    ['Putain de garde, 14 entrées cette nuit, je suis morte 😩', 'staff'],
    ['Rôti de porc au self ce midi, les collègues de la cuisine sont au top', 'staff'],
    ['Les parasites intestinaux : un fléau méconnu, conférence jeudi à 18h', 'institutional'],
    ['Notre chienne Olive rend visite aux résidents chaque mercredi 🐶', 'institutional'],
    ["Je suis une idiote j'ai oublié mon badge pour la 3e fois 🤦‍♀️", 'staff'],
    ['Journée des droits des femmes : les femmes représentent 78 % des soignants du CHU', 'institutional'],
    ['Le médecin était incompétent et nul, 3 minutes de consultation et dehors', 'public'],
    ["J'ai une âme de soignante depuis toute petite 💙", 'staff'],
  ] as const)('leaves alone %s', (text, context) => {
    expect(rulesFound(respectEvaluator, text, context)).not.toContain('RESPECT-01');
  });
});

describe('RESPECT-02: a colleague named in a critical post', () => {
  it.each([
    ["merci @julie_ide pour le bordel que tu m'as laissé ce matin 🙃", [['HANDLE', '@julie_ide']]],
    [
      "Je tague Dr Karim Ouali pour qu'il voie que ses prescriptions illisibles font perdre 1h à tout le monde",
      [['PERSON', 'Dr Karim Ouali']],
    ],
    [
      'Bravo à moi pour le planning que ma cheffe Agnès Roy présente comme le sien 👏',
      [['PERSON', 'Agnès Roy']],
    ],
    [
      'Notre collègue Mathieu est encore en arrêt, burn-out n°2, et la direction ne le remplace pas',
      [['PERSON', 'Mathieu']],
    ],
  ] as const)('finds %s', (text, spans) => {
    expect(rulesFound(respectEvaluator, text, 'staff', spans)).toContain('RESPECT-02');
  });

  it.each([
    ['Merci @julie_ide pour ta relève au top ce matin 💙', 'staff', [['HANDLE', '@julie_ide']]],
    ['Félicitations à ma collègue Awa pour son DU 🎓', 'staff', [['PERSON', 'Awa']]],
    [
      'Le Dr Lemaire présentera demain ses travaux sur la douleur, ne ratez pas ça',
      'institutional',
      [['PERSON', 'Dr Lemaire']],
    ],
    ['@CHU_Valmont encore en retard pour les plannings 🙄', 'staff', [['HANDLE', '@CHU_Valmont']]],
  ] as const)('leaves alone %s', (text, context, spans) => {
    expect(rulesFound(respectEvaluator, text, context, spans)).not.toContain('RESPECT-02');
  });
});

describe('IMAGE-03: colleagues tagged on a photo', () => {
  it.each([
    [
      'Afterwork du service 🍻 avec @lucie.ide @tom_brancard et @sabrina_as 😂',
      [
        ['HANDLE', '@lucie.ide'],
        ['HANDLE', '@tom_brancard'],
        ['HANDLE', '@sabrina_as'],
      ],
    ],
    ['Photos du repas de service en ligne !! je vous ai tous tagués 😘', []],
    [
      'Pot de départ de Michel 🥂 photo de groupe : Michel, Karine, Youssef',
      [
        ['PERSON', 'Karine'],
        ['PERSON', 'Youssef'],
      ],
    ],
  ] as const)('finds %s', (text, spans) => {
    expect(rulesFound(respectEvaluator, text, 'staff', spans)).toContain('IMAGE-03');
  });

  it.each([
    ["Photos du pot de départ, publiées avec l'accord de tous 😊 @michel_r", [['HANDLE', '@michel_r']]],
    ['Soirée tranquille à la maison après 3 nuits 🛋️', []],
    ['Merci @karim_kine pour le coup de main au transfert ce matin', [['HANDLE', '@karim_kine']]],
  ] as const)('leaves alone %s', (text, spans) => {
    expect(rulesFound(respectEvaluator, text, 'staff', spans)).not.toContain('IMAGE-03');
  });
});

describe('RESPECT-01: mockery in other words', () => {
  it.each([
    ["l'externe a mis la sonde à l'envers 🤡 on en parle ou pas ? ptdrrr", 'staff'],
    ['mdrrr la petite nouvelle a cherché le bassin pendant 20 min 🤡🤡', 'staff'],
    ['notre ESI sait même pas poser un garrot 😂😂', 'staff'],
    ['regardez moi ces pieds 🤮🤮 jamais vu des ongles pareils en 10 ans', 'staff'],
    ["cette plaie 🤢🤢 j'ai failli vomir en faisant le pansement", 'staff'],
    ["ma voisine de chambre ronfle comme un tracteur 😂😂 j'ai enregistré pour vous #hosto", 'public'],
    ["le monsieur du lit d'à côté parle tout seul depuis 3h du mat 😂😂 vidéo en story", 'public'],
  ] as const)('finds mockery in %s', (text, context) => {
    expect(rulesFound(respectEvaluator, text, context)).toContain('RESPECT-01');
  });

  it.each([
    ['fière de notre stagiaire qui a géré sa première nuit comme une cheffe 💙', 'staff'],
    ["mon papy à l'hôpital qui drague les infirmières 😂😂 on l'adore ❤️", 'public'],
    ['le type de la 14 nous a fait rire toute la nuit avec ses blagues 😂😂', 'staff'],
    ['storytime : mon premier plâtre aux urgences 😂😂 (ils ont été top)', 'public'],
  ] as const)('leaves alone %s', (text, context) => {
    expect(rulesFound(respectEvaluator, text, context)).not.toContain('RESPECT-01');
  });
});

describe('RESPECT-01: the hospital talking down to the patient it answers', () => {
  it('finds a put-down in a reply and cites the person answered', () => {
    const text = "@lola_b vous étiez complètement ivre en arrivant, ne vous étonnez pas de l'accueil 🙄";
    expect(citedWords(respectEvaluator, 'RESPECT-01', text, 'reply', [['HANDLE', '@lola_b']])).toEqual([
      '@lola_b',
    ]);
    expect(
      rulesFound(
        respectEvaluator,
        'Monsieur, si vous aviez lu le courrier de convocation, vous seriez venu à jeun. Bonne journée quand même.',
        'reply',
      ),
    ).toContain('RESPECT-01');
  });

  it('leaves a firm but polite reply alone', () => {
    const text =
      'Bonjour, nous sommes désolés de votre attente. Un peu de respect pour nos équipes est toutefois attendu de tous.';
    expect(rulesFound(respectEvaluator, text, 'reply')).toEqual([]);
  });
});

describe('RESPECT-01 in posts by the public: only about people of the hospital', () => {
  it.each([
    "t'es qu'un gros con toi, retourne jouer aux billes",
    'ce mec est un vrai débile, il comprend rien à la politique',
    'bande de connards au conseil municipal, vous nous prenez pour qui',
  ])('leaves insults between strangers alone: %s', (text) => {
    expect(rulesFound(respectEvaluator, text, 'public')).toEqual([]);
  });

  it.each([
    "l'infirmière de nuit du 2e est une vraie conne, elle m'a ignoré toute la nuit",
    'ces aides-soignantes de merde sont que des feignasses, toutes des connasses',
    'le brancardier est un gros connard, il a cogné le lit de ma mère',
  ])('finds an insult aimed at hospital people: %s', (text) => {
    expect(rulesFound(respectEvaluator, text, 'public')).toContain('RESPECT-01');
  });
});

describe('RESPECT-02: a carer named where it hurts them', () => {
  it('in a critical review by the public', () => {
    const text = "L'infirmière Sabine de pneumo m'a parlé comme à une merde toute la semaine";
    expect(rulesFound(respectEvaluator, text, 'public', [['PERSON', 'Sabine']])).toContain('RESPECT-02');
  });

  it('beside a sanction, in the hospital’s reply', () => {
    const text = "Bonjour, l'aide-soignante en cause, Mme Leroy, a reçu un avertissement.";
    expect(citedWords(respectEvaluator, 'RESPECT-02', text, 'reply', [['PERSON', 'Mme Leroy']])).toEqual([
      'Mme Leroy',
    ]);
  });

  it('as a boss who drives colleagues away, by a carer', () => {
    const text = 'notre nouveau cadre sup, M. Durand, est insupportable, trois démissions en un mois';
    expect(rulesFound(respectEvaluator, text, 'staff', [['PERSON', 'M. Durand']])).toContain('RESPECT-02');
  });

  it.each([
    ["merci à l'infirmière Sabine de pneumo, un amour 💐", 'public', 'Sabine'],
    ['Bonjour, Mme Leroy, cadre du service, vous rappellera demain.', 'reply', 'Mme Leroy'],
  ] as const)('leaves alone %s', (text, context, name) => {
    expect(rulesFound(respectEvaluator, text, context, [['PERSON', name]])).not.toContain('RESPECT-02');
  });
});

describe('IMAGE-03: colleagues posted behind their back', () => {
  it('by a carer who says the colleague does not know', () => {
    const text = 'il sait pas que je poste 🤫 @max_brancard endormi sur le brancard de garde 😂';
    expect(rulesFound(respectEvaluator, text, 'staff', [['HANDLE', '@max_brancard']])).toContain('IMAGE-03');
  });

  it('by the hospital, when the post says they were caught unawares', () => {
    const text = "Pris sur le vif en cuisine 📸 ils ne s'y attendaient pas ! @chef.paulo @mina_cuisine";
    const spans = [
      ['HANDLE', '@chef.paulo'],
      ['HANDLE', '@mina_cuisine'],
    ] as const;
    expect(rulesFound(respectEvaluator, text, 'institutional', spans)).toContain('IMAGE-03');
  });

  it.each([
    "Pris sur le vif 📸 notre blanchisserie ! Merci à @jo.linge et @ana_lavage d'avoir accepté de poser",
    'Bravo à @jo.linge et @ana_lavage pour la nouvelle blanchisserie 📸',
  ])('leaves the hospital’s consenting or posed pictures alone: %s', (text) => {
    const spans = [
      ['HANDLE', '@jo.linge'],
      ['HANDLE', '@ana_lavage'],
    ] as const;
    expect(rulesFound(respectEvaluator, text, 'institutional', spans)).not.toContain('IMAGE-03');
  });
});

describe('RESPECT-01 and RESPECT-02: holdout-like wordings', () => {
  it('counts a mild insult in a public pile-on', () => {
    const text =
      "like si toi aussi tu trouves que le Dr Garnier de l'hopital est un incompetent 🤡 on partage jusqu'a ce qu'il degage";
    expect(rulesFound(respectEvaluator, text, 'public')).toContain('RESPECT-01');
  });

  it('keeps a mild judgement in a plain public review as criticism', () => {
    expect(
      rulesFound(respectEvaluator, 'Le Dr Garnier est incompétent, je ne reviendrai pas.', 'public'),
    ).not.toContain('RESPECT-01');
  });

  it('finds a reply that calls the emergency room no nursery for whiners', () => {
    const text =
      "Monsieur, quand on arrive aux urgences pour une egratignure, on ne se plaint pas. Ce n'est pas une garderie pour douillets.";
    expect(rulesFound(respectEvaluator, text, 'reply')).toEqual(['RESPECT-01']);
  });

  it('finds a colleague passed round for laughs', () => {
    const text =
      "je repartage la video de l'interne qui pleure en plein staff 😂😂 tout le service doit voir ca #fail";
    expect(rulesFound(respectEvaluator, text, 'staff')).toEqual(['RESPECT-01']);
  });

  it('finds a manager named with irony about refused leave', () => {
    const text = 'Merci à notre super cadre Mme Roux qui nous refuse encore nos congés 🙃';
    expect(rulesFound(respectEvaluator, text, 'staff', [['PERSON', 'Mme Roux']])).toEqual(['RESPECT-02']);
  });

  it('finds a colleague named beside an allegation', () => {
    const text = 'Le Dr Faure de la chir se fait payer en liquide, on le sait tous au bloc.';
    expect(rulesFound(respectEvaluator, text, 'staff', [['PERSON', 'Dr Faure']])).toEqual(['RESPECT-02']);
  });

  it('finds a hospital reply conceding a named carer was wrong', () => {
    const text =
      "Nous avons transmis votre message à Léa Martin, l'infirmière de nuit. Elle n'aurait pas dû vous répondre ainsi.";
    expect(rulesFound(respectEvaluator, text, 'reply', [['PERSON', 'Léa Martin']])).toEqual(['RESPECT-02']);
  });
});
