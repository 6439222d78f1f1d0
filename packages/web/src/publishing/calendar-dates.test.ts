import { describe, expect, it } from 'vitest';
import { dayKey, mondayOf, movedTo, shifted, visibleDays } from './calendar-dates';

describe('calendar dates', () => {
  it('shows November 2026 as whole weeks from Monday 26 October to Sunday 6 December', () => {
    const days = visibleDays(new Date(2026, 10, 15), 'month');
    expect(dayKey(days[0] as Date)).toBe('2026-10-26');
    expect(dayKey(days.at(-1) as Date)).toBe('2026-12-06');
    expect(days).toHaveLength(42);
  });

  it('starts a week on Monday and moves by months or weeks', () => {
    expect(dayKey(mondayOf(new Date(2026, 11, 6)))).toBe('2026-11-30');
    expect(visibleDays(new Date(2026, 11, 6), 'week')).toHaveLength(7);
    expect(dayKey(shifted(new Date(2026, 0, 31), 'month', 1))).toBe('2026-02-01');
    expect(dayKey(shifted(new Date(2026, 11, 28), 'week', 1))).toBe('2027-01-04');
  });

  it('keeps the time of day when a publication is dropped on another day', () => {
    const at = new Date(2026, 10, 14, 8, 30).toISOString();
    const moved = new Date(movedTo(at, '2026-11-18'));
    expect([moved.getDate(), moved.getHours(), moved.getMinutes()]).toEqual([18, 8, 30]);
  });
});
