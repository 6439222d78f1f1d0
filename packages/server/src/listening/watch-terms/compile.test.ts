import { describe, expect, it } from 'vitest';
import type { WatchTermKind } from '../../db/schema.js';
import { compileWatchTerms } from './compile.js';
import type { WatchTerm, WatchTermMatcher } from './matcher.js';

let nextId = 0;
function term(establishmentId: string, kind: WatchTermKind, written: string): WatchTerm {
  nextId += 1;
  return { id: `t${nextId}`, establishmentId, kind, term: written };
}

/** What a post matched, as establishment → terms as written. */
function heard(matcher: WatchTermMatcher, text: string): Record<string, string[]> {
  return Object.fromEntries(
    matcher.match(text).map((match) => [match.establishmentId, match.terms.map((t) => t.term)]),
  );
}

describe('compileWatchTerms: word edges', () => {
  const matcher = compileWatchTerms([term('chu', 'name', 'CHU de Valmont'), term('chu', 'alias', 'CHU')]);

  it('hears a term at word edges only: « CHU » is not in « chute »', () => {
    expect(heard(matcher, 'Attention à la chute de pierres')).toEqual({});
    expect(heard(matcher, 'les CHUs et les PCHU')).toEqual({});
    expect(heard(matcher, 'CHU2 et 2CHU')).toEqual({});
    for (const text of [
      'CHU',
      'Au CHU.',
      '(CHU)',
      'le «CHU»',
      'chu!',
      'l’CHU',
      'CHU🙏',
      '«\u00a0CHU\u00a0»',
    ]) {
      expect(heard(matcher, text), text).toEqual({ chu: ['CHU'] });
    }
  });

  it('hears a name of several words whatever the blanks, case and dashes between them', () => {
    for (const text of [
      'Merci au chu de valmont',
      'Merci au CHU  de\u00a0Valmont',
      'CHU\u202fde\tValmont',
      'CHU\nde\nValmont',
      'chu-de-valmont',
      'CHU – de – VALMONT',
    ]) {
      expect(heard(matcher, text), JSON.stringify(text)).toEqual({ chu: ['CHU de Valmont', 'CHU'] });
    }
    expect(heard(matcher, 'CHU de Valmontois')).toEqual({ chu: ['CHU'] });
  });

  it('hears a word cut by zero-width characters', () => {
    expect(heard(matcher, 'C\u200bH\u200bU de Val\u00admont')).toEqual({ chu: ['CHU de Valmont', 'CHU'] });
    // An invisible character glued to a word does not make it another word.
    expect(heard(matcher, 'chu\u200bte')).toEqual({});
  });

  it('counts letters of every script, and digits, as inside a word', () => {
    const cyrillic = compileWatchTerms([term('m', 'name', 'Москва'), term('m', 'alias', 'CHU')]);
    expect(heard(cyrillic, 'В Москве и в МОСКВА')).toEqual({ m: ['Москва'] });
    expect(heard(cyrillic, 'CHUж')).toEqual({});
    expect(heard(cyrillic, 'CHU𝐀')).toEqual({});
    // Letters outside the basic plane (Adlam) are letters too.
    expect(heard(cyrillic, 'CHU𞤀 𞤀CHU')).toEqual({});
    expect(heard(cyrillic, 'CHU😀')).toEqual({ m: ['CHU'] });
  });
});

describe('compileWatchTerms: accents and apostrophes', () => {
  const matcher = compileWatchTerms([
    term('eloi', 'name', 'Hôpital Saint-Éloi'),
    term('coeur', 'name', 'Clinique du Cœur'),
  ]);

  it('hears « l’Hôpital saint eloi » for « l’hôpital Saint-Éloi », whatever the apostrophe', () => {
    for (const text of [
      "Merci à l'hôpital Saint-Éloi",
      'Merci à l’Hôpital saint eloi',
      'MERCI À L’HOPITAL SAINT ÉLOI',
      'l‘hopital saint–eloi',
      'lʼhôpital  Saint\u00a0Éloi',
    ]) {
      expect(heard(matcher, text), text).toEqual({ eloi: ['Hôpital Saint-Éloi'] });
    }
    expect(heard(matcher, 'Hôpital Saint-Éloise')).toEqual({});
  });

  it('hears œ written out', () => {
    expect(heard(matcher, 'clinique du coeur')).toEqual({ coeur: ['Clinique du Cœur'] });
    expect(heard(matcher, 'CLINIQUE DU CŒUR')).toEqual({ coeur: ['Clinique du Cœur'] });
  });
});

describe('compileWatchTerms: hashtags and handles', () => {
  const matcher = compileWatchTerms([
    term('chu', 'name', 'CHU Valmont'),
    term('chu', 'hashtag', '#ChuValmont'),
    term('chu', 'alias', '@chu_valmont'),
    term('nord', 'hashtag', 'HopitalNord'),
  ]);

  it('hears a hashtag as a whole token, in any case', () => {
    expect(heard(matcher, 'Encore 4 h aux urgences #CHUVALMONT')).toEqual({
      chu: ['CHU Valmont', '#ChuValmont'],
    });
    expect(heard(matcher, '#hopitalnord, bravo')).toEqual({ nord: ['HopitalNord'] });
    expect(heard(matcher, 'hopitalnord sans dièse')).toEqual({});
    for (const text of ['#ChuValmont2024', '#ChuValmont_bis', 'page#chuvalmont', '#chuvalmonté']) {
      expect(heard(matcher, text), text).toEqual({});
    }
  });

  it('hears a name of several words glued as a hashtag or a handle, and not inside a longer one', () => {
    for (const text of ['#CHU_Valmont', '@ChuValmont', '@chu_valmont: merci']) {
      expect(Object.keys(heard(matcher, text)), text).toEqual(['chu']);
    }
    expect(heard(matcher, 'chuvalmont tout court')).toEqual({});
    expect(heard(matcher, '#CHUValmontNord')).toEqual({});
  });

  it('hears a handle alias as a mention, and not a longer handle or an e-mail address', () => {
    expect(heard(matcher, 'Merci @CHU_Valmont.')).toEqual({ chu: ['CHU Valmont', '@chu_valmont'] });
    expect(heard(matcher, 'cc @chu_valmont@mastodon.social')).toEqual({
      chu: ['CHU Valmont', '@chu_valmont'],
    });
    for (const text of [
      '@chu_valmont_officiel',
      '@chu_valmont.bsky.social',
      'accueil@chu_valmont.fr',
      '_@chu_valmont',
    ]) {
      expect(heard(matcher, text), text).toEqual({});
    }
  });

  it('hears a one-word name in a hashtag or handle of that word', () => {
    const single = compileWatchTerms([term('v', 'alias', 'Valmont')]);
    expect(heard(single, '#Valmont #valmont2 @valmont @chu_valmont')).toEqual({ v: ['Valmont'] });
    expect(heard(single, '#valmont2 @valmonte')).toEqual({});
  });
});

describe('compileWatchTerms: services and exclusions', () => {
  const matcher = compileWatchTerms([
    term('chu', 'name', 'CHU de Valmont'),
    term('chu', 'alias', 'Valmont'),
    term('chu', 'hashtag', '#ChuValmont'),
    term('chu', 'service', 'urgences'),
    term('chu', 'exclusion', 'Château de Valmont'),
    term('chu', 'exclusion', 'Valmont FC'),
    term('clinique', 'name', 'Clinique du Parc'),
    term('clinique', 'service', 'urgences'),
  ]);

  it('never makes a mention from a service alone, and reports it beside a name', () => {
    expect(heard(matcher, 'Six heures aux urgences, encore')).toEqual({});
    expect(heard(matcher, 'Six heures aux urgences de Valmont')).toEqual({ chu: ['Valmont', 'urgences'] });
    expect(heard(matcher, 'Urgences de la Clinique du Parc')).toEqual({
      clinique: ['Clinique du Parc', 'urgences'],
    });
  });

  it('drops the establishment when an exclusion explains its alias', () => {
    expect(heard(matcher, 'Concert au Château de Valmont ce soir')).toEqual({});
    expect(heard(matcher, 'Valmont FC gagne ! Valmont en finale, urgences en fête')).toEqual({});
    expect(heard(matcher, '#ValmontFC')).toEqual({});
  });

  it('keeps a name or a hashtag found outside the exclusion', () => {
    expect(heard(matcher, 'Visite du Château de Valmont, puis urgences au CHU de Valmont')).toEqual({
      chu: ['CHU de Valmont', 'urgences'],
    });
    expect(heard(matcher, 'Valmont FC : le gardien soigné #ChuValmont')).toEqual({ chu: ['#ChuValmont'] });
  });

  it('does not let one establishment’s exclusion touch another establishment', () => {
    const shared = compileWatchTerms([
      term('a', 'alias', 'Valmont'),
      term('a', 'exclusion', 'Château de Valmont'),
      term('b', 'alias', 'Valmont'),
    ]);
    expect(heard(shared, 'Le Château de Valmont')).toEqual({ b: ['Valmont'] });
  });

  it('does not report an exclusion as a matched term', () => {
    const result = matcher.match('CHU de Valmont, Château de Valmont');
    expect(result.map((match) => match.terms.map((t) => t.kind))).toEqual([['name']]);
  });
});

describe('compileWatchTerms: shared and overlapping terms', () => {
  it('gives a term shared by several establishments to each of them, in the order of the terms', () => {
    const group = compileWatchTerms([
      term('nord', 'name', 'Hôpital Nord'),
      term('nord', 'alias', 'GHT Valmont'),
      term('sud', 'name', 'Hôpital Sud'),
      term('sud', 'alias', 'GHT Valmont'),
      term('sud', 'service', 'maternité'),
      term('nord', 'service', 'maternité'),
    ]);
    expect(group.match('La maternité du GHT Valmont ferme').map((match) => match.establishmentId)).toEqual([
      'nord',
      'sud',
    ]);
    expect(heard(group, 'La maternité du GHT Valmont ferme')).toEqual({
      nord: ['GHT Valmont', 'maternité'],
      sud: ['GHT Valmont', 'maternité'],
    });
  });

  it('reports overlapping terms and repeated ones once each, in the order of the terms', () => {
    const matcher = compileWatchTerms([
      term('chu', 'alias', 'Valmont'),
      term('chu', 'name', 'CHU de Valmont'),
      term('chu', 'alias', 'CHU'),
      term('chu', 'alias', 'de Valmont'),
    ]);
    expect(heard(matcher, 'CHU de Valmont, CHU, Valmont, CHU de Valmont')).toEqual({
      chu: ['Valmont', 'CHU de Valmont', 'CHU', 'de Valmont'],
    });
  });

  it('gives back the watch terms it was given', () => {
    const name = term('chu', 'name', 'CHU de Valmont');
    const [match] = compileWatchTerms([name]).match('chu de valmont');
    expect(match?.terms[0]).toBe(name);
  });

  it('counts a term given twice (same id) once', () => {
    const name = term('chu', 'name', 'CHU');
    expect(compileWatchTerms([name, name]).match('CHU')[0]?.terms).toHaveLength(1);
  });
});

describe('compileWatchTerms: nothing to hear, odd input', () => {
  it('hears nothing with no terms, or only terms without a letter', () => {
    for (const terms of [
      [],
      [term('x', 'name', '###'), term('x', 'hashtag', '#'), term('x', 'alias', ' - ')],
    ]) {
      const matcher = compileWatchTerms(terms);
      for (const text of ['', 'CHU ###', '#', ' - ', '🙏'.repeat(100)])
        expect(matcher.match(text)).toEqual([]);
    }
  });

  it('reads empty, blank, emoji-only, broken and megabyte-long posts without failing', () => {
    const matcher = compileWatchTerms([term('chu', 'name', 'CHU de Valmont')]);
    for (const text of ['', '   ', '\u200b', '❤️🙏', '\ud83d', 'CHU de Valmont\ud800']) {
      expect(() => matcher.match(text), JSON.stringify(text)).not.toThrow();
    }
    expect(heard(matcher, 'CHU de Valmont\ud800')).toEqual({ chu: ['CHU de Valmont'] });
    const long = `${'Six heures d’attente 🙏 aux urgences. '.repeat(30_000)}CHU de Valmont`;
    expect(heard(matcher, long)).toEqual({ chu: ['CHU de Valmont'] });
  });

  it('keeps matching correctly from one post to the next (its buffers are reused)', () => {
    const matcher = compileWatchTerms([term('chu', 'alias', 'CHU')]);
    expect(heard(matcher, `${'x'.repeat(3_000)} CHU`)).toEqual({ chu: ['CHU'] });
    expect(heard(matcher, 'chute')).toEqual({});
    expect(heard(matcher, 'CHU')).toEqual({ chu: ['CHU'] });
  });
});
