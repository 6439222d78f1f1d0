/**
 * The date ranges of the dashboard: three presets and a custom one, as Paris days 'YYYY-MM-DD'
 * (the server counts days in Europe/Paris). Pure functions, so that the presets are tested.
 */
export type RangePreset = '30d' | '3m' | '12m' | 'custom';

export interface DayRange {
  readonly from: string;
  readonly to: string;
}

/** The longest range the server reads (analytics/period.ts). */
export const MAX_DAYS = 400;

const FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export const parisToday = (now: Date = new Date()): string => FORMAT.format(now);

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The same day `months` earlier (the last day of a shorter month), plus one day: « 3 mois » ending today. */
function monthsBack(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 - months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, last));
  return addDays(target.toISOString().slice(0, 10), 1);
}

export function presetRange(preset: Exclude<RangePreset, 'custom'>, today: string): DayRange {
  if (preset === '30d') return { from: addDays(today, -29), to: today };
  return { from: monthsBack(today, preset === '3m' ? 3 : 12), to: today };
}

export function daysIn(range: DayRange): number {
  return Math.round((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000) + 1;
}

/** Why a custom range cannot be read, as an i18n key, or null when it can. */
export function rangeProblem(range: DayRange): 'missing' | 'inverted' | 'tooLong' | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(range.from) || !/^\d{4}-\d{2}-\d{2}$/.test(range.to)) return 'missing';
  if (range.from > range.to) return 'inverted';
  if (daysIn(range) > MAX_DAYS) return 'tooLong';
  return null;
}
