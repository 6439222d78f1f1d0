import { TIME_ZONES } from './local-clock.js';
import { LONG_BLOCKS, LongWindows, type LongWindowsState } from './long-windows.js';
import { type DetectorOptions, resolveOptions } from './options.js';
import { RecentWindows, WINDOWS } from './recent-windows.js';
import { BuzzInputError, type BuzzLevel } from './types.js';

/**
 * 2: day-long windows, one tail calibration per window, the alarm budget. Version 1 snapshots
 * are migrated (see `migrateVersion1`); any other version is refused.
 */
export const SNAPSHOT_VERSION = 2;
const WINDOW_COUNT = WINDOWS.length + LONG_BLOCKS.length;

/** A detector's whole state as JSON-safe data (numbers, arrays, strings, null). */
export interface DetectorSnapshot {
  readonly version: typeof SNAPSHOT_VERSION;
  readonly options: DetectorOptions;
  readonly points: number;
  readonly lastMs: number | null;
  readonly level: number;
  readonly deviation: readonly number[];
  readonly usual: readonly number[];
  readonly recentCounts: readonly number[];
  readonly recentExpected: readonly number[];
  readonly ringHead: number;
  /** Running sums of each window and the number of pushes (they are resummed every 4,096). */
  readonly windowSums: {
    readonly observed: readonly number[];
    readonly usual: readonly number[];
    readonly pushes: number;
  };
  /** The day-long windows' hourly blocks. */
  readonly long: LongWindowsState;
  readonly daily: RhythmSnapshot | null;
  readonly weekly: RhythmSnapshot | null;
  /** Per window, its tail calibration: decayed weight, exceedances and excess. */
  readonly tails: readonly (readonly number[])[];
  /** Per window, 1 while its surprise is in an excursion (its calibration then waits). */
  readonly excursion: readonly number[];
  readonly surgeLevel: BuzzLevel;
  readonly surgePeak: number;
  readonly calmSinceMs: number | null;
  readonly lastSurgeCalmMs: number | null;
  /** Alarm budget: onsets decayed with a half-life of a week, as of budgetMs. */
  readonly recentOnsets: number;
  readonly budgetMs: number | null;
}

export interface RhythmSnapshot {
  readonly seen: readonly number[];
  readonly predicted: readonly number[];
  /** Cached normaliser and the slot it was computed at (−1: none yet). */
  readonly mean: number;
  readonly slot: number;
}

const LEVELS: readonly BuzzLevel[] = ['normal', 'watch', 'alert'];

/**
 * Checks a stored snapshot field by field before any of it is trusted: a state read back from a
 * database or a file may be truncated, from another version or edited by hand, and a detector
 * built on it would silently give wrong alarms.
 */
export function readSnapshot(data: unknown): DetectorSnapshot {
  const given = object(data, 'snapshot');
  if (given.version !== SNAPSHOT_VERSION && given.version !== 1) {
    throw new BuzzInputError(
      `snapshot version ${String(given.version)} is not supported (versions 1 and ${SNAPSHOT_VERSION} are)`,
    );
  }
  const record = given.version === 1 ? migrateVersion1(given) : given;
  const optionsRecord = object(record.options, 'snapshot.options');
  if (!TIME_ZONES.includes(optionsRecord.timeZone as never))
    throw new BuzzInputError('snapshot.options.timeZone');
  let options: DetectorOptions;
  try {
    options = resolveOptions(optionsRecord as Partial<DetectorOptions>);
  } catch (error) {
    throw new BuzzInputError(`snapshot.options: ${(error as Error).message}`);
  }
  const ringHead = finite(record.ringHead, 'ringHead');
  const recentCounts = numbers(record.recentCounts, 'recentCounts', RecentWindows.capacity);
  if (!Number.isInteger(ringHead) || ringHead < 0 || ringHead >= recentCounts.length) {
    throw new BuzzInputError('snapshot.ringHead is out of range');
  }
  const surgeLevel = record.surgeLevel;
  if (!LEVELS.includes(surgeLevel as BuzzLevel)) throw new BuzzInputError('snapshot.surgeLevel');
  return {
    version: SNAPSHOT_VERSION,
    options,
    points: nonNegative(record.points, 'points'),
    lastMs: nullable(record.lastMs, 'lastMs'),
    level: nonNegative(record.level, 'level'),
    deviation: numbers(record.deviation, 'deviation', WINDOW_COUNT),
    usual: numbers(record.usual, 'usual', WINDOW_COUNT),
    recentCounts,
    recentExpected: numbers(record.recentExpected, 'recentExpected', RecentWindows.capacity),
    ringHead,
    windowSums: windowSums(record.windowSums),
    long: longWindows(record.long),
    daily: rhythm(record.daily, 'daily', 24),
    weekly: rhythm(record.weekly, 'weekly', 7),
    tails: tails(record.tails),
    excursion: numbers(record.excursion, 'excursion', WINDOW_COUNT).map((value, index) => {
      if (value !== 0 && value !== 1) throw new BuzzInputError(`snapshot.excursion[${index}] must be 0 or 1`);
      return value;
    }),
    surgeLevel: surgeLevel as BuzzLevel,
    surgePeak: nonNegative(record.surgePeak, 'surgePeak'),
    calmSinceMs: nullable(record.calmSinceMs, 'calmSinceMs'),
    lastSurgeCalmMs: nullable(record.lastSurgeCalmMs, 'lastSurgeCalmMs'),
    recentOnsets: nonNegative(record.recentOnsets, 'recentOnsets'),
    budgetMs: nullable(record.budgetMs, 'budgetMs'),
  };
}

/**
 * A version 1 snapshot (four short windows, one tail calibration) brought to version 2, so that
 * an upgrade keeps each series' learnt level and rhythm. The day-long windows start empty
 * (unknown hours, as after a gap) with the overdispersion of the longest short window; every
 * window starts from the old, shared calibration, which is the more cautious of the two; the
 * alarm budget starts unspent. Fields are copied as they are and checked afterwards.
 */
function migrateVersion1(record: Record<string, unknown>): Record<string, unknown> {
  const deviation = Array.isArray(record.deviation) ? (record.deviation as unknown[]) : [];
  const usual = Array.isArray(record.usual) ? (record.usual as unknown[]) : [];
  const longest = WINDOWS.length - 1;
  const oldDeviation = deviation[longest];
  const oldUsual = usual[longest];
  const extraDeviation: unknown[] = [];
  const extraUsual: unknown[] = [];
  const options = typeof record.options === 'object' && record.options !== null ? record.options : {};
  const bucketSeconds = (options as { bucketSeconds?: unknown }).bucketSeconds;
  for (const blocks of LONG_BLOCKS) {
    if (
      typeof oldDeviation !== 'number' ||
      typeof oldUsual !== 'number' ||
      typeof bucketSeconds !== 'number'
    ) {
      extraDeviation.push(oldDeviation);
      extraUsual.push(oldUsual);
      continue;
    }
    // Same α: φ = 1 + α·usual grows with the window's expectation; deviation = √(2φ/π).
    const perBlock = Math.max(1, Math.round(3600 / bucketSeconds));
    const scale = (blocks * perBlock) / (WINDOWS[longest] as number);
    const phi = (Math.PI / 2) * oldDeviation * oldDeviation;
    const alpha = oldUsual > 0 ? Math.max(0, phi - 1) / oldUsual : 0;
    const longUsual = oldUsual * scale;
    extraDeviation.push(Math.sqrt((2 * (1 + alpha * longUsual)) / Math.PI));
    extraUsual.push(longUsual);
  }
  const zeros = new Array<number>(LongWindows.capacity).fill(0);
  return {
    ...record,
    version: SNAPSHOT_VERSION,
    deviation: [...deviation, ...extraDeviation],
    usual: [...usual, ...extraUsual],
    long: { counts: zeros, expected: zeros, head: 0, partial: [0, 0, 0] },
    tails: new Array(WINDOW_COUNT).fill(record.tail),
    excursion: new Array<number>(WINDOW_COUNT).fill(0),
    recentOnsets: 0,
    budgetMs: null,
  };
}

function tails(value: unknown): number[][] {
  if (!Array.isArray(value) || value.length !== WINDOW_COUNT) {
    throw new BuzzInputError(`snapshot.tails must be an array of ${WINDOW_COUNT} calibrations`);
  }
  return value.map((tail, w) =>
    numbers(tail, `tails[${w}]`, 3).map((item, index) => nonNegative(item, `tails[${w}][${index}]`)),
  );
}

function longWindows(value: unknown): LongWindowsState {
  const record = object(value, 'snapshot.long');
  const head = finite(record.head, 'long.head');
  if (!Number.isInteger(head) || head < 0 || head >= LongWindows.capacity) {
    throw new BuzzInputError('snapshot.long.head is out of range');
  }
  const partial = numbers(record.partial, 'long.partial', 3);
  const buckets = partial[2] as number;
  if (!Number.isInteger(buckets) || buckets < 0 || buckets >= 3600) {
    throw new BuzzInputError('snapshot.long.partial has an impossible bucket count');
  }
  return {
    counts: numbers(record.counts, 'long.counts', LongWindows.capacity).map((item, index) =>
      nonNegative(item, `long.counts[${index}]`),
    ),
    expected: numbers(record.expected, 'long.expected', LongWindows.capacity).map((item, index) =>
      nonNegative(item, `long.expected[${index}]`),
    ),
    head,
    partial: partial.map((item, index) => nonNegative(item, `long.partial[${index}]`)),
  };
}

function object(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BuzzInputError(`${name} must be an object`);
  }
  return value as Record<string, unknown>;
}

function finite(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new BuzzInputError(`snapshot.${name} must be a finite number`);
  }
  return value;
}

function nonNegative(value: unknown, name: string): number {
  const number = finite(value, name);
  if (number < 0) throw new BuzzInputError(`snapshot.${name} must not be negative`);
  return number;
}

function nullable(value: unknown, name: string): number | null {
  return value === null ? null : finite(value, name);
}

function numbers(value: unknown, name: string, length: number): number[] {
  if (!Array.isArray(value) || value.length !== length) {
    throw new BuzzInputError(`snapshot.${name} must be an array of ${length} numbers`);
  }
  return value.map((item, index) => finite(item, `${name}[${index}]`));
}

function rhythm(value: unknown, name: string, slots: number): RhythmSnapshot | null {
  if (value === null) return null;
  const record = object(value, `snapshot.${name}`);
  const mean = finite(record.mean, `${name}.mean`);
  const slot = finite(record.slot, `${name}.slot`);
  if (!(mean > 0)) throw new BuzzInputError(`snapshot.${name}.mean must be positive`);
  if (!Number.isInteger(slot) || slot < -1 || slot >= slots)
    throw new BuzzInputError(`snapshot.${name}.slot is out of range`);
  return {
    seen: numbers(record.seen, `${name}.seen`, slots).map((value, index) =>
      nonNegative(value, `${name}.seen[${index}]`),
    ),
    predicted: numbers(record.predicted, `${name}.predicted`, slots).map((value, index) =>
      nonNegative(value, `${name}.predicted[${index}]`),
    ),
    mean,
    slot,
  };
}

function windowSums(value: unknown): DetectorSnapshot['windowSums'] {
  const record = object(value, 'snapshot.windowSums');
  const pushes = nonNegative(record.pushes, 'windowSums.pushes');
  if (!Number.isInteger(pushes)) throw new BuzzInputError('snapshot.windowSums.pushes must be an integer');
  return {
    observed: numbers(record.observed, 'windowSums.observed', WINDOWS.length),
    usual: numbers(record.usual, 'windowSums.usual', WINDOWS.length),
    pushes,
  };
}
