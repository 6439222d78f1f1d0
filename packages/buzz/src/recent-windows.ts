/** Windows judged at every point, in buckets: a burst, a fast rise, a build-up, a slow swell. */
export const WINDOWS = [1, 3, 12, 36] as const;
const CAPACITY = 36;
// Running sums drift by rounding; they are recomputed from the ring this often.
const RESUM_EVERY = 4096;

/**
 * The last buckets' counts and expectations, with the running sums of every window, so that
 * judging four windows costs a few additions whatever their length. A missing bucket is stored
 * as nothing observed and nothing expected: unknown, not zero.
 */
export class RecentWindows {
  readonly counts = new Float64Array(CAPACITY);
  readonly expected = new Float64Array(CAPACITY);
  head = 0;
  readonly #observedSums = new Float64Array(WINDOWS.length);
  readonly #usualSums = new Float64Array(WINDOWS.length);
  #pushes = 0;

  static readonly capacity = CAPACITY;

  push(count: number, expected: number): void {
    this.head = (this.head + 1) % CAPACITY;
    for (let w = 0; w < WINDOWS.length; w++) {
      // The bucket leaving window w is the one `size` places behind the new head.
      const leaving = (this.head - (WINDOWS[w] as number) + CAPACITY) % CAPACITY;
      this.#observedSums[w] = (this.#observedSums[w] as number) - (this.counts[leaving] as number);
      this.#usualSums[w] = (this.#usualSums[w] as number) - (this.expected[leaving] as number);
    }
    // For the full-length window the leaving bucket is the slot being overwritten: subtract first.
    this.counts[this.head] = count;
    this.expected[this.head] = expected;
    for (let w = 0; w < WINDOWS.length; w++) {
      this.#observedSums[w] = (this.#observedSums[w] as number) + count;
      this.#usualSums[w] = (this.#usualSums[w] as number) + expected;
    }
    if (++this.#pushes % RESUM_EVERY === 0) this.#resum();
  }

  observed(window: number): number {
    const sum = this.#observedSums[window] as number;
    return sum > 0 ? sum : 0;
  }

  usual(window: number): number {
    const sum = this.#usualSums[window] as number;
    return sum > 0 ? sum : 0;
  }

  /** Running sums as they are (rounding included) and the push count that times the next resum. */
  get sums(): { readonly observed: number[]; readonly usual: number[]; readonly pushes: number } {
    return {
      observed: Array.from(this.#observedSums),
      usual: Array.from(this.#usualSums),
      pushes: this.#pushes,
    };
  }

  /** Brings back a saved state exactly, running sums included, so that a restart changes nothing. */
  restore(
    counts: readonly number[],
    expected: readonly number[],
    head: number,
    sums: {
      readonly observed: readonly number[];
      readonly usual: readonly number[];
      readonly pushes: number;
    },
  ): void {
    this.counts.set(counts);
    this.expected.set(expected);
    this.head = head;
    this.#observedSums.set(sums.observed);
    this.#usualSums.set(sums.usual);
    this.#pushes = sums.pushes;
  }

  #resum(): void {
    for (let w = 0; w < WINDOWS.length; w++) {
      let observed = 0;
      let usual = 0;
      for (let back = 0; back < (WINDOWS[w] as number); back++) {
        const index = (this.head - back + CAPACITY) % CAPACITY;
        observed += this.counts[index] as number;
        usual += this.expected[index] as number;
      }
      this.#observedSums[w] = observed;
      this.#usualSums[w] = usual;
    }
  }
}
