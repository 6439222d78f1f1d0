/**
 * What buzz_series.snapshot holds for one series: the detector's own snapshot (opaque here: only
 * SpikeDetector.restore reads it) and the bucket still open, so that a restart mid-hour neither
 * loses the mentions counted so far nor counts them twice.
 */
export interface SeriesState {
  readonly v: 1;
  /** The detector's snapshot, or null before the first bucket closed. */
  detector: unknown;
  /** Start of the open bucket (epoch ms), or null before the first mention. */
  bucketStart: number | null;
  count: number;
  /** The open bucket's mentions, the first MAX_KEPT_IDS of them: the alert links to them. */
  mentionIds: string[];
  terms: Record<string, number>;
  authors: Record<string, number>;
  /** The alert already raised for the open bucket before it closed, if any. */
  alertedBucket: number | null;
}

export const MAX_KEPT_IDS = 200;

export function emptyState(): SeriesState {
  return {
    v: 1,
    detector: null,
    bucketStart: null,
    count: 0,
    mentionIds: [],
    terms: {},
    authors: {},
    alertedBucket: null,
  };
}

/** Reads a stored state; a row that cannot be read starts the series afresh rather than failing ingestion. */
export function readState(stored: string | undefined): SeriesState {
  if (stored === undefined) return emptyState();
  try {
    const value = JSON.parse(stored) as Partial<SeriesState>;
    if (value.v !== 1 || typeof value.count !== 'number') return emptyState();
    return { ...emptyState(), ...value } as SeriesState;
  } catch {
    return emptyState();
  }
}

/** The most frequent keys, most first, ties by name: the alert's top terms and authors. */
export function top(counts: Readonly<Record<string, number>>, n = 5): [string, number][] {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n);
}
