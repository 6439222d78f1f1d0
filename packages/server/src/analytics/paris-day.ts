/**
 * Days as people in a French hospital count them: Europe/Paris, 'YYYY-MM-DD'. The dashboards
 * group by these days, so an incident opened at 00:30 on 1 April (Paris) is April's, not March's.
 *
 * Converting a million timestamps with Intl is slow; Paris is always a whole number of hours from
 * UTC, so the day of a timestamp depends only on its UTC hour, which is cached.
 */
const FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const byHour = new Map<string, string>();
const MAX_CACHED_HOURS = 50_000;

/** The Paris day of an ISO timestamp (UTC). */
export function parisDay(iso: string): string {
  const hour = iso.slice(0, 13);
  const cached = byHour.get(hour);
  if (cached !== undefined) return cached;
  const day = FORMAT.format(new Date(`${hour}:00:00.000Z`));
  if (byHour.size >= MAX_CACHED_HOURS) byHour.clear();
  byHour.set(hour, day);
  return day;
}

const DAY_MS = 86_400_000;

/** `day` moved by `days` (calendar days; a day string has no time zone to cross). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS) + 1;
}

/** Every day from `from` to `to`, both included. */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** Whether a string is a real calendar day 'YYYY-MM-DD' (not 2026-02-30). */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00.000Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}
