import { describe, expect, it } from 'vitest';
import { createDocument } from '../text/document.js';
import {
  createFoldedPhraseMatcher,
  createPhraseMatcher,
  foldedPhraseKeys,
  phraseKeys,
} from './phrase-matcher.js';

function found<T>(matcher: ReturnType<typeof createPhraseMatcher<T>>, text: string): Array<[string, T]> {
  const doc = createDocument(text);
  return matcher.match(doc).map((m) => [text.slice(m.start, m.end), m.value]);
}

describe('phraseKeys', () => {
  it('folds and splits like the tokenizer, with elisions split off', () => {
    expect(phraseKeys('Maladie d’Alzheimer')).toEqual(['maladie', "d'", 'alzheimer']);
    expect(phraseKeys('  Insuffisance  RÉNALE aiguë ')).toEqual(['insuffisance', 'renale', 'aigue']);
    expect(phraseKeys('gastro-entérite')).toEqual(['gastro-enterite']);
    expect(phraseKeys("aujourd'hui")).toEqual(["aujourd'hui"]);
    expect(phraseKeys('Thoracique/Thoraco-lombaire (T12)')).toEqual([
      'thoracique',
      'thoraco-lombaire',
      't12',
    ]);
  });

  it('agrees with the scanner used on pre-folded text', () => {
    for (const text of ["l'infarctus du myocarde", 'covid-19 long', 'qu’il', "a-t-il d'autres", '🙂 avc !']) {
      expect(foldedPhraseKeys(text.toLowerCase().replace(/’/g, "'"))).toEqual(phraseKeys(text));
    }
  });

  it('drops dangling apostrophes and hyphens like the tokenizer', () => {
    expect(phraseKeys("l' avc - grave")).toEqual(['l', 'avc', 'grave']);
  });
});

describe('createPhraseMatcher', () => {
  const matcher = createPhraseMatcher<string>([
    ['infarctus', 'short'],
    ['infarctus du myocarde', 'long'],
    ['maladie d’Alzheimer', 'alz'],
    ['Alzheimer', 'alz-alone'],
    ['burn-out', 'burnout'],
    ['AVC', 'avc'],
    ['cancer du sein', 'sein'],
  ]);

  it('counts distinct phrases, hyphen variants included', () => {
    expect(matcher.size).toBe(8);
  });

  it('prefers the longest phrase at a position', () => {
    expect(found(matcher, 'Il a fait un infarctus du myocarde hier')).toEqual([
      ['infarctus du myocarde', 'long'],
    ]);
    expect(found(matcher, 'un infarctus du patient')).toEqual([['infarctus', 'short']]);
  });

  it('matches without accents, in capitals and in SMS style', () => {
    expect(found(matcher, 'MALADIE D’ALZHEIMER')).toEqual([['MALADIE D’ALZHEIMER', 'alz']]);
    expect(found(matcher, 'mamie a alzheimer 😢😢')).toEqual([['alzheimer', 'alz-alone']]);
    expect(found(matcher, 'cancer du sain ?? nan cancer du sein')).toEqual([['cancer du sein', 'sein']]);
  });

  it('finds a word behind an elided article without taking the article', () => {
    const text = "l'AVC de ce matin, puis d’infarctus";
    expect(found(matcher, text)).toEqual([
      ['AVC', 'avc'],
      ['infarctus', 'short'],
    ]);
    const doc = createDocument(text);
    const [first] = matcher.match(doc);
    expect(first?.tokenStart).toBe(0);
    expect(first?.tokenEnd).toBe(1);
  });

  it('matches hyphenated phrases written with a space, and hashtags', () => {
    expect(found(matcher, 'en burn out total #AVC')).toEqual([
      ['burn out', 'burnout'],
      ['AVC', 'avc'],
    ]);
    expect(found(matcher, 'BURN-OUT')).toEqual([['BURN-OUT', 'burnout']]);
  });

  it('never matches inside a word or a hyphenated compound', () => {
    expect(found(matcher, 'avcs infarctusmyocarde pré-infarctus anti-cancer')).toEqual([]);
  });

  it('returns non-overlapping matches left to right', () => {
    const overlapping = createPhraseMatcher<number>([
      ['a b', 1],
      ['b c', 2],
      ['c', 3],
    ]);
    expect(found(overlapping, 'a b c')).toEqual([
      ['a b', 1],
      ['c', 3],
    ]);
  });

  it('keeps the first value given for a repeated phrase', () => {
    const twice = createPhraseMatcher<number>([
      ['Diabète', 1],
      ['diabete', 2],
    ]);
    expect(twice.size).toBe(1);
    expect(found(twice, 'diabete')).toEqual([['diabete', 1]]);
  });

  it('gives token indices that let callers look at the words around', () => {
    const doc = createDocument('Mme X, en réa pour un AVC sévère.');
    const [hit] = matcher.match(doc);
    expect(hit?.tokenStart).toBe(6);
    expect(doc.tokens[(hit?.tokenStart ?? 0) - 1]?.text).toBe('un');
    expect(doc.tokens[hit?.tokenEnd ?? 0]?.text).toBe('sévère');
  });

  it('handles empty documents and empty phrase lists', () => {
    expect(matcher.match(createDocument(''))).toEqual([]);
    expect(createPhraseMatcher([]).match(createDocument('avc'))).toEqual([]);
    expect(createPhraseMatcher([['', 1]]).size).toBe(0);
  });

  it('handles a long post full of near misses', () => {
    const many = createPhraseMatcher<number>(
      Array.from({ length: 2000 }, (_, i) => [`mot ${i} fin`, i] as const),
    );
    const doc = createDocument(`${'mot 7 '.repeat(5000)}mot 7 fin`);
    expect(many.match(doc).map((m) => m.value)).toEqual([7]);
  });
});

describe('createFoldedPhraseMatcher', () => {
  it('takes phrases already folded and space-joined', () => {
    const matcher = createFoldedPhraseMatcher<string>([
      ["maladie d' alzheimer", 'alz'],
      ['covid-19', 'covid'],
    ]);
    expect(found(matcher, "Maladie d'Alzheimer et Covid 19")).toEqual([
      ["Maladie d'Alzheimer", 'alz'],
      ['Covid 19', 'covid'],
    ]);
  });
});
