import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-to-text.js';

describe('htmlToText', () => {
  it('keeps the words of paragraphs, lists and line breaks, one block a line', () => {
    expect(htmlToText('<h2>Titre</h2><p>Premier<br/>second</p><ul><li>un</li><li>deux</li></ul>')).toBe(
      'Titre\nPremier\nsecond\nun\ndeux',
    );
  });

  it('does not split words at inline tags, and separates cells', () => {
    expect(htmlToText('Le <b>CHU</b>. <a href="x">Lire</a> <em>la</em> suite<td>a</td><td>b</td>')).toBe(
      'Le CHU. Lire la suite a b',
    );
  });

  it('drops scripts, styles, comments and embedded objects with their content', () => {
    const html =
      'a<script>var s = "</p>";</script>b<style>p { color: red }</style>c<!-- secret -->d' +
      '<noscript>x</noscript>e<svg><text>t</text></svg>f<SCRIPT type="module">y()</SCRIPT >g';
    // A comment joins what surrounds it, as in a browser.
    expect(htmlToText(html)).toBe('a b cd e f g');
  });

  it('decodes named, decimal and hexadecimal entities, once tags are gone', () => {
    expect(htmlToText('L&rsquo;h&ocirc;pital &amp; ses 1&nbsp;200 lits &#8211; &#x1F3E5; &lt;b&gt;')).toBe(
      'L’hôpital & ses 1 200 lits – 🏥 <b>',
    );
  });

  it('hides what follows an unclosed script or comment, as a browser would', () => {
    expect(htmlToText('visible<script>alert(1)')).toBe('visible');
    expect(htmlToText('visible<!-- jamais fermé <p>caché</p>')).toBe('visible');
  });

  it('leaves text that only looks like markup', () => {
    expect(htmlToText('3 < 5 et 7 > 2, <3')).toBe('3 < 5 et 7 > 2, <3');
  });

  it('copes with a hostile flood of unclosed tags (linear scans: this finishes)', () => {
    expect(htmlToText(`debut${'<script'.repeat(200_000)}`)).toBe('debut');
    expect(htmlToText(`debut${'<!--'.repeat(200_000)}`)).toBe('debut');
    expect(htmlToText(`<a${' x'.repeat(500_000)}`)).toHaveLength(1_000_002);
  });
});
