import { describe, expect, it } from 'vitest';
import { foldKey } from '../text/fold.js';
import { readGzipText } from './data-files.js';
import { FrenchWords, frenchWords, lemmaOf, wordClassesOf } from './french-words.js';

describe('French words (Dicollecte dictionary, expanded)', () => {
  it('gives the lemma of inflected forms, folded', () => {
    for (const form of ['operee', 'operees', 'opere', 'operer', 'operons'])
      expect(lemmaOf(form)).toBe('operer');
    expect(lemmaOf('soins')).toBe('soin');
    expect(lemmaOf('infirmieres')).toBe('infirmier');
    expect(lemmaOf('blessees')).toBe('blesser');
  });

  it('maps nouns in -ation, -age, -ement to their verb only when the dictionary has it', () => {
    expect(lemmaOf('operation')).toBe('operer');
    expect(lemmaOf('hospitalisations')).toBe('hospitaliser');
    expect(lemmaOf('traitement')).toBe('traiter');
    expect(lemmaOf('nation')).toBe('nation');
    expect(lemmaOf('fromage')).toBe('fromage');
  });

  it('keeps a headword its own lemma even when folding meets a participle (« pierre », « pierré »)', () => {
    expect(lemmaOf('pierre')).toBe('pierre');
    expect(lemmaOf('porte')).toBe('porte');
  });

  it('returns unknown words as they are, and reads through elisions', () => {
    expect(lemmaOf('zzzq')).toBe('zzzq');
    expect(lemmaOf('')).toBe('');
    expect(lemmaOf("l'operation")).toBe('operer');
    expect(lemmaOf("l'zzzq")).toBe("l'zzzq");
  });

  it('tells word classes, names included', () => {
    expect([...wordClassesOf('rose')].sort()).toEqual(['adjective', 'first-name', 'noun', 'verb']);
    expect(wordClassesOf('le').has('function-word')).toBe(true);
    expect(wordClassesOf('dupont').has('surname')).toBe(true);
    expect(wordClassesOf('paris').has('proper-noun')).toBe(true);
    expect(wordClassesOf('france').has('noun')).toBe(false);
    expect(wordClassesOf('bien').has('adverb')).toBe(true);
    expect(wordClassesOf("d'operation").has('noun')).toBe(true);
    expect(wordClassesOf('zzzq').size).toBe(0);
  });

  it('is loaded once, and holds only folded keys', () => {
    expect(frenchWords()).toBe(frenchWords());
    expect(frenchWords().size).toBeGreaterThan(400_000);
  });

  it('keys forms and lemmas exactly as the runtime folds text', () => {
    const lines = readGzipText('french-words.tsv.gz').split('\n');
    for (let i = 0; i < lines.length; i += 97) {
      const key = lines[i]?.split('\t')[0] ?? '';
      expect(foldKey(key), key).toBe(key);
      expect(foldKey(lemmaOf(key)), key).toBe(lemmaOf(key));
    }
  });

  it('decodes the compact lemma column', () => {
    const words = new FrenchWords('a\tV\t\noperees\tNV\t2r\n');
    expect(words.lemmaOf('operees')).toBe('operer');
    expect(words.lemmaOf('a')).toBe('a');
    expect(foldKey('Opérées')).toBe('operees');
  });
});
