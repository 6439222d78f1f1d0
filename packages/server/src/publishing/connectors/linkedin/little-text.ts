/**
 * LinkedIn reads a post's commentary as « little text » (learn.microsoft.com, Posts API, little
 * text format), where \ | { } @ [ ] ( ) < > # * _ ~ mark mentions, hashtags and templates.
 * Unescaped, a post is cut at the first of them with no error (integrators report posts
 * « published » with only their first sentence). Each is preceded by a backslash so that the
 * post reads as written, except in two places where the meaning is the one we want: inside a
 * link (escaping would break the address) and a « # » that starts a hashtag (#MoisSansTabac stays
 * a hashtag, one of little text's own elements).
 */
const LINK = /https?:\/\/\S+/gu;
const RESERVED = /[\\|{}@[\]()<>*_~]|#(?![\p{L}\p{N}])/gu;

export function toLittleText(text: string): string {
  let out = '';
  let at = 0;
  for (const match of text.matchAll(LINK)) {
    const link = trimLink(match[0]);
    out += escapePlain(text.slice(at, match.index)) + link;
    at = match.index + link.length;
  }
  return out + escapePlain(text.slice(at));
}

function escapePlain(text: string): string {
  return text.replace(RESERVED, (character) => `\\${character}`);
}

/**
 * Punctuation that closes the sentence, or a parenthesis or bracket the link did not open, after
 * a link belongs to the text (« (voir https://chu.fr/rdv). »); a link's own balanced brackets stay.
 */
function trimLink(link: string): string {
  let end = link.length;
  for (;;) {
    const last = link.charAt(end - 1);
    const body = link.slice(0, end);
    const unbalanced =
      (last === ')' && count(body, '(') < count(body, ')')) ||
      (last === ']' && count(body, '[') < count(body, ']'));
    if (!(unbalanced || '>*.,;:!?»'.includes(last)) || end === 0) return link.slice(0, end);
    end -= 1;
  }
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}
