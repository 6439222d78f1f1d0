import { describe, expect, it } from 'vitest';
import {
  latestDueMonth,
  monthDays,
  nextMonth,
  parisInstant,
  parisMonth,
  previousMonth,
  reportDueAt,
} from './monthly-schedule.js';

describe('the monthly report’s schedule', () => {
  it('reads Paris wall-clock times in winter and in summer', () => {
    expect(parisInstant('2027-01-04', '07:00').toISOString()).toBe('2027-01-04T06:00:00.000Z');
    expect(parisInstant('2026-07-01', '07:00').toISOString()).toBe('2026-07-01T05:00:00.000Z');
    // The day the clocks go forward (29 March 2026, 02:00 → 03:00): 07:00 is already summer time.
    expect(parisInstant('2026-03-29', '07:00').toISOString()).toBe('2026-03-29T05:00:00.000Z');
  });

  it('knows the Paris month at midnight on New Year’s Eve', () => {
    expect(parisMonth(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01');
    expect(parisMonth(new Date('2026-12-31T22:30:00Z'))).toBe('2026-12');
  });

  it('steps months across years and gives their days', () => {
    expect(previousMonth('2027-01')).toBe('2026-12');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(monthDays('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('sends December’s report on Monday 4 January at 07:00 Paris, not on New Year’s Day', () => {
    expect(reportDueAt('2026-12').toISOString()).toBe('2027-01-04T06:00:00.000Z');
    expect(latestDueMonth(new Date('2027-01-04T05:59:00Z'))).toBe('2026-11');
    expect(latestDueMonth(new Date('2027-01-04T06:00:00Z'))).toBe('2026-12');
    expect(latestDueMonth(new Date('2027-01-20T12:00:00Z'))).toBe('2026-12');
  });
});
