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
