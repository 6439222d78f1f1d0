/**
 * The text as the guard reads it. What a reader sees must be what the guard matches, whatever
 * code points carry it:
 * - accented letters pasted as a base letter and combining marks ("e" + U+0301, from macOS or
 *   some Android keyboards) are read composed (NFC), where "é" is one letter;
 * - every kind of blank (no-break and narrow no-break spaces of French typography, the other
 *   Unicode spaces, tabs, a line break) is read as one ordinary space, so that « Mme D., 92 ans »
 *   written with U+202F or across a line break reads as it does with spaces; a run of blanks is
 *   one space, and a blank line (two line breaks or more) stays a line break, since it ends a
 *   paragraph as a full stop ends a sentence;
 * - invisible characters (zero-width space and joiners, word joiner, byte-order mark, soft
 *   hyphen, bidirectional controls) are dropped: slipped inside a word they would split it for
 *   the guard and not for the reader.
 * Offsets found in the read text are mapped back to the text as given.
 */

export interface ComposedText {
  /** The text as read (the input itself when nothing needed changing). */
  readonly text: string;
  /** Offset in the input where the read character at `offset` comes from (for span starts). */
  toOriginal(offset: number): number;
  /** Offset in the input just after the read character before `offset` (for span ends). */
  toOriginalEnd(offset: number): number;
  /** True when `text` is the input itself: offsets need no mapping. */
  readonly unchanged: boolean;
}

const NORMAL = 0;
const MARK = 1;
const INVISIBLE = 2;
const BLANK = 3;
const LINE_BREAK = 4;

/** The kind of each UTF-16 code unit, computed once: the reading loop is one table look-up a unit. */
const KINDS = new Uint8Array(0x10000);
const IS_MARK = /\p{M}/u;
const IS_SPACE_SEPARATOR = /\p{Zs}/u;
const INVISIBLES =
  '\u00ad\u034f\u061c\u115f\u1160\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d\u206e\u206f\u3164\ufeff\uffa0';
const LINE_BREAKS = '\n\r\u000b\u000c\u0085\u2028\u2029';
for (let code = 0; code < 0x10000; code++) {
  if (code >= 0xd800 && code <= 0xdfff) continue;
  const char = String.fromCharCode(code);
  if (INVISIBLES.includes(char)) KINDS[code] = INVISIBLE;
  else if (LINE_BREAKS.includes(char)) KINDS[code] = LINE_BREAK;
  else if (char === '\t' || IS_SPACE_SEPARATOR.test(char)) KINDS[code] = BLANK;
  else if (IS_MARK.test(char)) KINDS[code] = MARK;
}

const identity = (offset: number): number => offset;

/** True when the input reads as it is written: no mark that composes, no odd blank, nothing invisible. */
function readsAsWritten(input: string): boolean {
  let hasMark = false;
  for (let i = 0; i < input.length; i++) {
    const kind = KINDS[input.charCodeAt(i)];
    if (kind === NORMAL) continue;
    if (kind === MARK) {
      hasMark = true;
      continue;
    }
    // A single ordinary space is read as written; two in a row are read as one.
    if (input.charCodeAt(i) === 0x20 && KINDS[input.charCodeAt(i + 1)] !== BLANK) continue;
    return false;
  }
  // Marks that compose with nothing (the emoji variation selector) leave the text as it is.
  return !hasMark || input.normalize('NFC') === input;
}

export function composeForAnalysis(input: string): ComposedText {
  if (readsAsWritten(input)) {
    return { text: input, toOriginal: identity, toOriginalEnd: identity, unchanged: true };
  }
  const parts: string[] = [];
  // starts[i] / ends[i]: where in the input the read character i begins / ends.
  const starts = new Int32Array(input.length + 1);
  const ends = new Int32Array(input.length + 1);
  let length = 0;
  // Characters read as written are copied in one slice per stretch, not one by one.
  let copyFrom = 0;
  const flush = (gap: number): void => {
    if (gap > copyFrom) parts.push(input.slice(copyFrom, gap));
  };
  const emit = (chars: string, start: number, end: number): void => {
    parts.push(chars);
    for (let k = 0; k < chars.length; k++) {
      starts[length] = start;
      ends[length] = end;
      length++;
    }
  };
  let at = 0;
  while (at < input.length) {
    const code = input.charCodeAt(at);
    const kind = KINDS[code];
    if (kind === NORMAL && KINDS[input.charCodeAt(at + 1)] !== MARK) {
      starts[length] = at;
      ends[length] = at + 1;
      length++;
      at++;
      continue;
    }
    if (
      code === 0x20 &&
      KINDS[input.charCodeAt(at + 1)] !== BLANK &&
      KINDS[input.charCodeAt(at + 1)] !== LINE_BREAK
    ) {
      starts[length] = at;
      ends[length] = at + 1;
      length++;
      at++;
      continue;
    }
    flush(at);
    if (kind === INVISIBLE) {
      at++;
      copyFrom = at;
      continue;
    }
    if (kind === BLANK || kind === LINE_BREAK) {
      let next = at;
      let breaks = 0;
      while (next < input.length) {
        const k = KINDS[input.charCodeAt(next)];
        if (k === LINE_BREAK) {
          // \r\n is one line break.
          if (!(input.charCodeAt(next) === 0x0a && next > at && input.charCodeAt(next - 1) === 0x0d))
            breaks++;
        } else if (k !== BLANK && k !== INVISIBLE) break;
        next++;
      }
      emit(breaks >= 2 ? '\n' : ' ', at, next);
      at = next;
      copyFrom = at;
      continue;
    }
    const low = input.charCodeAt(at + 1);
    let next = at + (code >= 0xd800 && code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1);
    while (next < input.length && KINDS[input.charCodeAt(next)] === MARK) next++;
    emit(input.slice(at, next).normalize('NFC'), at, next);
    at = next;
    copyFrom = at;
  }
  flush(input.length);
  starts[length] = input.length;
  ends[length] = input.length;
  return {
    text: parts.join(''),
    toOriginal: (offset) => (offset >= 0 && offset < length ? (starts[offset] ?? 0) : input.length),
    toOriginalEnd: (offset) =>
      offset > 0 && offset <= length ? (ends[offset - 1] ?? 0) : offset <= 0 ? 0 : input.length,
    unchanged: false,
  };
}
