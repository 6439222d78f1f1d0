import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-text.js';

describe('htmlToText', () => {
  it('turns paragraphs into blank lines and <br> into line breaks', () => {
    expect(
      htmlToText('<p>Urgences saturées ce soir.<br>Trois heures d’attente.</p><p>Courage aux équipes</p>'),
    ).toBe('Urgences saturées ce soir.\nTrois heures d’attente.\n\nCourage aux équipes');
  });

  it('decodes named, decimal and hexadecimal entities', () => {
    expect(
      htmlToText('<p>L&#39;h&ocirc;pital &amp; la &quot;maternit&eacute;&quot; &#x2014; 3&nbsp;h</p>'),
    ).toBe('L\'hôpital & la "maternité" — 3\u00a0h');
  });

  it('leaves out what Mastodon hides in long links, and shows the ellipsis it draws', () => {
    const html =
      '<p>Lire <a href="https://www.chu-exemple.fr/actualites/2026/urgences-plan-blanc" rel="nofollow noopener" translate="no" target="_blank"><span class="invisible">https://www.</span><span class="ellipsis">chu-exemple.fr/actualites/2026</span><span class="invisible">/urgences-plan-blanc</span></a></p>';
    expect(htmlToText(html)).toBe('Lire chu-exemple.fr/actualites/2026…');
  });

  it('keeps hashtags and mentions as they read', () => {
    const html =
      '<p><span class="h-card" translate="no"><a href="https://piaille.fr/@marie" class="u-url mention">@<span>marie</span></a></span> merci <a href="https://piaille.fr/tags/hopital" class="mention hashtag" rel="tag">#<span>hopital</span></a></p>';
    expect(htmlToText(html)).toBe('@marie merci #hopital');
  });

  it('drops scripts, styles, comments and the hidden attribute, keeps CDATA text', () => {
    expect(
      htmlToText(
        '<style>p{}</style><p>a<!-- b --></p><script>alert(1)</script><div hidden>c</div><![CDATA[d < e]]>',
      ),
    ).toBe('a\n\nd < e');
  });

  it('survives broken HTML: stray closing tags, unclosed elements, a lone <', () => {
    expect(htmlToText('</p>texte <b>gras <i>et</b> suite 3 < 4')).toBe('texte gras et suite 3 < 4');
    expect(htmlToText('<span class="invisible">jamais fermé')).toBe('');
    expect(htmlToText('')).toBe('');
  });

  it('collapses blanks and keeps at most one empty line', () => {
    expect(htmlToText('<p>  un   deux  </p>\n\n<p></p><p>\ttrois</p>')).toBe('un deux\n\ntrois');
  });
});

describe('htmlToText on hostile input', () => {
  // Scanned in linear time (the durations are printed for the reader, never asserted).
  it('reads unclosed comments, unclosed tags and deep nesting as a browser would', () => {
    const cases: [string, string, string][] = [
      ['unclosedComments', `début${'<!--'.repeat(50_000)}`, 'début'],
      ['unclosedTags', '<a class="x" '.repeat(50_000), '<a class="x"'.concat(' <a class="x"'.repeat(49_999))],
      ['deepNesting', `${'<b>'.repeat(50_000)}texte${'</i>'.repeat(50_000)}`, 'texte'],
    ];
    for (const [name, html, expected] of cases) {
      const started = performance.now();
      const text = htmlToText(html);
      console.log(
        `htmlToText ${name}: ${html.length} characters in ${(performance.now() - started).toFixed(1)} ms`,
      );
      expect(text).toBe(expected);
    }
    expect(htmlToText(`${'<b>'.repeat(100)}fond${'</b>'.repeat(100)}`)).toBe('fond');
  });
});
