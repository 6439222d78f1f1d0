import type { Region } from './image-finding.js';

/** The area two boxes share, in square pixels. */
export function intersection(a: Region, b: Region): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/**
 * The overlap of two boxes as a share of the smaller one: a face cut by a tile's edge, or a word
 * read again by another pass, still matches the whole.
 */
export function overlapShare(a: Region, b: Region): number {
  return intersection(a, b) / Math.max(1, Math.min(a.width * a.height, b.width * b.height));
}

/** The smallest box that holds them all. */
export function union(regions: readonly Region[]): Region {
  const left = Math.min(...regions.map((r) => r.x));
  const top = Math.min(...regions.map((r) => r.y));
  const right = Math.max(...regions.map((r) => r.x + r.width));
  const bottom = Math.max(...regions.map((r) => r.y + r.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * The share of a box that others cover, sampled on a 10 × 10 grid of points: the boxes may
 * overlap one another (a word read by two passes), which a sum of intersections would count
 * twice.
 */
export function coveredShare(box: Region, others: readonly Region[]): number {
  const candidates = others.filter((other) => intersection(box, other) > 0);
  if (candidates.length === 0) return 0;
  let covered = 0;
  for (let i = 0; i < 10; i++)
    for (let j = 0; j < 10; j++) {
      const x = box.x + ((i + 0.5) * box.width) / 10;
      const y = box.y + ((j + 0.5) * box.height) / 10;
      if (candidates.some((o) => x >= o.x && x < o.x + o.width && y >= o.y && y < o.y + o.height)) covered++;
    }
  return covered / 100;
}
