/**
 * Local calendar position (hour of day, day of week) of a UTC timestamp, without Intl in the hot
 * path: Intl costs microseconds per call and the detector has a budget of one microsecond per
 * point. Europe/Paris follows the EU rule (summer time from the last Sunday of March to the
 * last Sunday of October, switching at 01:00 UTC), which has not changed since 1996.
 */
export type TimeZone = 'UTC' | 'Europe/Paris';

export const TIME_ZONES: readonly TimeZone[] = ['UTC', 'Europe/Paris'];

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface LocalPosition {
  /** 0–23, local. */
  readonly hour: number;
  /** 0 = Sunday … 6 = Saturday, local. */
  readonly day: number;
}

export class LocalClock {
  readonly #zone: TimeZone;
  // The offset is constant between two switches: remember the interval it is valid in.
  #validFrom = Number.POSITIVE_INFINITY;
  #validUntil = Number.NEGATIVE_INFINITY;
  #offsetMs = 0;

  constructor(zone: TimeZone) {
    this.#zone = zone;
  }

  /** Local milliseconds since the epoch (UTC shifted by the zone's offset at that instant). */
  localMs(utcMs: number): number {
    if (this.#zone === 'UTC') return utcMs;
    if (utcMs < this.#validFrom || utcMs >= this.#validUntil) this.#locate(utcMs);
    return utcMs + this.#offsetMs;
  }

  hour(utcMs: number): number {
    const local = this.localMs(utcMs);
    return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS);
  }

  day(utcMs: number): number {
    const local = this.localMs(utcMs);
    // 1970-01-01 was a Thursday (4).
    return (((Math.floor(local / DAY_MS) + 4) % 7) + 7) % 7;
  }

  #locate(utcMs: number): void {
    const year = new Date(utcMs).getUTCFullYear();
    const summerStart = lastSundayAt1Utc(year, 2);
    const summerEnd = lastSundayAt1Utc(year, 9);
    if (utcMs < summerStart) {
      this.#offsetMs = HOUR_MS;
      this.#validFrom = lastSundayAt1Utc(year - 1, 9);
      this.#validUntil = summerStart;
    } else if (utcMs < summerEnd) {
      this.#offsetMs = 2 * HOUR_MS;
      this.#validFrom = summerStart;
      this.#validUntil = summerEnd;
    } else {
      this.#offsetMs = HOUR_MS;
      this.#validFrom = summerEnd;
      this.#validUntil = lastSundayAt1Utc(year + 1, 2);
    }
  }
}

/** 01:00 UTC on the last Sunday of the month (0-based), in epoch milliseconds. */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0, 1);
  const weekday = new Date(lastDay).getUTCDay();
  return lastDay - weekday * DAY_MS;
}
