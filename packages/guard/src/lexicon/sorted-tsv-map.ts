/**
 * A read-only map over "key\tcount" lines sorted by key (UTF-16 code-unit order, as
 * scripts/build-gazetteers.mjs writes them). Lookups binary-search the text itself: building a
 * real Map of 219,000 surnames costs ~150 ms and ~30 MB at start-up, this costs one pass to find
 * the line starts and stays as compact as the text.
 */
export class SortedTsvMap implements ReadonlyMap<string, number> {
  readonly #text: string;
  readonly #lines: Int32Array;

  constructor(text: string) {
    const starts: number[] = [];
    let at = 0;
    while (at < text.length) {
      const end = text.indexOf('\n', at);
      const next = end < 0 ? text.length : end + 1;
      if (next - at > 1) starts.push(at);
      at = next;
    }
    this.#text = text;
    this.#lines = Int32Array.from(starts);
    this.#checkOrder();
  }

  get size(): number {
    return this.#lines.length;
  }

  get(key: string): number | undefined {
    const line = this.#find(key);
    return line < 0 ? undefined : this.#valueAt(line);
  }

  has(key: string): boolean {
    return this.#find(key) >= 0;
  }

  forEach(
    callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void,
    thisArg?: unknown,
  ): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  *entries(): MapIterator<[string, number]> {
    for (let i = 0; i < this.#lines.length; i++) yield [this.#keyAt(i), this.#valueAt(i)];
  }

  *keys(): MapIterator<string> {
    for (let i = 0; i < this.#lines.length; i++) yield this.#keyAt(i);
  }

  *values(): MapIterator<number> {
    for (let i = 0; i < this.#lines.length; i++) yield this.#valueAt(i);
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  /** Compares `key` with the key of line `line` without allocating: <0, 0 or >0. */
  #compare(key: string, line: number): number {
    const text = this.#text;
    let at = this.#lines[line] as number;
    for (let i = 0; i < key.length; i++, at++) {
      const code = text.charCodeAt(at);
      if (code === 9) return 1; // the line's key is a prefix of `key`
      const diff = key.charCodeAt(i) - code;
      if (diff !== 0) return diff;
    }
    return text.charCodeAt(at) === 9 ? 0 : -1;
  }

  #find(key: string): number {
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

  #keyAt(line: number): string {
    const start = this.#lines[line] as number;
    return this.#text.slice(start, this.#text.indexOf('\t', start));
  }

  #valueAt(line: number): number {
    const start = this.#lines[line] as number;
    const tab = this.#text.indexOf('\t', start);
    const end = this.#text.indexOf('\n', tab);
    return Number(this.#text.slice(tab + 1, end < 0 ? undefined : end));
  }

  /** Binary search is only right on sorted input: fail loudly on a badly built data file. */
  #checkOrder(): void {
    const text = this.#text;
    for (let line = 1; line < this.#lines.length; line++) {
      let a = this.#lines[line - 1] as number;
      let b = this.#lines[line] as number;
      // Walk both keys; the tab that ends a key sorts before every character of a longer key.
      for (;;) {
        const x = text.charCodeAt(a++);
        const y = text.charCodeAt(b++);
        if (x === y && x !== 9) continue;
        if (x === 9 && y !== 9) break;
        if (x < y && y !== 9) break;
        throw new Error(
          `gazetteer not sorted (or duplicate key) at line ${line + 1}: "${this.#keyAt(line)}"`,
        );
      }
    }
  }
}
