import { composeForAnalysis, fold } from '@blouse/guard';

/**
 * The one spelling watch terms and posts are compared in (and what `watch_terms.folded` stores):
 * - read as the guard reads a text (its `composeForAnalysis`): zero-width characters, joiners,
 *   soft hyphens and bidirectional controls dropped, every Unicode blank and line break read as
 *   a space;
 * - folded as the guard folds (its `fold`): lower case, no accents (a combining accent typed
 *   after its letter is dropped too), typographic apostrophes made plain ('), typographic dashes
 *   made plain (-);
 * - œ and æ written out (oe, ae): « cœur » and « coeur » are the same word to a reader;
 * - hyphens and dashes read as spaces, every run of blanks as one space, none at either end:
 *   French writes « Saint-Éloi » and « Saint Éloi » for the same hospital;
 * - the mathematical bold and italic letters some posts are styled with (𝗖𝗛𝗨) read as letters.
 * Offsets in the result are not offsets in the input: the matcher reports terms, never spans.
 */
export function foldForMatching(text: string): string {
  shared.fill(text, null);
  return shared.toString();
}

/**
 * `foldForMatching` into reusable buffers of UTF-16 units, in one loop of table look-ups: the
 * matcher folds every post of a firehose, reads the folded units in place (word edges) and
 * builds only the one string the automaton reads.
 */
export class FoldBuffer {
  #units = new Uint16Array(1024);
  #projected = new Uint16Array(1024);
  #length = 0;

  /** The folded units of the last text filled; valid until the next `fill`. */
  get units(): Uint16Array {
    return this.#units;
  }

  get length(): number {
    return this.#length;
  }

  /**
   * Folds `text` into the buffer. With a `projection`, also writes the folded text with each
   * unit passed through it, one unit for one (offsets are those of the folded text): the
   * matcher maps the units no term holds to one filler, so that the automaton reads plain
   * ASCII, several times faster than text it must cut into graphemes (one emoji, « … » or « ’ »
   * anywhere in a post would send the rest of it down that path).
   */
  fill(text: string, projection: Uint16Array | null): void {
    this.#fill(text, projection, false);
  }

  #fill(text: string, projection: Uint16Array | null, styledRead: boolean): void {
    // At most two units out for one in (œ → oe).
    if (this.#units.length < text.length * 2) {
      this.#units = new Uint16Array(text.length * 2);
      this.#projected = new Uint16Array(text.length * 2);
    }
    const units = this.#units;
    const projected = this.#projected;
    const readings = readingTable();
    let length = 0;
    let pendingSpace = false;
    for (let index = 0; index < text.length; index++) {
      const unit = text.charCodeAt(index);
      if (unit === STYLED_HIGH_SURROGATE && !styledRead) {
        this.#fill(text.replace(STYLED_LETTER, compatible), projection, true);
        return;
      }
      const read = readings[unit] ?? DROP;
      if (read < DROP) {
        if (pendingSpace) {
          units[length] = SPACE;
          if (projection !== null) projected[length] = projection[SPACE] ?? 0;
          length++;
          pendingSpace = false;
        }
        units[length] = read;
        if (projection !== null) projected[length] = projection[read] ?? 0;
        length++;
      } else if (read === SEPARATOR) pendingSpace = length > 0;
      else if (read === LIGATURE_OE || read === LIGATURE_AE) {
        if (pendingSpace) {
          units[length] = SPACE;
          if (projection !== null) projected[length] = projection[SPACE] ?? 0;
          length++;
          pendingSpace = false;
        }
        const first = read === LIGATURE_OE ? 0x6f : 0x61;
        units[length] = first;
        units[length + 1] = 0x65;
        if (projection !== null) {
          projected[length] = projection[first] ?? 0;
          projected[length + 1] = projection[0x65] ?? 0;
        }
        length += 2;
      }
    }
    this.#length = length;
  }

  toString(): string {
    return unitsToString(this.#units, this.#length);
  }

  /** The projected text of the last `fill` given a projection. */
  projected(): string {
    return unitsToString(this.#projected, this.#length);
  }
}

const shared = new FoldBuffer();

function unitsToString(units: Uint16Array, length: number): string {
  let out = '';
  // In chunks: an argument list as long as a megabyte-sized text would overflow the stack.
  for (let start = 0; start < length; start += CHUNK) {
    out += String.fromCharCode.apply(null, units.subarray(start, Math.min(length, start + CHUNK)) as never);
  }
  return out;
}
const CHUNK = 4096;

const SPACE = 0x20;
/** Readings that are not a unit to write (all above the UTF-16 range). */
const DROP = 0x10000;
const SEPARATOR = 0x10001;
const LIGATURE_OE = 0x10002;
const LIGATURE_AE = 0x10003;

/**
 * How each UTF-16 unit is read, worked out from the guard's own functions so that listening and
 * the guard never disagree: `composeForAnalysis` says which units it drops and which it reads as
 * blanks, `fold` maps every unit to exactly one. Combining marks are dropped: once folded, a
 * letter keeps none of its accents, whether typed composed or after it. Built on first use
 * (a few tens of milliseconds), not when the module loads: most commands never fold a post.
 */
function readingTable(): Uint32Array {
  if (reading !== undefined) return reading;
  const table = new Uint32Array(0x10000);
  const all = new Uint16Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) all[unit] = unit;
  const folded = fold(unitsToString(all, all.length));
  // One call reads every unit, each followed by a bar that `composeForAnalysis` leaves as is.
  const probed: number[] = [];
  const parts: string[] = [];
  for (let unit = 0; unit < 0x10000; unit++) {
    table[unit] = unit >= 0xd800 && unit <= 0xdfff ? unit : DROP;
    const char = String.fromCharCode(unit);
    if ((unit >= 0xd800 && unit <= 0xdfff) || unit === BAR || MARK.test(char)) continue;
    probed.push(unit);
    parts.push(char, '|');
  }
  const readings = composeForAnalysis(parts.join('')).text.split('|');
  if (readings.length !== probed.length + 1)
    throw new Error('composeForAnalysis no longer reads unit by unit');
  table[BAR] = BAR;
  probed.forEach((unit, index) => {
    const read = readings[index];
    const foldedUnit = folded.charCodeAt(unit);
    if (read === '') table[unit] = DROP;
    else if (read === undefined || read.trim() === '' || DASHES.test(String.fromCharCode(foldedUnit))) {
      table[unit] = SEPARATOR;
    } else if (foldedUnit === 0x153) table[unit] = LIGATURE_OE;
    else if (foldedUnit === 0xe6) table[unit] = LIGATURE_AE;
    else table[unit] = foldedUnit;
  });
  reading = table;
  return table;
}
let reading: Uint32Array | undefined;
const BAR = 0x7c;
const MARK = /\p{M}/u;
/** Blanks, hyphens and the dashes `fold` leaves as they are (figure dash, bar, minus sign). */
const DASHES = /^[\s\-\u2010-\u2015\u2212]$/;

/** Mathematical alphanumeric symbols (U+1D400–U+1D7FF): all behind the high surrogate D835. */
const STYLED_HIGH_SURROGATE = 0xd835;
const STYLED_LETTER = /\ud835[\udc00-\udfff]/g;
const compatible = (char: string): string => char.normalize('NFKC');
