import { describe, expect, it } from 'vitest';
import { endOfQuietHours } from './quiet-hours.js';

describe('quiet hours (Europe/Paris)', () => {
  it('holds an alert inside a range across midnight until it ends', () => {
    // 23:30 in Paris in winter (UTC+1).
    const now = new Date('2026-11-02T22:30:00.000Z');
    expect(endOfQuietHours(now, '22:00', '07:00').toISOString()).toBe('2026-11-03T06:00:00.000Z');
  });

  it('lets an alert go outside the range, and with no or empty quiet hours', () => {
    const now = new Date('2026-11-02T12:00:00.000Z');
    expect(endOfQuietHours(now, '22:00', '07:00')).toEqual(now);
    expect(endOfQuietHours(now, null, null)).toEqual(now);
    expect(endOfQuietHours(now, '08:00', '08:00')).toEqual(now);
  });

  it('handles a range within one day, in summer time', () => {
    // 13:15 in Paris in summer (UTC+2), quiet 12:00–14:00.
    const now = new Date('2026-07-01T11:15:20.000Z');
    expect(endOfQuietHours(now, '12:00', '14:00').toISOString()).toBe('2026-07-01T12:00:00.000Z');
  });

  it('ends at the local hour across the autumn change of time', () => {
    // 2026-10-25 is the night the clocks go back; 01:00 Paris (UTC+2) → 07:00 Paris (UTC+1).
    const now = new Date('2026-10-24T23:00:00.000Z');
    expect(endOfQuietHours(now, '22:00', '07:00').toISOString()).toBe('2026-10-25T06:00:00.000Z');
  });
});
