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

  it('keeps hashtags as hashtags and links as links', () => {
    expect(toLittleText('#MoisSansTabac n° # 3 : https://example.fr/a_(b)?c=[d] (infos)')).toBe(
      '#MoisSansTabac n° \\# 3 : https://example.fr/a_(b)?c=[d] \\(infos\\)',
    );
  });
});
