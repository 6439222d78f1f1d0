import { seededRandom } from '@blouse/buzz';
import { composeForAnalysis, fold } from '@blouse/guard';
import { describe, expect, it } from 'vitest';
import { FoldBuffer, foldForMatching } from './fold-for-matching.js';

describe('foldForMatching', () => {
  it('lower-cases and removes accents, composed or typed after their letter', () => {
    expect(foldForMatching('Hôpital Saint-Éloi')).toBe('hopital saint eloi');
    expect(foldForMatching('CENTRE HOSPITALIER DE SÈTE')).toBe('centre hospitalier de sete');
    expect(foldForMatching('e\u0301te\u0301 a\u0300 Ple\u0300s')).toBe('ete a ples');
    expect(foldForMatching('Ça, çà, naïf, Noël')).toBe('ca, ca, naif, noel');
  });

  it('writes œ and æ out', () => {
    expect(foldForMatching('Cœur ŒUVRE Lætitia ÆSOPE')).toBe('coeur oeuvre laetitia aesope');
  });

  it('makes typographic apostrophes plain, so that both spellings of a name meet', () => {
    const spellings = [
      'l’Hôpital Saint-Éloi',
      "l'hôpital saint eloi",
      'Lʼhôpital Saint Éloi',
      'L‘HÔPITAL SAINT–ÉLOI',
    ];
    for (const spelling of spellings)
      expect(foldForMatching(spelling), spelling).toBe("l'hopital saint eloi");
  });

  it('reads hyphens and every dash as a space', () => {
    expect(foldForMatching('Saint-Éloi – Valmont — CHU‑Nord ‒ x − y ―z')).toBe(
      'saint eloi valmont chu nord x y z',
    );
    expect(foldForMatching('-CHU-')).toBe('chu');
  });

  it('collapses every Unicode blank and line break into one space, none at the ends', () => {
    const blanks = [
      '\u00a0',
      '\u202f',
      '\u2009',
      '\u2003',
      '\u3000',
      '\u1680',
      '\t',
      '\n',
      '\r\n',
      '\u2028',
      '  ',
      ' \n\n ',
    ];
    for (const blank of blanks) {
      expect(foldForMatching(`${blank}CHU${blank}de${blank}Valmont${blank}`), JSON.stringify(blank)).toBe(
        'chu de valmont',
      );
    }
    expect(foldForMatching(' \u00a0\n ')).toBe('');
    expect(foldForMatching('')).toBe('');
  });

  it('drops zero-width characters, joiners, soft hyphens and direction marks, even inside words', () => {
    expect(foldForMatching('C\u200bH\u200dU de Val\u00admont\u2060 \ufeffurgences\u200e')).toBe(
      'chu de valmont urgences',
    );
    // A zero-width space between two blanks leaves one space.
    expect(foldForMatching('CHU \u200b Valmont')).toBe('chu valmont');
  });

  it('reads styled and full-width letters as letters', () => {
    expect(foldForMatching('𝗖𝗛𝗨 𝗱𝗲 𝑽𝒂𝒍𝒎𝒐𝒏𝒕')).toBe('chu de valmont');
    expect(foldForMatching('ＣＨＵ ＃Ｖａｌｍｏｎｔ')).toBe('chu #valmont');
    // A code point of that block without a letter behind it stays as it is.
    expect(foldForMatching('\ud835\udc55x')).toBe('\ud835\udc55x');
  });

  it('keeps emoji, other scripts and lone surrogates, one unit for one', () => {
    expect(foldForMatching('Merci 🙏 МОСКВА ❤️')).toBe('merci 🙏 москва ❤');
    expect(foldForMatching('a\ud83d')).toBe('a\ud83d');
  });

  it('folds a megabyte-long text without overflowing the stack', () => {
    const long = 'Hôpital Saint-Éloi, l’accueil\u00a0! '.repeat(40_000);
    const folded = foldForMatching(long);
    expect(folded.startsWith("hopital saint eloi, l'accueil ! hopital")).toBe(true);
    expect(folded.length).toBeGreaterThan(1_000_000);
  });

  it('reads as the guard reads: the same as its compose and fold written out step by step', () => {
    // The guard's functions applied one after the other, with the listening steps as regular
    // expressions: the table-driven loop must give exactly the same text.
    const reference = (text: string): string =>
      fold(composeForAnalysis(text).text)
        .replace(/\p{M}/gu, '')
        .replace(/œ/g, 'oe')
        .replace(/æ/g, 'ae')
        .replace(/[\s\-\u2010-\u2015\u2212]+/g, ' ')
        .trim();
    const alphabet = [
      ..."aAéÉèœŒæÆçÇ0123456789 #@_.,;!?'’ʼ-–—−",
      '\u00a0',
      '\u202f',
      '\u200b',
      '\u200d',
      '\u00ad',
      '\u0301',
      '\ufe0f',
      '\n',
      '\r',
      '\t',
      '❤️',
      '🙏',
      'ß',
      'Ø',
      'İ',
      'Ω',
      'Ж',
    ];
    const random = seededRandom(2026);
    for (let sample = 0; sample < 2_000; sample++) {
      let text = '';
      const length = Math.floor(random() * 40);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(foldForMatching(text), JSON.stringify(text)).toBe(reference(text));
    }
  });
});

describe('FoldBuffer', () => {
  it('folds into reused units and projects them one unit for one', () => {
    const buffer = new FoldBuffer();
    const projection = new Uint16Array(0x10000).fill(0x01);
    for (const unit of 'chu ') projection[unit.charCodeAt(0)] = unit.charCodeAt(0);
    buffer.fill('Le CHU 🙏', projection);
    expect(buffer.toString()).toBe('le chu 🙏');
    expect(buffer.projected()).toBe('\u0001\u0001 chu \u0001\u0001');
    expect(buffer.length).toBe(9);
    // A longer text grows the buffers; a shorter one after it reads only its own units.
    buffer.fill('x'.repeat(5_000), null);
    expect(buffer.length).toBe(5_000);
    buffer.fill('Cœur', projection);
    expect(buffer.toString()).toBe('coeur');
    expect(buffer.projected()).toBe('c\u0001\u0001u\u0001');
  });
});
