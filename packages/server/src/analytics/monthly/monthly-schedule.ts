import { firstWorkingDay } from './working-days.js';

/**
 * When the monthly report leaves: 07:00 in Paris on the first working day of the month, so that
 * it waits in the direction's inbox at the start of the day. It reports on the month before.
 */
export const SEND_TIME = '07:00';
const PARIS = 'Europe/Paris';

const parisParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: PARIS,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The Paris wall-clock reading of an instant, as « YYYY-MM-DDTHH:MM » read as if it were UTC. */
function parisWallClockAsUtc(at: Date): number {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parisParts.formatToParts(at).find((entry) => entry.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
}

/** The instant when Paris reads `day` at `time` (HH:MM); never in a DST gap at 07:00. */
export function parisInstant(day: string, time: string): Date {
  const wanted = Date.parse(`${day}T${time}:00Z`);
  let guess = wanted;
  // Two corrections: the offset read at the first guess may differ from the one at the answer.
  for (let step = 0; step < 2; step++) guess += wanted - parisWallClockAsUtc(new Date(guess));
  return new Date(guess);
}

/** The month (YYYY-MM) Paris is in at an instant. */
export function parisMonth(at: Date): string {
  return new Date(parisWallClockAsUtc(at)).toISOString().slice(0, 7);
}

/** The month before (YYYY-MM). */
export function previousMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, number - 2, 1)).toISOString().slice(0, 7);
}

/** The month after (YYYY-MM). */
export function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, number, 1)).toISOString().slice(0, 7);
}

/** A month's first and last days (YYYY-MM-DD). */
export function monthDays(month: string): { from: string; to: string } {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10);
  return { from: `${month}-01`, to: last };
}

/** When a month's report is due: the first working day of the month after it, 07:00 Paris. */
export function reportDueAt(reportedMonth: string): Date {
  return parisInstant(firstWorkingDay(nextMonth(reportedMonth)), SEND_TIME);
}

/** The latest month whose report is due by `now` (its sending time has come). */
export function latestDueMonth(now: Date): string {
  const lastMonth = previousMonth(parisMonth(now));
  return reportDueAt(lastMonth).getTime() <= now.getTime() ? lastMonth : previousMonth(lastMonth);
}
