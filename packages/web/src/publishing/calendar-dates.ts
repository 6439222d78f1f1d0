/** Pure date helpers of the editorial calendar, in the reader's own time zone. */

/** YYYY-MM-DD of a local date. */
export function dayKey(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Monday of the week holding `date` (weeks start on Monday in France). */
export function mondayOf(date: Date): Date {
  const day = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  const offset = (day.getDay() + 6) % 7;
  day.setDate(day.getDate() - offset);
  return day;
}

/** The days a view shows: the whole weeks around a month, or one week. */
export function visibleDays(anchor: Date, view: 'month' | 'week'): Date[] {
  const start =
    view === 'week' ? mondayOf(anchor) : mondayOf(new Date(anchor.getFullYear(), anchor.getMonth(), 1));
  const end =
    view === 'week'
      ? new Date(start.getFullYear(), start.getMonth(), start.getDate() + 6)
      : (() => {
          const last = new Date(anchor.getFullYear(), anchor.getMonth() + 1, 0);
          const monday = mondayOf(last);
          return new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 6);
        })();
  const days: Date[] = [];
  for (let d = new Date(start); d <= end; d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1))
    days.push(d);
  return days;
}

/** The same time of day as `iso`, moved to the local day `key`. */
export function movedTo(iso: string, key: string): string {
  const from = new Date(iso);
  const [year, month, day] = key.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day, from.getHours(), from.getMinutes()).toISOString();
}

/** The anchor one step before or after (a month, or a week). */
export function shifted(anchor: Date, view: 'month' | 'week', step: -1 | 1): Date {
  return view === 'month'
    ? new Date(anchor.getFullYear(), anchor.getMonth() + step, 1)
    : new Date(anchor.getFullYear(), anchor.getMonth(), anchor.getDate() + 7 * step);
}
