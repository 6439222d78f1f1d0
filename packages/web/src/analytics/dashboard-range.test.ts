import { describe, expect, it } from 'vitest';
import { daysIn, parisToday, presetRange, rangeProblem } from './dashboard-range';

describe('dashboard ranges', () => {
  it('ends every preset today, Paris time', () => {
    expect(parisToday(new Date('2026-03-31T22:30:00.000Z'))).toBe('2026-04-01');
    expect(presetRange('30d', '2026-11-02')).toEqual({ from: '2026-10-04', to: '2026-11-02' });
    expect(daysIn(presetRange('30d', '2026-11-02'))).toBe(30);
    expect(presetRange('3m', '2026-11-02')).toEqual({ from: '2026-08-03', to: '2026-11-02' });
    expect(presetRange('12m', '2026-11-02')).toEqual({ from: '2025-11-03', to: '2026-11-02' });
    // 31 May minus three months: the last day of February, then the next day.
    expect(presetRange('3m', '2026-05-31')).toEqual({ from: '2026-03-01', to: '2026-05-31' });
    expect(daysIn(presetRange('12m', '2026-11-02'))).toBeLessThanOrEqual(400);
  });

  it('says why a custom range cannot be read', () => {
    expect(rangeProblem({ from: '2026-10-01', to: '2026-10-31' })).toBeNull();
    expect(rangeProblem({ from: '', to: '2026-10-31' })).toBe('missing');
    expect(rangeProblem({ from: '2026-11-01', to: '2026-10-31' })).toBe('inverted');
    expect(rangeProblem({ from: '2025-01-01', to: '2026-10-31' })).toBe('tooLong');
  });
});
