import { decode } from 'html-entities';

/**
 * Plain text from the small HTML that posts and feeds carry, as a reader sees it: line breaks
 * where `<br>` and block ends are, paragraphs separated by a blank line, entities decoded, and
 * nothing of what is hidden. Mastodon hides the scheme and tail of long links in
 * `<span class="invisible">` and marks the shown middle `ellipsis` (the "…" comes from CSS), so
 * the text matches the screen. Script and style contents are dropped. Not a sanitizer: the
 * result is text, never re-rendered as HTML.
 */
export function htmlToText(html: string): string {
  let out = '';
  /** Depth inside elements whose content is not shown; 0 when showing. */
  let hiddenDepth = 0;
  /** The open elements, to close them right; bounded so that hostile nesting stays linear. */
  const open: { name: string; hides: boolean; ellipsis: boolean }[] = [];
  const show = (text: string) => {
    if (hiddenDepth === 0) out += decode(text, { level: 'html5' });
  };
  // An index scan, not lazy regular expressions: unclosed « <!-- » or « <a » in a hostile text
  // costs linear time. A tag's attributes end at the next « > » and never run past a « < ».
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^<>]*)>/y;
  let position = 0;
  while (position < html.length) {
    const lt = html.indexOf('<', position);
    if (lt === -1) break;
    show(html.slice(position, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      // An unclosed comment hides the rest, as in a browser.
      position = end === -1 ? html.length : end + 3;
      continue;
    }
    if (html.startsWith('<![CDATA[', lt)) {
      const end = html.indexOf(']]>', lt + 9);
      if (hiddenDepth === 0) out += html.slice(lt + 9, end === -1 ? html.length : end);
      position = end === -1 ? html.length : end + 3;
      continue;
    }
    tag.lastIndex = lt;
    const match = tag.exec(html);
    if (match === null) {
      show('<');
      position = lt + 1;
      continue;
    }
    position = tag.lastIndex;
    const [, closing, rawName = '', attributes = ''] = match;
    const name = rawName.toLowerCase();
    if (closing === '/') {
      const index = open.findLastIndex((element) => element.name === name);
      if (index !== -1)
        for (const element of open.splice(index)) {
          if (element.hides) hiddenDepth -= 1;
          else if (hiddenDepth === 0 && element.ellipsis) out += '…';
        }
      if (hiddenDepth === 0) out += blockBreak(name, true);
      continue;
    }
    if (name === 'br') {
      if (hiddenDepth === 0) out += '\n';
      continue;
    }
    if (VOID_ELEMENTS.has(name) || attributes.trimEnd().endsWith('/')) continue;
    const classes = classList(attributes);
    const hides =
      HIDDEN_ELEMENTS.has(name) ||
      classes.includes('invisible') ||
      /(?:^|\s)hidden(?:\s|=|$)/i.test(attributes);
    if (open.length < MAX_OPEN) open.push({ name, hides, ellipsis: classes.includes('ellipsis') });
    else if (hides) continue; // too deep to be closed properly: shown rather than hiding the rest
    if (hides) hiddenDepth += 1;
    else if (hiddenDepth === 0) out += blockBreak(name, false);
  }
  show(html.slice(position));
  return tidy(out);
}

/** Real posts nest a few levels; beyond this an element is not tracked. */
const MAX_OPEN = 64;
const VOID_ELEMENTS = new Set([
  'img',
  'hr',
  'input',
  'meta',
  'link',
  'source',
  'wbr',
  'col',
  'area',
  'embed',
]);
const HIDDEN_ELEMENTS = new Set(['script', 'style', 'template', 'head', 'noscript']);
const PARAGRAPHS = new Set([
  'p',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);
const LINES = new Set(['div', 'li', 'tr', 'section', 'article', 'header', 'footer', 'dt', 'dd', 'figure']);

function blockBreak(name: string, closing: boolean): string {
  if (PARAGRAPHS.has(name)) return '\n\n';
  if (LINES.has(name)) return closing ? '\n' : '';
  return '';
}

function classList(attributes: string): string[] {
  const match = /\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
  const value = match?.[1] ?? match?.[2] ?? match?.[3] ?? '';
  return value.split(/\s+/).filter((name) => name !== '');
}

/** Spaces as a reader sees them: no runs of blanks, at most one empty line, trimmed lines. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
