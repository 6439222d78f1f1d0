import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { overlapShare } from '../regions.js';
import { wardPhoto } from '../test-photos.js';
import { findFaces } from './find-faces.js';

/** Photos of people shipped with @vladmandic/human (its assets/, MIT licence). */
const ASSETS = join(dirname(dirname(createRequire(import.meta.url).resolve('@vladmandic/human'))), 'assets');

describe('finding faces', () => {
  it('finds the faces of a group photo, small ones included, once each', async () => {
    const group = await readFile(join(ASSETS, 'screenshot-facedetect.jpg'));
    const faces = await findFaces(group);
    // The five portraits in front, and the crowd of a party behind them, 13 to 25 px wide.
    expect(faces.filter((face) => face.width > 100).length).toBe(5);
    expect(faces.filter((face) => face.width < 30).length).toBeGreaterThanOrEqual(12);
    for (const face of faces) {
      expect(face.width).toBeGreaterThan(10);
      expect(face.x).toBeGreaterThanOrEqual(0);
    }
    // No face counted twice across the tiles.
    for (const [i, a] of faces.entries())
      for (const b of faces.slice(i + 1))
        expect(overlapShare(a, b), 'two boxes on one face').toBeLessThan(0.3);
  }, 60_000);

  it('finds more faces in a grid of portraits with the tiles than the detector alone did (3)', async () => {
    const grid = await readFile(join(ASSETS, 'samples.jpg'));
    expect((await findFaces(grid)).length).toBeGreaterThan(6);
  }, 60_000);

  it('finds none on a wall with a whiteboard', async () => {
    expect(await findFaces(await wardPhoto({ board: ['Mme Durand'] }))).toEqual([]);
  }, 60_000);
});
