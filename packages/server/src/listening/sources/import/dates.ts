/*
 * Dates as exports write them: ISO 8601 (« 2026-12-05T14:30:00Z », « 2026-12-05 14:30 »), the
 * French day-first form (« 05/12/2026 14:30 », « 5/12/2026 à 14h30 », « 05.12.2026 »), or a
 * Unix time in seconds or milliseconds. Slashes are always read day first: these are French
 * exports, and an American month-first date is the exception the person has to fix. A date
 * without an offset is local time in the establishment's time zone (Europe/Paris by default,
 * overseas hospitals have their own); the result is ISO 8601 in UTC.
 */

export type DateReading = { readonly iso: string } | { readonly problem: string };

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const FRENCH =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:(?:\s+(?:à\s+)?|T)(\d{1,2})\s*[:hH]\s*(\d{2})?(?::(\d{2}))?)?$/;
const TWO_DIGIT_YEAR = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}(?:\s|$)/;
const EPOCH = /^\d{10}(\d{3})?$/;

export interface DateContext {
  readonly timeZone: string;
  readonly now: Date;
}

/** Reads a date (and, when the date has none, the time from a separate column). */
export function readImportDate(raw: string, time: string | null, context: DateContext): DateReading {
  const value = raw.trim().replace(/\s+/g, ' ');
  const shown = `« ${value.length > 40 ? `${value.slice(0, 40)}…` : value} »`;
  if (value === '') return { problem: 'la date est vide' };
  const instant = parse(value, time?.trim() ?? '', context.timeZone);
  if (instant === 'unknown') {
    if (TWO_DIGIT_YEAR.test(value))
      return { problem: `la date ${shown} doit avoir une année à quatre chiffres` };
    return {
      problem: `la date ${shown} n’est pas reconnue (formats acceptés : 05/12/2026 14:30 ou 2026-12-05T14:30:00Z)`,
    };
  }
  if (instant === 'impossible') return { problem: `la date ${shown} n’existe pas` };
  if (instant > context.now.getTime() + 24 * 3600 * 1000)
    return { problem: `la date ${shown} est dans le futur` };
  if (instant < Date.UTC(1990, 0, 1)) return { problem: `la date ${shown} est antérieure à 1990` };
  return { iso: new Date(instant).toISOString() };
}

/** From a JSON number: a Unix time in seconds or milliseconds. */
export function readEpoch(value: number, context: DateContext): DateReading {
  return readImportDate(String(Math.trunc(value)), null, context);
}

function parse(value: string, time: string, timeZone: string): number | 'unknown' | 'impossible' {
  if (EPOCH.test(value)) return value.length === 13 ? Number(value) : Number(value) * 1000;
  const iso = ISO.exec(value);
  if (iso !== null) {
    const [, year, month, day, hour, minute, second, fraction, zone] = iso;
    const clock = hour === undefined ? splitTime(time) : { hour, minute, second };
    if (clock === null) return 'unknown';
    const parts = numbers(year, month, day, clock.hour, clock.minute, clock.second, fraction);
    if (!exists(parts)) return 'impossible';
    const offset = zone === undefined ? null : zoneOffsetMinutes(zone);
    return offset === null ? zonedToUtc(parts, timeZone) : utcOf(parts) - offset * 60_000;
  }
  const french = FRENCH.exec(value);
  if (french !== null) {
    const [, day, month, year, hour, minute, second] = french;
    const clock = hour === undefined ? splitTime(time) : { hour, minute: minute ?? '0', second };
    if (clock === null) return 'unknown';
    const parts = numbers(year, month, day, clock.hour, clock.minute, clock.second, undefined);
    if (!exists(parts)) return 'impossible';
    return zonedToUtc(parts, timeZone);
  }
  return 'unknown';
}

/** A separate time column (« 14:30 », « 14h30 », « 14:30:05 »), or midnight when there is none. */
function splitTime(time: string): { hour?: string; minute?: string; second?: string } | null {
  if (time === '') return {};
  const match = /^(\d{1,2})\s*[:hH]\s*(\d{2})?(?::(\d{2}))?$/.exec(time);
  return match === null ? null : { hour: match[1], minute: match[2] ?? '0', second: match[3] };
}

type Parts = readonly [number, number, number, number, number, number, number];

function numbers(...values: (string | undefined)[]): Parts {
  const [year, month, day, hour, minute, second, fraction] = values;
  const milliseconds = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  return [
    Number(year),
    Number(month),
    Number(day),
    Number(hour ?? 0),
    Number(minute ?? 0),
    Number(second ?? 0),
    milliseconds,
  ];
}

function exists([year, month, day, hour, minute, second]: Parts): boolean {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function utcOf([year, month, day, hour, minute, second, ms]: Parts): number {
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms));
  date.setUTCFullYear(year);
  return date.getTime();
}

function zoneOffsetMinutes(zone: string): number {
  if (/^(Z|UTC|GMT)$/i.test(zone)) return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (match === null) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const HOUR = 3_600_000;
/** Offsets by zone and UTC hour, for hours without a change of time (Intl is slow: ~20 µs a call). */
const hourOffsets = new Map<string, number>();

/** Minutes the zone is ahead of UTC at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  const hour = Math.floor(instant / HOUR);
  const key = `${timeZone} ${hour}`;
  const cached = hourOffsets.get(key);
  if (cached !== undefined) return cached;
  const atStart = exactOffsetAt(hour * HOUR, timeZone);
  // Same offset at both ends of the hour: no change of time within it (changes are hours apart).
  if (exactOffsetAt(hour * HOUR + HOUR - 1000, timeZone) !== atStart) return exactOffsetAt(instant, timeZone);
  if (hourOffsets.size > 100_000) hourOffsets.clear();
  hourOffsets.set(key, atStart);
  return atStart;
}

function exactOffsetAt(instant: number, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((local - (instant - (instant % 1000))) / 60_000);
}

/**
 * Local wall-clock time in a zone to UTC. Two passes settle the offset around a change of
 * time; a wall-clock time that does not exist (the hour skipped in March) lands an hour on.
 */
function zonedToUtc(parts: Parts, timeZone: string): number {
  const wall = utcOf(parts);
  const first = wall - offsetAt(wall, timeZone) * 60_000;
  return wall - offsetAt(first, timeZone) * 60_000;
}

/** Throws a RangeError for a time zone the runtime does not know. */
export function assertTimeZone(timeZone: string): void {
  new Intl.DateTimeFormat('fr-FR', { timeZone });
}
