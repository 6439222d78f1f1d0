import { TIME_ZONES } from './local-clock.js';
import { type DetectorOptions, resolveOptions } from './options.js';
import { RecentWindows, WINDOWS } from './recent-windows.js';
import { BuzzInputError, type BuzzLevel } from './types.js';

export const SNAPSHOT_VERSION = 1;

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
  readonly daily: RhythmSnapshot | null;
  readonly weekly: RhythmSnapshot | null;
  /** Tail calibration: decayed weight, exceedances and excess. */
  readonly tail: readonly number[];
  readonly surgeLevel: BuzzLevel;
  readonly surgePeak: number;
  readonly calmSinceMs: number | null;
  readonly lastSurgeCalmMs: number | null;
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
  const record = object(data, 'snapshot');
  if (record.version !== SNAPSHOT_VERSION) {
    throw new BuzzInputError(`snapshot version ${String(record.version)} is not ${SNAPSHOT_VERSION}`);
  }
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
    deviation: numbers(record.deviation, 'deviation', WINDOWS.length),
    usual: numbers(record.usual, 'usual', WINDOWS.length),
    recentCounts,
    recentExpected: numbers(record.recentExpected, 'recentExpected', RecentWindows.capacity),
    ringHead,
    windowSums: windowSums(record.windowSums),
    daily: rhythm(record.daily, 'daily', 24),
    weekly: rhythm(record.weekly, 'weekly', 7),
    tail: numbers(record.tail, 'tail', 3).map((value, index) => nonNegative(value, `tail[${index}]`)),
    surgeLevel: surgeLevel as BuzzLevel,
    surgePeak: nonNegative(record.surgePeak, 'surgePeak'),
    calmSinceMs: nullable(record.calmSinceMs, 'calmSinceMs'),
    lastSurgeCalmMs: nullable(record.lastSurgeCalmMs, 'lastSurgeCalmMs'),
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
