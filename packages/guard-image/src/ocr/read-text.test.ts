import { describe, expect, it } from 'vitest';
import { grainPicture, wardPhoto } from '../test-photos.js';
import { readBackgroundText } from './read-text.js';

const wordsOf = (reading: { lines: readonly (readonly { text: string }[])[] }) =>
  reading.lines.flat().map((word) => word.text);

describe('reading the text in a picture', () => {
  it('stops a reading that outruns its budget, says it is not whole, and reads the next picture with a fresh reader', async () => {
    const started = performance.now();
    const stopped = await readBackgroundText(await grainPicture(), { budgetMs: 300 });
    expect(stopped.complete).toBe(false);
    // Stopped at the budget, not after the half-minute the grain takes.
    expect(performance.now() - started).toBeLessThan(10_000);

    const next = await readBackgroundText(await wardPhoto({ board: ['Mme Durand', 'chambre 214'] }));
    expect(next.complete).toBe(true);
    expect(wordsOf(next)).toEqual(expect.arrayContaining(['Mme', 'Durand', 'chambre', '214']));
  }, 60_000);

  it('reads pictures given at once one after the other, each whole, and one stopped stops no other', async () => {
    const board = await wardPhoto({ board: ['Mme Durand', 'chambre 214'] });
    const door = await wardPhoto({ board: ['Chambre 12', 'M. Laurent'] });
    const [first, grain, second] = await Promise.all([
      readBackgroundText(board),
      readBackgroundText(await grainPicture(), { budgetMs: 300 }),
      readBackgroundText(door),
    ]);
    expect(grain.complete).toBe(false);
    expect(first.complete).toBe(true);
    expect(wordsOf(first)).toEqual(expect.arrayContaining(['Durand', '214']));
    expect(second.complete).toBe(true);
    expect(wordsOf(second)).toEqual(expect.arrayContaining(['Laurent', '12']));
  }, 90_000);

  it('reads a level screenshot in one pass, as complete', async () => {
    const reading = await readBackgroundText(await wardPhoto({ board: ['Rendez-vous', 'lundi 9 h'] }), {
      tilted: false,
    });
    expect(reading.complete).toBe(true);
    expect(wordsOf(reading)).toEqual(expect.arrayContaining(['Rendez-vous', 'lundi']));
  }, 30_000);
});
