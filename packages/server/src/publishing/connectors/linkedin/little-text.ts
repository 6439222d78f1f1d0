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
  for (const link of text.matchAll(LINK)) {
    out += escapePlain(text.slice(at, link.index)) + link[0];
    at = link.index + link[0].length;
  }
  return out + escapePlain(text.slice(at));
}

function escapePlain(text: string): string {
  return text.replace(RESERVED, (character) => `\\${character}`);
}
