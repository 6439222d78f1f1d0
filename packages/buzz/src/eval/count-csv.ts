import { BuzzInputError } from '../types.js';

/** One row of a count series: when, and how many. */
export interface CountRow {
  /** The timestamp as written, copied to the output unchanged. */
  readonly timestamp: string;
  /** The value as written. */
  readonly value: string;
  readonly ms: number;
  readonly count: number;
}

/**
 * Reads a `timestamp,value` CSV (NAB's layout). Timestamps without a zone are UTC; a row that is
 * not a time and a non-negative number is an error naming its line, never silently skipped.
 */
export function parseCountCsv(text: string, source: string): CountRow[] {
  const lines = text.split(/\r?\n/);
  // A leading byte-order mark and spaces around the names are common in exported CSVs.
  const header = (lines[0] ?? '')
    .replace(/^\uFEFF/u, '')
    .split(',')
    .map((cell) => cell.trim().toLowerCase());
  const timeColumn = header.indexOf('timestamp');
  const valueColumn = header.indexOf('value');
  if (timeColumn < 0 || valueColumn < 0) {
    throw new BuzzInputError(`${source}: la première ligne doit nommer les colonnes timestamp et value`);
  }
  const rows: CountRow[] = [];
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] as string;
    if (line.trim() === '') continue;
    const cells = line.split(',');
    const timestamp = (cells[timeColumn] ?? '').trim();
    const value = (cells[valueColumn] ?? '').trim();
    const ms = parseTimestamp(timestamp);
    // Plain decimal only: « 0x10 », « 1e3 » or « Infinity » are not counts someone wrote.
    const count = /^\d+(?:\.\d+)?$/u.test(value) ? Number(value) : Number.NaN;
    if (!Number.isFinite(ms) || !Number.isFinite(count) || count < 0) {
      throw new BuzzInputError(
        `${source}, ligne ${index + 1} : horodatage ou valeur illisible (« ${line.slice(0, 80)} »)`,
      );
    }
    rows.push({ timestamp, value, ms, count });
  }
  return rows;
}

function parseTimestamp(text: string): number {
  // « 2015-02-26 21:42:53 » and ISO 8601; no zone means UTC.
  const match =
    /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/u.exec(text);
  if (match === null) return Number.NaN;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const fields = [
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second ?? 0),
  ] as const;
  const utc = Date.UTC(...fields) + Math.round(Number(fraction ?? 0) * 1000);
  // Date.UTC rolls impossible dates over (30 February becomes 2 March): refuse them instead.
  const check = new Date(Date.UTC(...fields));
  if (
    check.getUTCFullYear() !== fields[0] ||
    check.getUTCMonth() !== fields[1] ||
    check.getUTCDate() !== fields[2] ||
    check.getUTCHours() !== fields[3] ||
    check.getUTCMinutes() !== fields[4] ||
    check.getUTCSeconds() !== fields[5]
  ) {
    return Number.NaN;
  }
  return utc - zoneOffsetMs(zone);
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4));
  return sign * (hours * 60 + minutes) * 60_000;
}

/** The most common interval between consecutive rows, in seconds (the series' bucket). */
export function inferBucketSeconds(rows: readonly CountRow[]): number {
  const tally = new Map<number, number>();
  for (let index = 1; index < rows.length && index < 2000; index++) {
    const seconds = Math.round(((rows[index] as CountRow).ms - (rows[index - 1] as CountRow).ms) / 1000);
    if (seconds > 0) tally.set(seconds, (tally.get(seconds) ?? 0) + 1);
  }
  let best = 3600;
  let bestCount = 0;
  for (const [seconds, count] of tally) {
    if (count > bestCount) {
      best = seconds;
      bestCount = count;
    }
  }
  return best;
}
