/**
 * What a word is, for the whole guard: one definition of the word character, of the word edge and
 * of the word, shared by the tokenizer (`document.ts`), the gazetteer phrases
 * (`lexicon/phrase-matcher.ts`), the context windows of the recognizers (`text-window.ts`), the
 * key-word gate and the phrase patterns of the rules (`rules/`).
 *
 * Everything works on folded text (`fold.ts`: lower case, no accents, plain apostrophes and
 * hyphens). A word character is an ASCII letter or digit, or one of the Latin letters that have
 * no plain form (ß, ø, œ, æ…). Letters of other scripts, rare in French posts, count as
 * separators: written as a class of ranges, the edge is several times faster in V8 than a Unicode
 * property escape on long texts, and the regex edge and the scanners below then agree exactly on
 * where a word stops (a key word the gate finds is a word a phrase pattern can start on).
 *
 * A word is a run of word characters; an apostrophe or a hyphen between two of them joins the
 * runs into one token ("aide-soignante", "l'hopital"). The bare runs ("aide", "soignante", "l",
 * "hopital") are what the key-word gate and the context windows look up.
 */

/** The word characters of folded text, as the body of a regex character class. */
export const WORD_CHARS = 'a-z0-9\\u00b5\\u00df-\\u00f6\\u00f8-\\u024f';

/** The edge before a word: no word character just before (a look-behind, no `u` flag needed). */
export const WORD_START = `(?<![${WORD_CHARS}])`;

/** The edge after a word: no word character just after. */
export const WORD_END = `(?![${WORD_CHARS}])`;

/** Whether the UTF-16 unit of folded text is a word character (the same set as WORD_CHARS). */
export function isWordCode(code: number): boolean {
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
  return code === 0xb5 || (code >= 0xdf && code <= 0x24f && code !== 0xf7);
}

/** Whether the character at `at` of folded text is a word character (false outside the text). */
export function isWordCharAt(folded: string, at: number): boolean {
  return at >= 0 && at < folded.length && isWordCode(folded.charCodeAt(at));
}

/** An apostrophe or hyphen between two word characters, which joins them into one token. */
export function isJoinerAt(folded: string, at: number): boolean {
  const code = folded.charCodeAt(at);
  return (code === 39 || code === 45) && isWordCharAt(folded, at - 1) && isWordCharAt(folded, at + 1);
}

/**
 * Calls `visit` with the bounds of each word of folded text, left to right. With `joined`, inner
 * apostrophes and hyphens join runs into tokens ("l'hopital"); without, each run is its own word.
 * A hand-written scan: this runs on every post.
 */
export function forEachWord(
  folded: string,
  joined: boolean,
  visit: (start: number, end: number) => void,
): void {
  const length = folded.length;
  let at = 0;
  while (at < length) {
    if (!isWordCode(folded.charCodeAt(at))) {
      at++;
      continue;
    }
    const start = at;
    for (;;) {
      while (at < length && isWordCode(folded.charCodeAt(at))) at++;
      if (joined && at < length && isJoinerAt(folded, at)) at++;
      else break;
    }
    visit(start, at);
  }
}

/** The tokens of folded text (inner apostrophes and hyphens joined), as strings. */
export function tokensOf(folded: string): string[] {
  const out: string[] = [];
  forEachWord(folded, true, (start, end) => {
    out.push(folded.slice(start, end));
  });
  return out;
}

/** French elided clitics, which a token keeps glued to the next word ("l'avc", "qu'il"). */
export const ELISION = /^(?:l|d|j|m|t|s|n|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)'/;

/** The length of the elided clitic a folded token starts with ("l'" → 2), or 0. */
export function elisionLength(token: string): number {
  if (!token.includes("'")) return 0;
  const found = ELISION.exec(token);
  return found !== null && isWordCharAt(token, found[0].length) ? found[0].length : 0;
}
