import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { readImageMetadata } from '../metadata/read-metadata.js';
import { buildImageEvalSet } from './build-eval-set.js';
import { scoreImageSet } from './score-image-set.js';

const dir = await mkdtemp(join(tmpdir(), 'blouse-image-set-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('building the image evaluation set', () => {
  it('writes photos whose size, format and GPS are what the truth says, the same for the same seed', async () => {
    const truths = await buildImageEvalSet(dir, { split: 'dev', count: 6, seed: 7 });
    expect(truths).toHaveLength(6);
    expect(truths[0]?.gps).toBe(false);
    expect(truths[0]?.faces).toEqual([]);
    for (const truth of truths) {
      const bytes = await readFile(join(dir, truth.file));
      const meta = await sharp(bytes).metadata();
      expect([meta.width, meta.height]).toEqual([truth.width, truth.height]);
      expect(meta.format === 'heif' ? 'avif' : meta.format).toBe(truth.format);
      expect((await readImageMetadata(bytes)).gps !== null).toBe(truth.gps);
      for (const thing of [...truth.faces, ...truth.labels]) {
        expect(thing.region.x + thing.region.width).toBeLessThanOrEqual(truth.width);
        expect(thing.region.y + thing.region.height).toBeLessThanOrEqual(truth.height);
      }
    }
    const lines = (await readFile(join(dir, 'truth.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual(JSON.parse(JSON.stringify(truths)));
    const again = await buildImageEvalSet(join(dir, 'again'), { split: 'dev', count: 6, seed: 7 });
    expect(again).toEqual(truths);
    const blind = await buildImageEvalSet(join(dir, 'blind'), { split: 'blind', count: 6, seed: 7 });
    expect(blind).not.toEqual(truths);
  }, 120_000);

  it('is scored by the image guard itself', async () => {
    const summary = await scoreImageSet(dir);
    expect(summary.photos).toBe(6);
    expect(summary.gps.recall.found).toBe(summary.gps.recall.total);
    expect(summary.gps.falseAlarms.found).toBe(0);
  }, 120_000);
});
