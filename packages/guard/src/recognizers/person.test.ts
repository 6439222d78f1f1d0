import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../lexicon/load.js';
import { testContext } from '../test-support/context.js';
import { NAMES_LEXICON } from '../test-support/names.js';
import { createDocument } from '../text/document.js';
import { personRecognizer } from './person.js';

// Telling names from words needs the French dictionary and the name lists: the real ones.
const context = { ...testContext('staff'), lexicon: loadLexicon() };

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

  it('takes a name that is also a rarer common word when many people bear it', () => {
    expect(names('Bonjour Pierre')).toEqual(['Pierre']);
    expect(names('vu avec Marie ce matin')).toEqual(['Marie']);
    expect(names('La sage-femme Amandine à la maternité')).toEqual(['Amandine']);
  });

  it('takes a common-word name only with more evidence: a surname, a familiar word', () => {
    expect(names('Rose est venue hier.')).toEqual([]);
    expect(names('On a vu Rose Dupuis.')).toEqual(['Rose Dupuis']);
    expect(names('ma voisine Rose va mieux')).toEqual(['Rose']);
    expect(names('bravo à toute l’équipe de la Poste')).toEqual([]);
    expect(names('champion régional de trail à Annecy')).toEqual([]);
  });

  it('does not take a common word after a first name for a surname, unless many bear it', () => {
    expect(names('Julie Bonne journée à tous')).toEqual(['Julie']);
    expect(names('Sandrine Petit est là')).toEqual(['Sandrine Petit']);
  });

  it('finds names written in capitals, not shouted sentences', () => {
    expect(names('j’ai croisé DUPONT hier')).toEqual(['DUPONT']);
    expect(names('on dîne chez MARTINE ce soir')).toEqual(['MARTINE']);
    expect(names('vu MARTINE DUPONT aux urgences')).toEqual(['MARTINE DUPONT']);
    expect(names('MERCI À TOUTE L’ÉQUIPE DE NUIT')).toEqual([]);
    expect(names('URGENT : PLAN BLANC DÉCLENCHÉ')).toEqual([]);
    expect(names('passé par le SAU puis le CHU, avec un DIU en poche')).toEqual([]);
  });

  it('finds lower-case first names and nicknames after a familiar word or a title', () => {
    expect(names('ma copine julie est passée')).toEqual(['julie']);
    expect(names('mamie Zaza va mieux')).toEqual(['Zaza']);
    expect(names('Mamie Zaza va mieux')).toEqual(['Mamie Zaza']);
    expect(names('le Dr martin est là')).toEqual(['Dr martin']);
    expect(names('ma fille rose est passée')).toEqual([]);
    expect(names('le petit garçon dort')).toEqual([]);
  });

  it('works without a dictionary (test lexicons): every word is then unknown', () => {
    const bare = { ...testContext('staff'), lexicon: NAMES_LEXICON };
    const found = personRecognizer.find(createDocument('Photos avec Sandrine Morel'), bare);
    expect(found.map((span) => span.score)).toEqual([0.85]);
  });
});
