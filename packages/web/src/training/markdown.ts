/**
 * The small part of Markdown a charter needs, parsed into plain data that charter-text.tsx turns
 * into React elements: headings, paragraphs, lists, quotes, rules, bold, italics, code and links.
 * No HTML is ever produced from the text (React escapes every string), so a charter cannot inject
 * markup or script, whoever published it; a link is kept only for http(s) and mailto addresses.
 * No Markdown library is a dependency of the web app, and this subset is all a charter uses.
 */
export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'strong' | 'em'; readonly children: Inline[] }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'link'; readonly href: string; readonly children: Inline[] };

export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3 | 4; readonly content: Inline[] }
  | { readonly kind: 'paragraph'; readonly content: Inline[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: Inline[][] }
  | { readonly kind: 'quote'; readonly blocks: Block[] }
  | { readonly kind: 'rule' };

// The heading's text is taken whole here, and its closing « ### » cut off by headingText():
// a lazy group followed by optional spaces and hashes backtracks in cubic time on a long line of
// spaces, which froze the page for every reader of such a charter.
const HEADING = /^(#{1,6})\s+(.*)$/u;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/u;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/u;
const QUOTE = /^\s{0,3}>\s?(.*)$/u;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/u;
const SAFE_LINK = /^(https?:\/\/|mailto:)[^\s]+$/iu;

/** A heading's text without its optional closing sequence of « # » (kept when glued to a word). */
function headingText(raw: string): string {
  const text = raw.trimEnd();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === 0) return '';
  if (end < text.length && !/\s/u.test(text[end - 1] as string)) return text;
  return text.slice(0, end).trimEnd();
}

/**
 * Quotes nest this deep at most; deeper « > » stay as text. Each level parses its lines again, so
 * 49,000 « > » overflowed the stack and took quadratic time: a page no one could open.
 */
const MAX_QUOTE_DEPTH = 3;

export function parseMarkdown(source: string, depth = 0): Block[] {
  const quotes = depth < MAX_QUOTE_DEPTH;
  const lines = source.replace(/\r\n?/gu, '\n').split('\n');
  const blocks: Block[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] as string;
    if (line.trim() === '') {
      index++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading !== null) {
      const level = Math.min((heading[1] as string).length, 4) as 1 | 2 | 3 | 4;
      blocks.push({ kind: 'heading', level, content: parseInline(headingText(heading[2] as string)) });
      index++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ kind: 'rule' });
      index++;
      continue;
    }
    if (quotes && QUOTE.test(line)) {
      const quoted: string[] = [];
      while (index < lines.length && QUOTE.test(lines[index] as string)) {
        quoted.push((QUOTE.exec(lines[index] as string) as RegExpExecArray)[1] as string);
        index++;
      }
      blocks.push({ kind: 'quote', blocks: parseMarkdown(quoted.join('\n'), depth + 1) });
      continue;
    }
    const ordered = NUMBERED.test(line);
    if (ordered || BULLET.test(line)) {
      const marker = ordered ? NUMBERED : BULLET;
      const items: string[] = [];
      while (index < lines.length) {
        const current = lines[index] as string;
        const item = marker.exec(current);
        if (item !== null) items.push(item[1] as string);
        // A continuation line, indented, belongs to the item above.
        else if (current.trim() !== '' && /^\s{2,}/u.test(current) && items.length > 0)
          items[items.length - 1] += ` ${current.trim()}`;
        else break;
        index++;
      }
      blocks.push({ kind: 'list', ordered, items: items.map(parseInline) });
      continue;
    }
    const paragraph: string[] = [];
    while (index < lines.length) {
      const current = lines[index] as string;
      if (
        current.trim() === '' ||
        HEADING.test(current) ||
        (quotes && QUOTE.test(current)) ||
        BULLET.test(current) ||
        NUMBERED.test(current) ||
        RULE.test(current)
      )
        break;
      paragraph.push(current.trim());
      index++;
    }
    blocks.push({ kind: 'paragraph', content: parseInline(paragraph.join(' ')) });
  }
  return blocks;
}

// The earliest of: `code`, **strong**, *em* or _em_, [text](address). Each span is bounded
// (500 characters, 2,000 for an address): unbounded, a line of 49,000 « [ » took seconds, each
// opening scanned to the end of the line for its closing.
const INLINE =
  /`([^`]{1,500})`|\*\*(.{1,500}?)\*\*|\*([^*\s](?:[^*]{0,498}[^*\s])?)\*|(?<![\p{L}\p{N}])_([^_\s](?:[^_]{0,498}[^_\s])?)_(?![\p{L}\p{N}])|\[([^\]]{1,500})\]\(([^)\s]{1,2000})\)/u;

export function parseInline(text: string): Inline[] {
  const result: Inline[] = [];
  let rest = text;
  while (rest !== '') {
    const match = INLINE.exec(rest);
    if (match === null) {
      pushText(result, rest);
      break;
    }
    if (match.index > 0) pushText(result, rest.slice(0, match.index));
    const [whole, code, strong, star, underscore, label, href] = match;
    if (code !== undefined) result.push({ kind: 'code', text: code });
    else if (strong !== undefined) result.push({ kind: 'strong', children: parseInline(strong) });
    else if (star !== undefined || underscore !== undefined)
      result.push({ kind: 'em', children: parseInline((star ?? underscore) as string) });
    else if (label !== undefined && href !== undefined && SAFE_LINK.test(href))
      result.push({ kind: 'link', href, children: parseInline(label) });
    // A link to anything else (javascript:, data:, a relative path) stays text, as written.
    else pushText(result, whole);
    rest = rest.slice(match.index + whole.length);
  }
  return result;
}

function pushText(into: Inline[], text: string): void {
  const last = into.at(-1);
  if (last?.kind === 'text') into[into.length - 1] = { kind: 'text', text: last.text + text };
  else into.push({ kind: 'text', text });
}
