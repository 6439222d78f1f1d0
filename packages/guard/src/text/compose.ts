/**
 * Text pasted from some systems (macOS, some Android keyboards) writes accented letters as a
 * base letter followed by combining marks ("e" + U+0301). The guard reads such text composed
 * (NFC), where "é" is one letter, and reports offsets in the text it was given.
 */

const COMBINING = /\p{M}/u;

export interface ComposedText {
  /** The text in composed form (the input itself when it has no combining mark). */
  readonly text: string;
  /** Offset in the input of an offset in `text` (an end offset maps to an end offset). */
  toOriginal(offset: number): number;
  /** True when `text` is the input itself: offsets need no mapping. */
  readonly unchanged: boolean;
}

const identity = (offset: number): number => offset;

export function composeForAnalysis(input: string): ComposedText {
  // Most texts have no combining mark, or only marks that compose with nothing (the emoji
  // variation selector): they are analysed as given. Compared once here, never per span.
  if (!COMBINING.test(input) || input.normalize('NFC') === input) {
    return { text: input, toOriginal: identity, unchanged: true };
  }
  const parts: string[] = [];
  // starts[i] is the input offset where the composed character i comes from.
  const starts: number[] = [];
  let at = 0;
  while (at < input.length) {
    const code = input.charCodeAt(at);
    let next = at + (code >= 0xd800 && code <= 0xdbff && at + 1 < input.length ? 2 : 1);
    while (next < input.length && COMBINING.test(input.charAt(next))) next++;
    const cluster = input.slice(at, next).normalize('NFC');
    for (let k = 0; k < cluster.length; k++) starts.push(at);
    parts.push(cluster);
    at = next;
  }
  starts.push(input.length);
  return { text: parts.join(''), toOriginal: (offset) => starts[offset] ?? input.length, unchanged: false };
}
