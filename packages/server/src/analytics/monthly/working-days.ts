/**
 * The monthly report goes out on the first working day of the month, in France: not a Saturday,
 * not a Sunday, not a public holiday (Code du travail L3133-1: eleven days, three of them tied
 * to Easter). Alsace-Moselle's two extra days (Good Friday, 26 December) never fall on a first
 * working day of a month, so they need no case here.
 */

/** Easter Sunday of a Gregorian year (Meeus/Jones/Butcher), as month (1–12) and day. */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

const iso = (date: Date): string => date.toISOString().slice(0, 10);

/** France's public holidays of a year, as YYYY-MM-DD. */
export function frenchPublicHolidays(year: number): ReadonlySet<string> {
  const easter = easterSunday(year);
  const afterEaster = (days: number) => iso(new Date(Date.UTC(year, easter.month - 1, easter.day + days)));
  const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'].map(
    (monthDay) => `${year}-${monthDay}`,
  );
  // Easter Monday, Ascension Thursday, Whit Monday.
  return new Set([...fixed, afterEaster(1), afterEaster(39), afterEaster(50)]);
}

/** Whether a calendar day (YYYY-MM-DD) is worked in France. */
export function isWorkingDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !frenchPublicHolidays(date.getUTCFullYear()).has(day);
}

/** The first working day of a month (YYYY-MM), as YYYY-MM-DD. */
export function firstWorkingDay(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  for (let day = 1; ; day++) {
    const candidate = iso(new Date(Date.UTC(year, monthNumber - 1, day)));
    if (isWorkingDay(candidate)) return candidate;
  }
}
