import { describe, expect, it } from 'vitest';
import { easterSunday, firstWorkingDay, frenchPublicHolidays, isWorkingDay } from './working-days.js';

describe('French working days', () => {
  it('finds Easter Sunday on the dates of the published tables', () => {
    expect(easterSunday(2024)).toEqual({ month: 3, day: 31 });
    expect(easterSunday(2025)).toEqual({ month: 4, day: 20 });
    expect(easterSunday(2026)).toEqual({ month: 4, day: 5 });
    expect(easterSunday(2027)).toEqual({ month: 3, day: 28 });
    expect(easterSunday(2038)).toEqual({ month: 4, day: 25 });
  });

  it('lists the eleven public holidays, the movable ones included', () => {
    const holidays = frenchPublicHolidays(2026);
    expect(holidays.size).toBe(11);
    // Easter Monday 6 April, Ascension 14 May, Whit Monday 25 May 2026.
    for (const day of ['2026-04-06', '2026-05-14', '2026-05-25', '2026-07-14', '2026-11-11'])
      expect(holidays.has(day)).toBe(true);
  });

  it('skips weekends and public holidays at the start of a month', () => {
    // 1 January 2027 is a Friday and a holiday: Monday 4 January.
    expect(firstWorkingDay('2027-01')).toBe('2027-01-04');
    // 1 May 2026 is a Friday and a holiday: Monday 4 May.
    expect(firstWorkingDay('2026-05')).toBe('2026-05-04');
    // 1 November 2026 is a Sunday (and a holiday): Monday 2 November.
    expect(firstWorkingDay('2026-11')).toBe('2026-11-02');
    // 1 December 2026 is a Tuesday.
    expect(firstWorkingDay('2026-12')).toBe('2026-12-01');
    // Easter Monday 2027 is 29 March; 1 April 2027 is a Thursday.
    expect(firstWorkingDay('2027-04')).toBe('2027-04-01');
    expect(isWorkingDay('2027-03-29')).toBe(false);
  });
});
