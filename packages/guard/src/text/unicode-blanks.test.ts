import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.js';
import type { GuardContext, Report } from '../types.js';

/**
 * Blanks and invisible characters must not change what the guard sees: the same post written
 * with the spaces of French typography, across lines, or with zero-width characters slipped
 * inside its words, gets the same verdict, the same rules and spans at the same places.
 * The posts are those of the guard's own rule tests that warn or block.
 */
const POSTS: ReadonlyArray<readonly [string, GuardContext]> = [
  ['Nuit de folie 😵 Mme D., 92 ans, chambre 214, a encore tenté de fuguer', 'staff'],
  ['Grosse nuit avec Mme R., 88 ans, chambre 9, en pleine confusion', 'staff'],
  ['le motard de 34 ans arrivé dimanche en réa va mieux', 'staff'],
  ['ordonnance trouvée, IPP 00451278', 'staff'],
  ['« Lina » (prénom modifié), 17 ans, arrivée aux urgences pour une overdose', 'staff'],
  ['Bonjour, votre biopsie a été décalée à cause d’une urgence, désolés !', 'reply'],
  ['Le Dr Hugo Lenoir (diabétique) gare sa Tesla FG-456-HJ au parking P1 tous les matins', 'public'],
  ['Notre collègue Romain est en arrêt maladie depuis un mois pour burn-out.', 'staff'],
  ['Notre cadre Sandrine Roux est une incompétente. Bonne soirée à tous.', 'staff'],
  ['notre nouveau cadre sup, M. Durand, est insupportable, trois démissions en un mois', 'staff'],
  ['Sur la photo, la petite Emma, opérée du cœur hier, avec son doudou 📸', 'institutional'],
  ['@marie_k double ta dose de Xanax ce soir', 'staff'],
  ['Pour ta tension, baisse ton Amlor ce soir, tu verras', 'staff'],
];

const UNICODE_BLANKS: ReadonlyArray<readonly [string, string]> = [
  ['no-break space U+00A0', '\u00a0'],
  ['narrow no-break space U+202F', '\u202f'],
  ['en quad U+2000', '\u2000'],
  ['em space U+2003', '\u2003'],
  ['thin space U+2009', '\u2009'],
  ['hair space U+200A', '\u200a'],
  ['medium mathematical space U+205F', '\u205f'],
  ['ideographic space U+3000', '\u3000'],
  ['ogham space U+1680', '\u1680'],
  ['tab', '\t'],
  ['two spaces', '  '],
];

const LINE_BREAKS: ReadonlyArray<readonly [string, string]> = [
  ['line feed', '\n'],
  ['carriage return and line feed', '\r\n'],
  ['carriage return', '\r'],
  ['line separator U+2028', '\u2028'],
  ['paragraph separator U+2029', '\u2029'],
  ['next line U+0085', '\u0085'],
];

const INVISIBLES: ReadonlyArray<readonly [string, string]> = [
  ['zero-width space U+200B', '\u200b'],
  ['zero-width non-joiner U+200C', '\u200c'],
  ['zero-width joiner U+200D', '\u200d'],
  ['word joiner U+2060', '\u2060'],
  ['byte-order mark U+FEFF', '\ufeff'],
  ['soft hyphen U+00AD', '\u00ad'],
];

/** A text built from pieces, with where each character of the plain post went. */
interface Variant {
  readonly text: string;
  /** variantOffset[i]: offset in `text` of the plain post's character i (and of its end). */
  readonly variantOffset: readonly number[];
}

/** Rebuilds `post` with `replace` deciding what each character becomes. */
function variant(post: string, replace: (char: string, index: number) => string): Variant {
  let text = '';
  const variantOffset: number[] = [];
  for (let i = 0; i < post.length; i++) {
    const piece = replace(post.charAt(i), i);
    // The character itself is the last unit of its piece when something was put before it.
    variantOffset.push(text.length + (piece.endsWith(post.charAt(i)) ? piece.length - 1 : 0));
    text += piece;
  }
  variantOffset.push(text.length);
  return { text, variantOffset };
}

/** Zero-width characters inside every word of three letters or more, after its second letter. */
function insideWords(post: string, invisible: string): Variant {
  return variant(post, (char, i) => {
    const before = post.slice(Math.max(0, i - 2), i);
    return /^\p{L}\p{L}$/u.test(before) && /\p{L}/u.test(char) ? invisible + char : char;
  });
}

function summary(report: Report): { verdict: string; rules: string[] } {
  return { verdict: report.verdict, rules: report.findings.map((finding) => finding.rule).sort() };
}

function expectSameReading(post: string, context: GuardContext, changed: Variant): void {
  const plain = analyze(post, { context });
  const other = analyze(changed.text, { context });
  expect(plain.verdict).not.toBe('ok');
  expect(summary(other)).toEqual(summary(plain));
  // Each span of the plain post is found again, over the same characters of the changed text.
  const expected = plain.spans.map((span) => ({
    type: span.type,
    start: changed.variantOffset[span.start],
    end: (changed.variantOffset[span.end - 1] ?? 0) + 1,
  }));
  const found = other.spans.map((span) => ({ type: span.type, start: span.start, end: span.end }));
  expect(found).toEqual(expected);
}

describe('blanks and invisible characters do not change what the guard reads (property)', () => {
  for (const [name, blank] of UNICODE_BLANKS) {
    it(`reads every space written as ${name} as a space`, () => {
      for (const [post, context] of POSTS)
        expectSameReading(
          post,
          context,
          variant(post, (c) => (c === ' ' ? blank : c)),
        );
    });
  }

  for (const [name, lineBreak] of LINE_BREAKS) {
    it(`reads a ${name} in place of any one space as a space`, () => {
      for (const [post, context] of POSTS) {
        for (let at = post.indexOf(' '); at >= 0; at = post.indexOf(' ', at + 1)) {
          expectSameReading(
            post,
            context,
            variant(post, (c, i) => (i === at ? lineBreak : c)),
          );
        }
      }
    });
    it(`reads a ${name} in place of every space as a space`, () => {
      for (const [post, context] of POSTS) {
        expectSameReading(
          post,
          context,
          variant(post, (c) => (c === ' ' ? lineBreak : c)),
        );
      }
    });
  }

  for (const [name, invisible] of INVISIBLES) {
    it(`ignores a ${name} slipped inside words`, () => {
      for (const [post, context] of POSTS) expectSameReading(post, context, insideWords(post, invisible));
    });
  }
});

describe('the issue’s example: « Mme D., 92 ans, chambre 214 »', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['narrow no-break spaces', 'Mme\u202fD., 92\u202fans, chambre\u202f214'],
    ['no-break spaces', 'Mme\u00a0D.,\u00a092\u00a0ans,\u00a0chambre\u00a0214'],
    ['a line break after the title', 'Mme\nD., 92 ans, chambre 214'],
    ['a line break before the age', 'Mme D.,\n92 ans,\nchambre 214'],
  ];
  for (const [name, text] of cases) {
    it(`blocks it written with ${name}, spans over the given text`, () => {
      const report = analyze(text, { context: 'staff' });
      expect(report.verdict).toBe('block');
      expect(report.findings.map((finding) => finding.rule)).toContain('SECRET-01');
      const cited = report.spans.map((span) => [
        span.type,
        text.slice(span.start, span.end).replace(/\s/gu, ' '),
      ]);
      expect(cited).toEqual([
        ['PERSON', 'Mme D.'],
        ['AGE', '92 ans'],
        ['ROOM', 'chambre 214'],
      ]);
      expect(report.redacted).not.toMatch(/D\.|92|214/u);
    });
  }

  it('still reads a blank line as the end of a paragraph', () => {
    const report = analyze('Merci à toute l’équipe\n\nBonne nuit à tous', { context: 'staff' });
    expect(report.verdict).toBe('ok');
  });
});
