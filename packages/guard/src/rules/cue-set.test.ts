import { describe, expect, it } from 'vitest';
import { fold } from '../text/fold.js';
import { cueAtEnd, cues, gap, negatedBefore, oneOf, taggedCues } from './cue-set.js';

function words(text: string, found: { start: number; end: number } | null): string | null {
  return found === null ? null : text.slice(found.start, found.end);
}

describe('cues', () => {
  it('matches whole words only, after folding', () => {
    const set = cues('plan blanc');
    expect(set.has(fold('PLAN BLANC déclenché'))).toBe(true);
    expect(set.has(fold('le plan blancheur'))).toBe(false);
    expect(set.has(fold('explan blanc'))).toBe(false);
  });

  it('lets a space stand for the punctuation people scatter between words', () => {
    const set = cues("n'engage que moi");
    for (const text of ['n’engage que moi', 'n engage que moi', 'nengage que moi', 'n’engage -- que (moi)']) {
      expect(set.has(fold(text))).toBe(true);
    }
    expect(set.has(fold('n’engage. Que moi'))).toBe(false);
  });

  it('treats a hyphenated word and its spaced or glued spellings alike', () => {
    const set = cues('aide-soignante');
    for (const text of ['aide-soignante', 'aide soignante', 'aidesoignante'])
      expect(set.has(text)).toBe(true);
  });

  it('bounds the words a gap may skip, within one sentence', () => {
    const set = cues(`la direction ${gap(2)}ment`);
    expect(set.has('la direction nous ment')).toBe(true);
    expect(set.has('la direction nous a ment')).toBe(true);
    expect(set.has('la direction a encore une fois ment')).toBe(false);
    expect(set.has('la direction. il ment')).toBe(false);
  });

  it('finds the earliest cue in text order, whatever the order of the patterns', () => {
    const set = cues('zebre', 'alpaga');
    const text = 'un alpaga et un zebre';
    expect(words(text, set.find(text))).toBe('alpaga');
    expect(words(text, set.find(text, 4))).toBe('zebre');
  });

  it('keeps the earliest cue when a long family is split into several regexes', () => {
    // Enough long patterns to pass the size budget of one regex.
    const many = Array.from({ length: 400 }, (_, index) => `mot${index} ${oneOf(['un', 'deux', 'trois'])}`);
    const set = cues(...many, 'premier mot');
    const text = 'premier mot puis mot399 deux';
    expect(words(text, set.find(text))).toBe('premier mot');
    expect(words('rien puis mot7 trois', set.find('rien puis mot7 trois'))).toBe('mot7 trois');
  });

  it('stays linear on text full of separators and short words', () => {
    const set = cues(`debut ${gap(8)}fin`);
    const text = `debut ${'a-b/c_d '.repeat(5000)}`;
    const start = performance.now();
    expect(set.has(text)).toBe(false);
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('taggedCues', () => {
  it('says which family a cue belongs to', () => {
    const set = taggedCues([['code promo'], ['lien en bio']]);
    expect(set.findTagged('lien en bio et code promo')?.group).toBe(1);
    expect(set.findTagged('code promo')?.group).toBe(0);
  });

  it('skips cues that the family check refuses', () => {
    const set = taggedCues([['vaccin'], ['masque']]);
    const text = 'le vaccin et le masque';
    expect(
      words(
        text,
        set.findWhere(text, (_cue, family) => family === 1),
      ),
    ).toBe('masque');
    expect(set.findWhere(text, () => false)).toBeNull();
  });
});

describe('cueAtEnd', () => {
  it('matches only at the end of the text', () => {
    const verb = cueAtEnd(`prenez ${gap(2)}`);
    expect(verb.test('bonjour, prenez du ')).toBe(true);
    expect(verb.test('prenez du repos demain et dormez ')).toBe(false);
  });
});

describe("the cue sets' gate", () => {
  // Many keys, so that a post naming most of them is read with the whole set's regexes instead.
  const animals = [
    'alpaga',
    'belette',
    'castor',
    'dromadaire',
    'elan',
    'furet',
    'gazelle',
    'hermine',
    'ibis',
    'jaguar',
  ];
  const set = taggedCues([animals, ['(?:un|une) (?:zebre|lama)', 'zebu']]);

  it('finds the same first cue whether a post wakes a few keys or most of them', () => {
    const few = 'on a vu une zebre puis un furet';
    expect(words(few, set.find(few))).toBe('une zebre');
    expect(set.findTagged(few)?.group).toBe(1);
    const most = `${animals.slice(1).join(' ')} et un lama`;
    expect(words(most, set.find(most))).toBe('belette');
    expect(words(most, set.find(most, most.indexOf(' et ')))).toBe('un lama');
  });

  it('prefers the earlier pattern where two start at the same place, as one alternation would', () => {
    const ordered = cues('castor', 'cast', 'castors du lac');
    expect(words('les castors du lac', ordered.find('les castors du lac'))).toBe('castors du lac');
    const tie = cues('cast(?:or)?', 'castor');
    expect(words('un castor', tie.find('un castor'))).toBe('castor');
  });

  it('keeps, within a pattern that starts with a choice, the branch one alternation tries first', () => {
    // The branches are filed under different keys ("mal", "ma") and run apart; both match here.
    const choice = cues('(?:mal|ma)(?:l de tete)?');
    expect(words('du mal de tete', choice.find('du mal de tete'))).toBe('mal');
    const single = /(?<![a-z])(?:(?:mal|ma)(?:l de tete)?)(?![a-z])/;
    expect(single.exec('du mal de tete')?.[0]).toBe('mal');
  });

  it('never wakes a key inside a word', () => {
    expect(set.has('un castorama')).toBe(false);
    expect(set.has('lescastor')).toBe(false);
  });
});

describe('negatedBefore', () => {
  function negated(text: string, cue: string): boolean {
    const start = text.indexOf(cue);
    return negatedBefore(text, { start, end: start + cue.length });
  }

  it('sees a negation up to three words back in the same clause', () => {
    expect(negated('rien ne remplace la vaccination', 'remplace')).toBe(true);
    expect(negated("aucun vaccin n'est efficace a 100 %", 'efficace a 100')).toBe(true);
    expect(negated('le vaccin est efficace a 100 %', 'efficace a 100')).toBe(false);
  });

  it('stops at the start of the clause', () => {
    expect(negated("ce n'est pas grave, le vaccin protege a 100 %", 'protege a 100')).toBe(false);
  });
});
