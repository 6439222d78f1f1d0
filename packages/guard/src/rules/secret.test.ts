import { describe, expect, it } from 'vitest';
import { ruleInput } from '../test-support/spans.js';
import { secretEvaluator } from './secret.js';

function rules(...args: Parameters<typeof ruleInput>): string[] {
  return secretEvaluator
    .evaluate(ruleInput(...args))
    .map((finding) => finding.rule)
    .sort();
}

describe('secrecy rules', () => {
  it('blocks a named patient with care details in a staff post', () => {
    const text = 'Grosse nuit avec Mme R., 88 ans, chambre 9, en pleine confusion';
    expect(
      rules(text, [
        ['Mme R.', 'PERSON'],
        ['88 ans', 'AGE'],
        ['chambre 9', 'ROOM'],
      ]),
    ).toEqual(['SECRET-01']);
  });

  it('blocks an unnamed patient singled out by combined details', () => {
    const text = 'le motard de 34 ans arrivé dimanche en réa va mieux';
    expect(
      rules(text, [
        ['34 ans', 'AGE'],
        ['dimanche', 'DATE'],
        ['en réa', 'UNIT'],
      ]),
    ).toEqual(['SECRET-01']);
  });

  it('blocks an identifier whatever else the post says', () => {
    const text = 'ordonnance trouvée, IPP 00451278';
    expect(rules(text, [['00451278', 'HOSPITAL_ID']])).toEqual(['SECRET-01']);
  });

  it('adds SECRET-02 when the author believes a changed name protects', () => {
    const text = '« Lina » (prénom modifié), 17 ans, arrivée aux urgences pour une overdose';
    const found = rules(text, [
      ['Lina', 'PERSON'],
      ['17 ans', 'AGE'],
      ['aux urgences', 'UNIT'],
      ['overdose', 'HEALTH'],
    ]);
    expect(found).toEqual(['SECRET-01', 'SECRET-02']);
  });

  it('flags replies that confirm someone’s care (SECRET-03)', () => {
    const text = 'Bonjour, votre biopsie a été décalée à cause d’une urgence, désolés !';
    expect(rules(text, [['biopsie', 'HEALTH']], 'reply')).toEqual(['SECRET-03']);
    const handle = '@lulu_du_38 ravis que votre séjour en pneumo se soit bien passé';
    expect(
      rules(
        handle,
        [
          ['@lulu_du_38', 'HANDLE'],
          ['en pneumo', 'UNIT'],
        ],
        'reply',
      ),
    ).toEqual(['SECRET-03']);
  });

  it('flags public figures and news events cared for here (SECRET-04)', () => {
    const text = 'devinez qui est en cardio chez nous depuis hier 🤫';
    expect(
      rules(text, [
        ['en cardio', 'UNIT'],
        ['hier', 'DATE'],
      ]),
    ).toEqual(['SECRET-01', 'SECRET-04']);
  });

  it('flags closed groups used for patient cases (SECRET-05)', () => {
    const text =
      'Groupe privé des internes : une patiente de 40 ans avec une méningite cette nuit, vos avis ?';
    const found = rules(text, [
      ['40 ans', 'AGE'],
      ['méningite', 'HEALTH'],
      ['cette nuit', 'DATE'],
    ]);
    expect(found).toEqual(['SECRET-01', 'SECRET-05']);
  });

  it('lets general health content and campaigns through', () => {
    expect(
      rules(
        'Le diabète touche 4 millions de Français : dépistez-vous !',
        [['diabète', 'HEALTH']],
        'institutional',
      ),
    ).toEqual([]);
    expect(
      rules(
        'Nos équipes de soins palliatifs animent un atelier',
        [['soins palliatifs', 'UNIT']],
        'institutional',
      ),
    ).toEqual([]);
  });

  it('lets a member of the public speak of their own care', () => {
    const text = 'J’ai été opérée du genou en ortho mardi, équipe au top';
    expect(
      rules(
        text,
        [
          ['opérée du genou', 'HEALTH'],
          ['en ortho', 'UNIT'],
          ['mardi', 'DATE'],
        ],
        'public',
      ),
    ).toEqual([]);
  });

  it('lets a consented testimony through in an institutional post', () => {
    const text = 'Gérard, 71 ans, a accepté de témoigner sur sa rééducation après son AVC.';
    const found = rules(
      text,
      [
        ['Gérard', 'PERSON'],
        ['71 ans', 'AGE'],
        ['AVC', 'HEALTH'],
      ],
      'institutional',
    );
    expect(found).toEqual([]);
  });

  it('lets a generic reply through', () => {
    const text =
      'Bonjour, nous ne pouvons pas commenter de situation individuelle ici. Contactez le service des relations usagers.';
    expect(rules(text, [], 'reply')).toEqual([]);
  });

  it('does not treat practitioners as patients', () => {
    const text = 'Le Dr Lucas Marty, cardiologue, explique l’infarctus en vidéo';
    expect(
      rules(
        text,
        [
          ['Dr Lucas Marty', 'PERSON'],
          ['infarctus', 'HEALTH'],
        ],
        'institutional',
      ),
    ).toEqual([]);
  });
});
