import { decodeHTML } from 'entities';

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
  /** Names of the open elements, with whether each one hid its content, to close them right. */
  const open: { name: string; hides: boolean; ellipsis: boolean }[] = [];
  const tag = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g;
  let last = 0;
  for (let match = tag.exec(html); match !== null; match = tag.exec(html)) {
    if (hiddenDepth === 0) out += decodeHTML(html.slice(last, match.index));
    last = tag.lastIndex;
    const [, cdata, closing, rawName, attributes = ''] = match;
    if (cdata !== undefined) {
      if (hiddenDepth === 0) out += cdata;
      continue;
    }
    if (rawName === undefined) continue; // a comment
    const name = rawName.toLowerCase();
    if (closing === '/') {
      const index = open.findLastIndex((element) => element.name === name);
      if (index === -1) {
        if (hiddenDepth === 0) out += blockBreak(name, true);
        continue;
      }
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
    open.push({ name, hides, ellipsis: classes.includes('ellipsis') });
    if (hides) hiddenDepth += 1;
    else if (hiddenDepth === 0) out += blockBreak(name, false);
  }
  if (hiddenDepth === 0) out += decodeHTML(html.slice(last));
  return tidy(out);
}

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
