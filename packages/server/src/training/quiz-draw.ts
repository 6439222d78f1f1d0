import { randomInt } from 'node:crypto';

/**
 * `count` distinct items in random order (a partial Fisher–Yates shuffle). The server draws, so
 * that each attempt asks other questions in another order and nothing can be learnt by heart
 * from the page; crypto's randomInt, because Math.random's sequence can be guessed.
 */
export function drawAtRandom<T>(items: readonly T[], count: number): T[] {
  const pool = [...items];
  const size = Math.min(count, pool.length);
  for (let index = 0; index < size; index++) {
    const pick = index + randomInt(pool.length - index);
    [pool[index], pool[pick]] = [pool[pick] as T, pool[index] as T];
  }
  return pool.slice(0, size);
}
