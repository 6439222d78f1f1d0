import { BuzzInputError } from './types.js';

/**
 * Day-long windows at constant cost and small state: buckets are summed into blocks of one hour
 * (or one bucket when buckets are longer), and a ring of the last blocks keeps running sums for
 * windows of 6, 12 and 24 blocks. A window holds its last complete blocks plus the block being
 * filled, so it covers between k and k + 1 hours: a sustained rise of 2–3× over 4–12 hours, too
 * slow for the short windows, stands out there.
 */
export const LONG_BLOCKS = [6, 12, 24] as const;
const CAPACITY = 24;

export class LongWindows {
  readonly bucketsPerBlock: number;
  readonly counts = new Float64Array(CAPACITY);
  readonly expected = new Float64Array(CAPACITY);
  head = 0;
  /** The block being filled: its count, expectation and buckets so far. */
  partialCount = 0;
  partialExpected = 0;
  partialBuckets = 0;
  readonly observedSums = new Float64Array(LONG_BLOCKS.length);
  readonly usualSums = new Float64Array(LONG_BLOCKS.length);

  constructor(bucketSeconds: number) {
    this.bucketsPerBlock = Math.max(1, Math.round(3600 / bucketSeconds));
  }

  static readonly capacity = CAPACITY;

  push(count: number, expected: number): void {
    this.partialCount += count;
    this.partialExpected += expected;
    if (++this.partialBuckets < this.bucketsPerBlock) return;
    this.#close();
  }

  /**
   * `buckets` missing buckets: unknown, so nothing observed and nothing expected. Costs at most
   * one block's buckets and one pass over the ring, however long the gap.
   */
  skip(buckets: number): void {
    let left = buckets;
    while (left > 0 && this.partialBuckets > 0) {
      left--;
      this.push(0, 0);
    }
    if (left === 0) return;
    const blocks = Math.min(Math.floor(left / this.bucketsPerBlock), CAPACITY);
    for (let block = 0; block < blocks; block++) {
      this.head = (this.head + 1) % CAPACITY;
      this.counts[this.head] = 0;
      this.expected[this.head] = 0;
    }
    if (blocks > 0) this.#resum();
    this.partialBuckets = left % this.bucketsPerBlock;
  }

  observed(window: number): number {
    const sum = (this.observedSums[window] as number) + this.partialCount;
    return sum > 0 ? sum : 0;
  }

  usual(window: number): number {
    const sum = (this.usualSums[window] as number) + this.partialExpected;
    return sum > 0 ? sum : 0;
  }

  /** Buckets covered by a window now (complete blocks and the one being filled). */
  buckets(window: number): number {
    return (LONG_BLOCKS[window] as number) * this.bucketsPerBlock + this.partialBuckets;
  }

  restore(saved: LongWindowsState): void {
    const buckets = saved.partial[2] as number;
    if (!Number.isInteger(buckets) || buckets < 0 || buckets >= this.bucketsPerBlock) {
      throw new BuzzInputError('snapshot.long.partial counts more buckets than a block holds');
    }
    this.counts.set(saved.counts);
    this.expected.set(saved.expected);
    this.head = saved.head;
    this.partialCount = saved.partial[0] as number;
    this.partialExpected = saved.partial[1] as number;
    this.partialBuckets = saved.partial[2] as number;
    // Sums over at most 24 blocks are recomputed rather than stored: exact and smaller.
    this.#resum();
  }

  state(): LongWindowsState {
    return {
      counts: Array.from(this.counts),
      expected: Array.from(this.expected),
      head: this.head,
      partial: [this.partialCount, this.partialExpected, this.partialBuckets],
    };
  }

  #close(): void {
    this.head = (this.head + 1) % CAPACITY;
    this.counts[this.head] = this.partialCount;
    this.expected[this.head] = this.partialExpected;
    this.partialCount = 0;
    this.partialExpected = 0;
    this.partialBuckets = 0;
    // Once a block, 24 additions: recomputing keeps the sums free of rounding drift.
    this.#resum();
  }

  #resum(): void {
    let observed = 0;
    let usual = 0;
    let w = 0;
    for (let back = 0; back < CAPACITY; back++) {
      const index = (this.head - back + CAPACITY) % CAPACITY;
      observed += this.counts[index] as number;
      usual += this.expected[index] as number;
      if (back + 1 === LONG_BLOCKS[w]) {
        this.observedSums[w] = observed;
        this.usualSums[w] = usual;
        w++;
      }
    }
  }
}

export interface LongWindowsState {
  readonly counts: readonly number[];
  readonly expected: readonly number[];
  readonly head: number;
  /** Count, expectation and buckets of the block being filled. */
  readonly partial: readonly number[];
}
