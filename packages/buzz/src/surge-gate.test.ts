import { describe, expect, it } from 'vitest';
import { type GateSettings, SurgeGate } from './surge-gate.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SETTINGS: GateSettings = {
  watchSurprise: 4,
  alertSurprise: 5,
  calmSurprise: 2,
  coolDownMinutes: 60,
  warmUpBuckets: 24,
  settleBuckets: 168,
  settleExtra: 2,
  alarmBudgetPerWeek: 1,
};

/** A settled gate (past its first week) that sees a surge of surprise `s` at `ms`, then calm. */
function surge(gate: SurgeGate, ms: number, s: number): boolean {
  const opened = gate.follow(ms, 1000, s, s).onset;
  gate.follow(ms + HOUR, 1000, 0, 0);
  gate.follow(ms + 2 * HOUR, 1000, 0, 0);
  return opened;
}

describe('SurgeGate', () => {
  it('raises nothing during warm-up, then asks more of a young series, less as it settles', () => {
    const gate = new SurgeGate(SETTINGS);
    expect(gate.follow(0, 24, 50, 50)).toEqual({ level: 'normal', onset: false });
    expect(gate.extraSurprise(0, 25)).toBeCloseTo(2 * (1 - 25 / 168), 12);
    expect(gate.extraSurprise(0, 100)).toBeCloseTo(2 * (1 - 100 / 168), 12);
    expect(gate.extraSurprise(0, 168)).toBe(0);
    // 6.5 is an alert for a settled series, only a watch right after warm-up.
    expect(new SurgeGate(SETTINGS).follow(0, 25, 6.5, 6.5)).toEqual({ level: 'watch', onset: true });
    expect(new SurgeGate(SETTINGS).follow(0, 500, 6.5, 6.5)).toEqual({ level: 'alert', onset: true });
  });

  it('keeps one level for one surge (hysteresis) until a cool-down of calm', () => {
    const gate = new SurgeGate(SETTINGS);
    expect(gate.follow(0, 500, 4.5, 4.5)).toEqual({ level: 'watch', onset: true });
    expect(gate.follow(HOUR / 12, 500, 4.2, 4.2)).toEqual({ level: 'watch', onset: false });
    expect(gate.follow(HOUR / 6, 500, 6, 6)).toEqual({ level: 'alert', onset: true });
    expect(gate.follow(HOUR / 4, 500, 1, 1)).toEqual({ level: 'alert', onset: false });
    expect(gate.follow(2 * HOUR, 500, 1, 1)).toEqual({ level: 'normal', onset: false });
    expect(gate.lastCalmMs).toBe(HOUR / 4);
  });

  it('spends the budget: a series alarming every day must become ever more unusual to alarm', () => {
    const gate = new SurgeGate(SETTINGS);
    const opened: boolean[] = [];
    for (let day = 0; day < 14; day++) opened.push(surge(gate, day * DAY, 6));
    // The first days ring; then the threshold climbs past 6 and the daily storm is ordinary.
    expect(opened.slice(0, 2)).toEqual([true, true]);
    expect(opened.slice(7).filter(Boolean).length).toBeLessThan(3);
    expect(gate.extraSurprise(14 * DAY, 1000)).toBeGreaterThan(0);
    // A much larger surge still gets through.
    expect(surge(gate, 14 * DAY, 20)).toBe(true);
  });

  it('forgets the spent budget over the following weeks', () => {
    const gate = new SurgeGate(SETTINGS);
    for (let day = 0; day < 5; day++) surge(gate, day * DAY, 6);
    const spent = gate.extraSurprise(5 * DAY, 1000);
    expect(spent).toBeGreaterThan(0);
    expect(gate.onsetsAt(5 * DAY + 7 * DAY)).toBeCloseTo(gate.onsetsAt(5 * DAY) / Math.E, 9);
    expect(gate.extraSurprise(5 * DAY + 28 * DAY, 1000)).toBe(0);
  });

  it('does not touch a series that alarms within its budget', () => {
    const gate = new SurgeGate(SETTINGS);
    for (let week = 0; week < 6; week++) {
      expect(surge(gate, week * 14 * DAY, 4.5)).toBe(true);
    }
  });
});
