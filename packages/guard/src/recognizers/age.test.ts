import { describe, expect, it } from 'vitest';
import { testContext } from '../test-support/context.js';
import { createDocument } from '../text/document.js';
import type { Span } from '../types.js';
import { ageRecognizer } from './age.js';

function spans(text: string): Span[] {
  return ageRecognizer.find(createDocument(text), testContext());
}

/** The stretches a rule would see (score ≥ 0.5). */
function ages(text: string): string[] {
  return spans(text)
    .filter((span) => span.score >= 0.5)
    .map((span) => text.slice(span.start, span.end));
}

function only(text: string): Span {
  const found = spans(text);
  expect(found).toHaveLength(1);
  return found[0] as Span;
}

describe('age recognizer: ages of people', () => {
  it('takes "N ans" with its unit, glued or spaced', () => {
    expect(ages('Mme R., 92 ans, chute cette nuit')).toEqual(['92 ans']);
    expect(ages('papy 88ans en ch 12 😤')).toEqual(['88ans']);
    expect(ages('mme L 92 a, ch 4, agitée toute la nuit')).toEqual(['92 a']);
    expect(ages('le monsieur, 67 piges, veut rentrer chez lui')).toEqual(['67 piges']);
  });

  it('reads ages written in words', () => {
    expect(ages('Mme D., quatre-vingt-quinze ans, refuse son traitement')).toEqual([
      'quatre-vingt-quinze ans',
    ]);
    expect(ages('Soixante et onze ans et toujours aussi râleur')).toEqual(['Soixante et onze ans']);
    expect(ages('un papy de quatre vingt dix ans')).toEqual(['quatre vingt dix ans']);
  });

  it('scores high next to a person cue', () => {
    for (const text of [
      'la patiente âgée de 34 ans',
      'agee de 34 ans, sans atcd',
      'un homme de 45 ans arrivé en sang',
      'g u 1 gamin de 10 ans ce soir 😢',
      'elle a 7 ans et elle se bat comme une lionne',
      'une maman a accouché de son 5e à 41 ans',
      '🎂Lucienne, 101 ans🎂 doyenne du service',
      'mon patient (58 ans, diabétique) refuse',
      'Le jeune de 19 ans arrivé hier',
    ]) {
      const span = only(text);
      expect(span.score, text).toBe(0.85);
    }
  });

  it('scores medium without a person cue', () => {
    const span = only('Cas du jour : 27 ans, mucoviscidose, en attente de greffe');
    expect(span.score).toBe(0.6);
    expect(span.evidence).toBe('âge sans indice de personne');
  });

  it('takes the age of a baby in months, weeks or days', () => {
    expect(ages('nourrisson de 3 mois en bronchiolite')).toEqual(['3 mois']);
    expect(ages('bébé de 10 jours, fièvre')).toEqual(['10 jours']);
    expect(ages('bebe de 6 sem vu aux urgences ped')).toEqual(['6 sem']);
    expect(ages('notre petit prématuré, né le 2 mars, fête ses 100 jours 🎈')).toEqual(['100 jours']);
  });

  it('takes ages given by decade', () => {
    expect(ages('blonde, la trentaine, tatouée au poignet')).toEqual(['trentaine']);
    expect(ages('une octogénaire retrouvée dans le hall')).toEqual(['octogénaire']);
    expect(ages('un homme d’une cinquantaine d’années')).toEqual(['cinquantaine']);
    expect(only('une patiente centenaire').score).toBe(0.85);
  });

  it('gives offsets in UTF-16 units after emojis', () => {
    const text = '😵😵 Mme D., 92 ans';
    const span = only(text);
    expect(span.start).toBe(text.indexOf('92 ans'));
    expect(span.end).toBe(text.length);
  });

  it('caps a hashtag age, which is more often a celebration', () => {
    const span = only('Bon anniversaire mamie #92ans');
    expect(text(span, 'Bon anniversaire mamie #92ans')).toBe('92ans');
    expect(span.score).toBe(0.55);
  });
});

function text(span: Span, source: string): string {
  return source.slice(span.start, span.end);
}

describe('age recognizer: the author and their family', () => {
  it('finds relatives of the author with a mid score and says so', () => {
    for (const sentence of [
      'ma fille de 6 ans m’a demandé pourquoi',
      'mon père, 82 ans, attend depuis ce matin',
      'mon petit loulou qui a 3 ans a peur des piqûres',
      'ma fille de 3 mois a de la fièvre',
    ]) {
      const span = only(sentence);
      expect(span.score, sentence).toBe(0.55);
      expect(span.evidence).toBe("proche de l'auteur");
    }
  });

  it('finds the author’s own age with a mid score', () => {
    const span = only("j'ai 34 ans et je suis IDE de nuit");
    expect(span.score).toBe(0.55);
    expect(span.evidence).toBe("âge de l'auteur");
  });
});

describe('age recognizer: durations, anniversaries and classes are not ages', () => {
  it('drops durations', () => {
    for (const sentence of [
      "12 ans d'IDE aujourd'hui 🎉",
      'depuis 10 ans dans le même service',
      "il y a 3 ans j'étais en réa",
      "y'a 3 ans on avait pas ça",
      'pendant 15 ans elle a tenu la boutique',
      'ses quinze années à la tête du service',
      'un plan sur 5 ans pour les urgences',
      "30 ans d'expérience en bloc",
      '10 ans plus tard il est revenu',
      'un contrat de 3 ans renouvelable',
      'merci pour ces deux ans de Covid',
    ]) {
      expect(ages(sentence), sentence).toEqual([]);
    }
  });

  it('drops schedules in months', () => {
    expect(ages('un contrôle tous les 3 à 4 mois')).toEqual([]);
    expect(ages('vaccinez votre bébé avant 18 mois')).toEqual([]);
    expect(ages('au bout de 6 mois de traitement')).toEqual([]);
  });

  it('keeps age classes under the threshold', () => {
    const young = only('les moins de 15 ans sont vus aux urgences pédiatriques');
    expect(young.score).toBeLessThan(0.5);
    expect(young.evidence).toBe("classe d'âge, pas une personne");
    expect(ages('dépistage pour les femmes de 50 à 74 ans')).toEqual([]);
    expect(ages('ouvert aux 65 ans et plus')).toEqual([]);
    expect(ages('les quadras sont les plus touchés')).toEqual([]);
  });

  it('drops anniversaries of institutions, animals and things', () => {
    expect(ages('le service fête ses 10 ans 🎉')).toEqual([]);
    expect(ages('le centenaire de l’hôpital')).toEqual([]);
    expect(ages('Olive, golden retriever de 4 ans, rend visite aux résidents')).toEqual([]);
  });

  it('drops decades that count or isolate', () => {
    expect(ages('une trentaine de patients en attente')).toEqual([]);
    expect(ages('mis en quarantaine à son arrivée')).toEqual([]);
    expect(ages('sortie de la quarantaine demain')).toEqual([]);
  });

  it('drops bare numbers and the verb "a"', () => {
    expect(ages('Mme D. (34) chambre 12')).toEqual([]);
    expect(ages('M. Bernard lit 2 a eu son traitement')).toEqual([]);
    expect(ages('Mme T. lit 4 à jeun')).toEqual([]);
    expect(ages('ils étaient 92 à attendre')).toEqual([]);
  });
});

describe('age recognizer: robustness', () => {
  it('returns on 1 MB of age-like text', () => {
    const text =
      'Mme D., 92 ans, depuis 10 ans, la trentaine, tous les 3 à 4 mois, quatre-vingt-dix ans, bébé de 3 mois. '.repeat(
        9_600,
      );
    const found = spans(text);
    expect(found.length).toBeGreaterThan(9_600);
    expect(found.every((span) => span.start >= 0 && span.end <= text.length)).toBe(true);
  });

  it('returns on 1 MB of spaces between a number and its unit', () => {
    expect(spans(`92${' '.repeat(1_000_000)}ans`)).toEqual([]);
  });

  it('is empty on an empty text', () => {
    expect(spans('')).toEqual([]);
  });
});
