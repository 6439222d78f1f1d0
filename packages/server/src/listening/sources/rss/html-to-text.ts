import { decode } from 'html-entities';

/*
 * Feed descriptions are HTML (often escaped once more by the feed). Listening keeps words, not
 * markup: scripts, styles and comments go with their content, tags go, block ends become line
 * breaks, entities are decoded. Written as index scans rather than lazy regular expressions so
 * that a hostile feed full of unclosed « <script » costs linear time, not quadratic.
 */

/** Elements dropped with everything they contain. */
const DROPPED = ['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg'];
/** Tags after which the text goes on another line. */
const BLOCK_TAG =
  /^<\/?(p|div|br|li|ul|ol|h[1-6]|tr|table|blockquote|section|article|header|footer|figure|figcaption|pre|hr)\b/i;
/** Tags inside a word's flow (« <b>CHU</b>. » stays « CHU. »); any other tag separates words. */
const INLINE_TAG =
  /^<\/?(a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var|wbr)\b/i;
const TAG = /<\/?[A-Za-z][^<>]*>|<![A-Za-z][^<>]*>/g;

export function htmlToText(html: string): string {
  const withoutDropped = dropElements(dropComments(html));
  const withoutTags = withoutDropped.replace(TAG, (tag) =>
    BLOCK_TAG.test(tag) ? '\n' : INLINE_TAG.test(tag) ? '' : ' ',
  );
  return tidy(decode(withoutTags, { level: 'html5' }));
}

/** Removes `<!-- … -->`; an unclosed comment hides the rest, as in a browser. */
function dropComments(html: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const start = html.indexOf('<!--', from);
    if (start === -1) return out + html.slice(from);
    out += html.slice(from, start);
    const end = html.indexOf('-->', start + 4);
    if (end === -1) return out;
    from = end + 3;
  }
}

function dropElements(html: string): string {
  const opening = new RegExp(`<(${DROPPED.join('|')})\\b`, 'gi');
  let out = '';
  let from = 0;
  for (;;) {
    opening.lastIndex = from;
    const start = opening.exec(html);
    if (start === null) return out + html.slice(from);
    out += `${html.slice(from, start.index)} `;
    const closing = new RegExp(`</${start[1]}\\s*>`, 'gi');
    closing.lastIndex = start.index;
    const end = closing.exec(html);
    if (end === null) return out;
    from = end.index + end[0].length;
  }
}

/** Spaces collapsed within lines (no-break spaces included), blank lines removed. */
function tidy(text: string): string {
  return text
    .replace(/[\u00A0\u202F\t\f\v ]+/g, ' ')
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
