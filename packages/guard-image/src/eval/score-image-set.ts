import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkImage, type ImageCheck } from '../check-image.js';
import type { Region } from '../image-finding.js';
import { intersection, overlapShare } from '../regions.js';
import type { ImageTruth } from './build-eval-set.js';

/** A count out of a total, for the table and for JSON. */
export interface Rate {
  readonly found: number;
  readonly total: number;
}

export interface ImageEvalSummary {
  readonly photos: number;
  readonly gps: { readonly recall: Rate; readonly falseAlarms: Rate };
  readonly faces: {
    readonly recall: Rate;
    /** Recall by face height in pixels of the photo. */
    readonly bySize: Record<string, Rate>;
    /** Boxes that are no face of the truth, and the photos without a face that got one. */
    readonly strayBoxes: number;
    readonly falseAlarms: Rate;
  };
  readonly text: {
    readonly recall: Rate;
    /** Recall by font size, in pixels once the photo is brought to the 2,400 px the OCR reads. */
    readonly bySize: Record<string, Rate>;
    readonly byAngle: Record<string, Rate>;
    readonly byKind: Record<string, Rate>;
    /** Ordinary labels that raised a finding, and findings on no label at all. */
    readonly ordinaryFlagged: Rate;
    readonly strayFindings: number;
  };
  /** Clean photos (ordinary labels at most) that got any finding at all. */
  readonly cleanPhotosFlagged: Rate;
  readonly millisecondsPerPhoto: { readonly p50: number; readonly max: number };
  readonly misses: readonly string[];
}

const FACE_BUCKETS: readonly [string, number][] = [
  ['< 60 px', 60],
  ['60–120 px', 120],
  ['120–250 px', 250],
  ['250–500 px', 500],
  ['≥ 500 px', Number.POSITIVE_INFINITY],
];
const TEXT_BUCKETS: readonly [string, number][] = [
  ['< 20 px', 20],
  ['20–30 px', 30],
  ['30–50 px', 50],
  ['≥ 50 px', Number.POSITIVE_INFINITY],
];

/**
 * Runs the image guard on every photo of an evaluation set (`truth.jsonl` beside the photos,
 * as `buildImageEvalSet` writes it) and compares what it found with the truth:
 * - GPS: a GEO-01 finding from the metadata;
 * - a face is found when a face box's centre falls inside it, or the two overlap by a third;
 * - a sensitive label is found when a finding on the text in the picture overlaps it.
 */
export async function scoreImageSet(
  dir: string,
  options: {
    readonly onPhoto?: (done: number, total: number) => void;
    /** The guard to score; the image guard itself unless a test gives another. */
    readonly check?: (bytes: Uint8Array) => Promise<Pick<ImageCheck, 'findings'>>;
  } = {},
): Promise<ImageEvalSummary> {
  const check = options.check ?? ((bytes: Uint8Array) => checkImage(bytes));
  const truths = (await readFile(join(dir, 'truth.jsonl'), 'utf8'))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ImageTruth);
  const tally = new Tally();
  const times: number[] = [];
  for (const [i, truth] of truths.entries()) {
    const bytes = await readFile(join(dir, truth.file));
    const started = performance.now();
    const result = await check(bytes);
    times.push(performance.now() - started);
    tally.add(truth, result);
    options.onPhoto?.(i + 1, truths.length);
  }
  times.sort((a, b) => a - b);
  return tally.summary(truths.length, {
    p50: Math.round(times[Math.floor(times.length / 2)] ?? 0),
    max: Math.round(times.at(-1) ?? 0),
  });
}

class Tally {
  private gps = rate();
  private gpsFalse = rate();
  private faces = rate();
  private faceSizes = buckets(FACE_BUCKETS);
  private strayBoxes = 0;
  private faceFalse = rate();
  private text = rate();
  private textSizes = buckets(TEXT_BUCKETS);
  private angles = new Map<string, { found: number; total: number }>();
  private kinds = new Map<string, { found: number; total: number }>();
  private ordinary = rate();
  private strayFindings = 0;
  private clean = rate();
  private misses: string[] = [];

  add(truth: ImageTruth, check: Pick<ImageCheck, 'findings'>): void {
    const gpsFound = check.findings.some((f) => f.rule === 'GEO-01' && f.evidence.kind === 'metadata');
    if (truth.gps) count(this.gps, gpsFound);
    else count(this.gpsFalse, gpsFound);
    if (truth.gps && !gpsFound) this.misses.push(`${truth.file} : GPS non trouvé (${truth.metadataWriter})`);

    const boxes = regionsOf(check, (rule) => rule === 'IMAGE-03');
    for (const face of truth.faces) {
      const found = boxes.some(
        (box) => centreInside(box, face.region) || overlapShare(box, face.region) > 1 / 3,
      );
      count(this.faces, found);
      count(bucketOf(this.faceSizes, FACE_BUCKETS, face.region.height), found);
      if (!found) this.misses.push(`${truth.file} : visage de ${face.region.height} px non trouvé`);
    }
    this.strayBoxes += boxes.filter(
      (box) =>
        !truth.faces.some((face) => centreInside(box, face.region) || overlapShare(box, face.region) > 1 / 3),
    ).length;
    if (truth.faces.length === 0) count(this.faceFalse, boxes.length > 0);

    const textFindings = regionsOf(check, (rule) => rule !== 'IMAGE-03');
    const ocrScale = 2400 / Math.max(truth.width, truth.height);
    for (const label of truth.labels) {
      const flagged = textFindings.some((region) => intersects(region, label.region));
      if (!label.sensitive) {
        count(this.ordinary, flagged);
        continue;
      }
      count(this.text, flagged);
      count(bucketOf(this.textSizes, TEXT_BUCKETS, label.fontSize * ocrScale), flagged);
      count(entry(this.angles, `${Math.abs(label.angle)}°`), flagged);
      count(entry(this.kinds, label.kind), flagged);
      if (!flagged)
        this.misses.push(
          `${truth.file} : « ${label.lines.join(' / ')} » non repéré (${label.kind}, ${label.fontSize} px, ${label.angle}°)`,
        );
    }
    this.strayFindings += textFindings.filter(
      (region) => !truth.labels.some((l) => intersects(region, l.region)),
    ).length;

    const cleanPhoto =
      !truth.gps && truth.faces.length === 0 && truth.labels.every((label) => !label.sensitive);
    if (cleanPhoto) count(this.clean, check.findings.length > 0);
  }

  summary(photos: number, millisecondsPerPhoto: ImageEvalSummary['millisecondsPerPhoto']): ImageEvalSummary {
    return {
      photos,
      gps: { recall: this.gps, falseAlarms: this.gpsFalse },
      faces: {
        recall: this.faces,
        bySize: this.faceSizes,
        strayBoxes: this.strayBoxes,
        falseAlarms: this.faceFalse,
      },
      text: {
        recall: this.text,
        bySize: this.textSizes,
        byAngle: Object.fromEntries(
          [...this.angles].sort(([a], [b]) => Number.parseInt(a, 10) - Number.parseInt(b, 10)),
        ),
        byKind: Object.fromEntries(this.kinds),
        ordinaryFlagged: this.ordinary,
        strayFindings: this.strayFindings,
      },
      cleanPhotosFlagged: this.clean,
      millisecondsPerPhoto,
      misses: this.misses,
    };
  }
}

const rate = () => ({ found: 0, total: 0 });

function count(target: { found: number; total: number }, found: boolean): void {
  target.total++;
  if (found) target.found++;
}

function buckets(limits: readonly [string, number][]): Record<string, { found: number; total: number }> {
  return Object.fromEntries(limits.map(([name]) => [name, rate()]));
}

function bucketOf(
  tally: Record<string, { found: number; total: number }>,
  limits: readonly [string, number][],
  value: number,
) {
  const name = (limits.find(([, upper]) => value < upper) ?? limits[limits.length - 1])?.[0] ?? '';
  return tally[name] as { found: number; total: number };
}

function entry(map: Map<string, { found: number; total: number }>, key: string) {
  const existing = map.get(key);
  if (existing) return existing;
  const created = rate();
  map.set(key, created);
  return created;
}

function regionsOf(check: Pick<ImageCheck, 'findings'>, keep: (rule: string) => boolean): Region[] {
  return check.findings.flatMap((f) =>
    keep(f.rule) && f.evidence.kind === 'region' ? [f.evidence.region] : [],
  );
}

function centreInside(box: Region, target: Region): boolean {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  return cx >= target.x && cx <= target.x + target.width && cy >= target.y && cy <= target.y + target.height;
}

function intersects(a: Region, b: Region): boolean {
  return intersection(a, b) > 0;
}
