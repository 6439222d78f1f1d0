/**
 * Read-only rows of a tab-separated text sorted by its first column (UTF-16 code-unit order, as
 * the build scripts write them), looked up by binary search on the text itself: no Map of
 * 440,000 word forms is ever built, so loading costs one pass over the text and the memory stays
 * about the size of the text.
 */
export class SortedTsvRows {
  readonly #text: string;
  readonly #lines: Int32Array;

  constructor(text: string) {
    let count = 0;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
    const starts = new Int32Array(count + 1);
    let rows = 0;
    let at = 0;
    while (at < text.length) {
      const end = text.indexOf('\n', at);
      const next = end < 0 ? text.length : end + 1;
      if (next - at > 1) starts[rows++] = at;
      at = next;
    }
    this.#text = text;
    this.#lines = starts.subarray(0, rows);
    this.#checkOrder();
  }

  get size(): number {
    return this.#lines.length;
  }

  /** The row whose first column is `key`, or -1. */
  find(key: string): number {
    let low = 0;
    let high = this.#lines.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const order = this.#compare(key, mid);
      if (order === 0) return mid;
      if (order < 0) high = mid - 1;
      else low = mid + 1;
    }
    return -1;
  }

  /** Column `column` (0 is the key) of row `row`; '' when the row has fewer columns. */
  field(row: number, column: number): string {
    const text = this.#text;
    let start = this.#lines[row] as number;
    const lineEnd = text.indexOf('\n', start);
    const end = lineEnd < 0 ? text.length : lineEnd;
    for (let c = 0; c < column; c++) {
      const tab = text.indexOf('\t', start);
      if (tab < 0 || tab > end) return '';
      start = tab + 1;
    }
    const tab = text.indexOf('\t', start);
    return text.slice(start, tab < 0 || tab > end ? end : tab);
  }

  /** Compares `key` with the key of row `line` without allocating: <0, 0 or >0. */
  #compare(key: string, line: number): number {
    const text = this.#text;
    let at = this.#lines[line] as number;
    for (let i = 0; i < key.length; i++, at++) {
      const code = text.charCodeAt(at);
      if (code === 9 || code === 10) return 1; // the row's key is a prefix of `key`
      const diff = key.charCodeAt(i) - code;
      if (diff !== 0) return diff;
    }
    const end = text.charCodeAt(at);
    return end === 9 || end === 10 || Number.isNaN(end) ? 0 : -1;
  }

  /** Binary search is only right on sorted input: fail loudly on a badly built data file. */
  #checkOrder(): void {
    const text = this.#text;
    for (let line = 1; line < this.#lines.length; line++) {
      let a = this.#lines[line - 1] as number;
      let b = this.#lines[line] as number;
      // Walk both keys without slicing; the tab that ends a key sorts before any character.
      for (;;) {
        const x = keyCode(text.charCodeAt(a++));
        const y = keyCode(text.charCodeAt(b++));
        if (x === y && x !== -1) continue;
        if (x < y) break;
        throw new Error(
          `data file not sorted (or duplicate key) at row ${line + 1}: "${this.field(line, 0)}"`,
        );
      }
    }
  }
}

/** A key's character code, -1 at the key's end (tab, line feed or end of text). */
function keyCode(code: number): number {
  return code === 9 || code === 10 || Number.isNaN(code) ? -1 : code;
}
