import { describe, expect, it } from 'vitest';
import { BuzzOptionsError, type DetectorOptions, resolveOptions } from './options.js';

describe('resolveOptions', () => {
  it('gives the documented defaults, frozen', () => {
    const options = resolveOptions();
    expect(options).toEqual({
      bucketSeconds: 3600,
      timeZone: 'Europe/Paris',
      levelHalfLifeHours: 168,
      rhythmHalfLifeDays: 14,
      watchSurprise: 4,
      alertSurprise: 5,
      calmSurprise: 2,
      coolDownMinutes: 720,
      minimumCount: 5,
      warmUpBuckets: 24,
      alarmBudgetPerWeek: 1,
      settleSurprise: 2,
    });
    expect(Object.isFrozen(options)).toBe(true);
  });

  it('derives the warm-up (one day) from the bucket length', () => {
    expect(resolveOptions({ bucketSeconds: 300 }).warmUpBuckets).toBe(288);
    expect(resolveOptions({ bucketSeconds: 7 * 3600 }).warmUpBuckets).toBe(4);
    expect(resolveOptions({ bucketSeconds: 86_400 }).warmUpBuckets).toBe(1);
    expect(resolveOptions({ bucketSeconds: 300, warmUpBuckets: 0 }).warmUpBuckets).toBe(0);
  });

  it('treats null like a missing value (default)', () => {
    const options = resolveOptions({
      bucketSeconds: null,
      minimumCount: null,
    } as unknown as Partial<DetectorOptions>);
    expect(options.bucketSeconds).toBe(3600);
    expect(options.minimumCount).toBe(5);
  });

  it('keeps the values given', () => {
    const options = resolveOptions({ timeZone: 'UTC', watchSurprise: 3, alertSurprise: 3, calmSurprise: 3 });
    expect(options.timeZone).toBe('UTC');
    expect(options.alertSurprise).toBe(3);
  });

  const bad: [string, Partial<DetectorOptions>][] = [];
  const numeric = [
    'bucketSeconds',
    'levelHalfLifeHours',
    'rhythmHalfLifeDays',
    'watchSurprise',
    'alertSurprise',
    'calmSurprise',
    'coolDownMinutes',
    'minimumCount',
    'warmUpBuckets',
    'alarmBudgetPerWeek',
    'settleSurprise',
  ] as const;
  for (const name of numeric) {
    const values = [Number.NaN, -1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '5'];
    for (const value of values) {
      bad.push([`${name} = ${String(value)}`, { [name]: value } as unknown as Partial<DetectorOptions>]);
    }
  }
  for (const name of [
    'bucketSeconds',
    'levelHalfLifeHours',
    'rhythmHalfLifeDays',
    'watchSurprise',
  ] as const) {
    bad.push([`${name} = 0`, { [name]: 0 }]);
  }
  bad.push(['alertSurprise below watchSurprise', { watchSurprise: 4, alertSurprise: 3.9 }]);
  bad.push(['calmSurprise above watchSurprise', { watchSurprise: 4, calmSurprise: 4.1 }]);
  bad.push(['unknown timeZone', { timeZone: 'America/New_York' as never }]);
  bad.push(['timeZone of the wrong case', { timeZone: 'utc' as never }]);
  bad.push(['timeZone as a number', { timeZone: 1 as never }]);

  it.each(bad)('rejects %s with a BuzzOptionsError', (_name, given) => {
    expect(() => resolveOptions(given)).toThrow(BuzzOptionsError);
  });

  it('throws errors that are RangeErrors named BuzzOptionsError', () => {
    try {
      resolveOptions({ bucketSeconds: -5 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RangeError);
      expect((error as Error).name).toBe('BuzzOptionsError');
      expect((error as Error).message).toContain('bucketSeconds');
    }
  });
});
