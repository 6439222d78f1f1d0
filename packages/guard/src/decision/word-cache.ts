/**
 * A bounded memo of per-word work (lemmas, feature indices). Words repeat endlessly across
 * posts, so the learned layers look each one up once; the memo is emptied when it grows past
 * its bound, so no input, however varied, makes it grow without end.
 */
export class WordCache<V> {
  readonly #entries = new Map<string, V>();

  constructor(private readonly bound = 50_000) {}

  get(key: string, compute: (key: string) => V): V {
    const known = this.#entries.get(key);
    if (known !== undefined) return known;
    const value = compute(key);
    if (this.#entries.size >= this.bound) this.#entries.clear();
    this.#entries.set(key, value);
    return value;
  }
}
