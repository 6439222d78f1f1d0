import { describe, expect, it } from 'vitest';
import { testContext } from '../test-support/context.js';
import { NAMES_LEXICON } from '../test-support/names.js';
import { createDocument } from '../text/document.js';
import { personRecognizer } from './person.js';

const context = { ...testContext('staff'), lexicon: NAMES_LEXICON };

/** The names found with a score that reaches the rules (≥ 0.5). */
function names(text: string): string[] {
  return personRecognizer
    .find(createDocument(text), context)
    .filter((span) => span.score >= 0.5)
    .map((span) => text.slice(span.start, span.end));
}

describe('person recognizer', () => {
  it('takes titles with the name, initials included', () => {
    expect(names('nuit agitée avec Mme D., 94 ans')).toEqual(['Mme D.']);
    expect(names('Le Dr Samir Haddou arrive')).toEqual(['Dr Samir Haddou']);
    expect(names('merci à M. et Mme Kervella pour leur don')).toEqual(['M. et Mme Kervella']);
    expect(names('Monsieur Perrot est reparti')).toEqual(['Monsieur Perrot']);
    expect(names('vu Mr. Haddad ce matin')).toEqual(['Mr. Haddad']);
  });

  it('accepts a lower-case surname after a title when the gazetteer knows it (SMS style)', () => {
    expect(names('jsuis avec mme durand en bas')).toEqual(['mme durand']);
  });

  it('finds first names with a surname or an initial', () => {
    expect(names('Photos avec Sandrine Morel, Paulo Ferreira et les autres')).toEqual([
      'Sandrine Morel',
      'Paulo Ferreira',
    ]);
    expect(names('on a revu Jordan M. hier')).toEqual(['Jordan M.']);
  });

  it('finds first names after familiar words and keeps "Mamie"', () => {
    expect(names('bisous à Mamie Jeannette 💃')).toEqual(['Mamie Jeannette']);
    expect(names('ma voisine Josiane est arrivée')).toEqual(['Josiane']);
    expect(names('le petit Nolan fête ses 100 jours')).toEqual(['Nolan']);
  });

  it('finds a bare initial used as a name', () => {
    expect(names('Il y a un an, L., 28 ans, arrivait')).toEqual(['L.']);
  });

  it('does not take common words that are also first names', () => {
    expect(names('Octobre rose : dépistage gratuit')).toEqual([]);
    expect(names('Claire comme de l’eau de roche : la blouse ne fait pas tout')).toEqual([]);
    expect(names('la pierre angulaire du projet')).toEqual([]);
    expect(names('Le Petit Prince à la médiathèque')).toEqual([]);
  });

  it('does not take function words, greetings or acronyms', () => {
    expect(names('Bonjour, Merci pour votre message')).toEqual([]);
    expect(names('La HAS et l’ARS ont publié')).toEqual([]);
    expect(names('M. le directeur est absent')).toEqual([]);
  });

  it('keeps surnames in mid-sentence modest and skips them after place prepositions', () => {
    const spans = personRecognizer.find(createDocument('demandez à Lemaire ce qu’il en pense'), context);
    expect(spans).toEqual([]);
    const mid = personRecognizer.find(createDocument('on a vu Lemaire hier soir'), context);
    expect(mid.map((span) => span.score)).toEqual([0.5]);
  });

  it('never returns offsets outside the text', () => {
    for (const text of ['Mme', 'Mme D', 'M.', 'Dr.', 'L.', '', '\ud800Mme D.']) {
      for (const span of personRecognizer.find(createDocument(text), context)) {
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.end).toBeLessThanOrEqual(text.length);
      }
    }
  });

  it('takes any capitalised word after a title, common word or not', () => {
    expect(names('Mme Petit, chambre 12')).toEqual(['Mme Petit']);
    expect(names('M. Blanc est reparti')).toEqual(['M. Blanc']);
    expect(names('Mme Grace Kelly ce matin')).toEqual(['Mme Grace Kelly']);
  });
});
