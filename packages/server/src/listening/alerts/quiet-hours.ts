/** « HH:MM », 00:00 to 23:59. */
export const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

const PARIS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Minutes since local midnight in Paris at `at`. */
function parisMinutes(at: Date): number {
  const parts = PARIS.formatToParts(at);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value);
  return hour * 60 + minute;
}

/**
 * When an alert may be sent to a route with quiet hours from `from` to `until` (Paris time; a
 * range across midnight such as 22:00–07:00 is the usual case): `now` outside them, else the
 * minute they end. Equal bounds mean no quiet hours.
 */
export function endOfQuietHours(now: Date, from: string | null, until: string | null): Date {
  if (from === null || until === null || !HH_MM.test(from) || !HH_MM.test(until) || from === until)
    return now;
  const start = minutesOf(from);
  const end = minutesOf(until);
  const local = parisMinutes(now);
  const quiet = start < end ? local >= start && local < end : local >= start || local < end;
  if (!quiet) return now;
  const wait = (end - local + 1440) % 1440;
  const startOfMinute = Math.floor(now.getTime() / 60_000) * 60_000;
  const candidate = new Date(startOfMinute + wait * 60_000);
  // A change of time in between moves the wall clock by an hour: correct by what it shows then.
  const drift = ((end - parisMinutes(candidate) + 1440 + 720) % 1440) - 720;
  return new Date(candidate.getTime() + drift * 60_000);
}
