import { describe, expect, it } from 'vitest';
import { toLittleText } from './little-text.js';

describe('little text', () => {
  it('escapes what LinkedIn would read as markup, so the post is never cut short', () => {
    expect(
      toLittleText('Consultations (gratuites) : 9 h-17 h [sur rendez-vous] <3 * _ ~ | {x} @CHU \\'),
    ).toBe(
      'Consultations \\(gratuites\\) : 9 h-17 h \\[sur rendez-vous\\] \\<3 \\* \\_ \\~ \\| \\{x\\} \\@CHU \\\\',
    );
  });

  it('escapes the parenthesis or bracket that closes after a link', () => {
    expect(toLittleText('(https://chu.fr/rdv) dès maintenant [https://chu.fr]*')).toBe(
      '\\(https://chu.fr/rdv\\) dès maintenant \\[https://chu.fr\\]\\*',
    );
  });

  it('keeps hashtags as hashtags and links as links', () => {
    expect(toLittleText('#MoisSansTabac n° # 3 : https://example.fr/a_(b)?c=[d] (infos)')).toBe(
      '#MoisSansTabac n° \\# 3 : https://example.fr/a_(b)?c=[d] \\(infos\\)',
    );
  });
});
