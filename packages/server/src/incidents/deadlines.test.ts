import { describe, expect, it } from 'vitest';
import {
  addMonths,
  computeDeadlines,
  type DeadlineInput,
  milestonesFromEvents,
  nextDue,
} from './deadlines.js';

const created = '2026-11-02T09:00:00.000Z';
const at = (iso: string) => new Date(iso);
const base: DeadlineInput = {
  severity: 'N3',
  category: 'other',
  createdAt: created,
  firstPublishedAt: null,
  breachAwareAt: null,
  milestones: {},
  now: at(created),
};
const byKind = (input: DeadlineInput) => Object.fromEntries(computeDeadlines(input).map((d) => [d.kind, d]));

describe('response targets (§3.5, calendar time)', () => {
  it('gives N4 its five targets', () => {
    const d = byKind({ ...base, severity: 'N4' });
    expect(d.qualify?.dueAt).toBe('2026-11-02T09:15:00.000Z');
    expect(d.alert?.dueAt).toBe('2026-11-02T09:30:00.000Z');
    expect(d.decision?.dueAt).toBe('2026-11-02T10:00:00.000Z');
    expect(d.first_action?.dueAt).toBe('2026-11-02T11:00:00.000Z');
    expect(d.answer?.dueAt).toBe('2026-11-03T09:00:00.000Z');
  });

  it('gives N3 one hour to qualify and N1 a day, N0 nothing', () => {
    expect(byKind(base).qualify?.dueAt).toBe('2026-11-02T10:00:00.000Z');
    const n1 = byKind({ ...base, severity: 'N1' });
    expect(Object.keys(n1)).toEqual(['qualify', 'first_action']);
    expect(n1.qualify?.dueAt).toBe('2026-11-03T09:00:00.000Z');
    expect(computeDeadlines({ ...base, severity: 'N0' })).toEqual([]);
  });

  it('moves from ok to soon (last quarter) to passed, and to met once done', () => {
    expect(byKind({ ...base, now: at('2026-11-02T09:30:00.000Z') }).qualify?.state).toBe('ok');
    expect(byKind({ ...base, now: at('2026-11-02T09:50:00.000Z') }).qualify?.state).toBe('soon');
    expect(byKind({ ...base, now: at('2026-11-02T10:00:01.000Z') }).qualify?.state).toBe('passed');
    const met = byKind({
      ...base,
      now: at('2026-11-02T10:30:00.000Z'),
      milestones: { qualifiedAt: '2026-11-02T09:40:00.000Z' },
    });
    expect(met.qualify?.state).toBe('met');
    expect(met.decision?.state).toBe('ok');
  });

  it('treats every open target of a closed incident as settled', () => {
    const states = computeDeadlines({
      ...base,
      now: at('2026-11-10T00:00:00.000Z'),
      milestones: { closedAt: '2026-11-02T09:30:00.000Z' },
    }).map((d) => d.state);
    expect(new Set(states)).toEqual(new Set(['met']));
  });
});

describe('legal clocks', () => {
  it('runs the 3-month press-law prescription for defamation from first publication', () => {
    const d = byKind({ ...base, category: 'defamation', firstPublishedAt: '2026-10-15T08:00:00.000Z' });
    expect(d.press_prescription?.dueAt).toBe('2027-01-15T08:00:00.000Z');
    expect(d.press_prescription?.state).toBe('ok');
    const late = byKind({
      ...base,
      category: 'insult',
      firstPublishedAt: '2026-10-15T08:00:00.000Z',
      now: at('2027-01-01T00:00:00.000Z'),
    });
    expect(late.press_prescription?.state).toBe('soon');
    const filed = byKind({
      ...base,
      category: 'insult',
      firstPublishedAt: '2026-10-15T08:00:00.000Z',
      now: at('2027-02-01T00:00:00.000Z'),
      milestones: { complaintAt: '2026-12-01T00:00:00.000Z' },
    });
    expect(filed.press_prescription?.state).toBe('met');
  });

  it('has no prescription without a publication date or outside the press law', () => {
    expect(byKind({ ...base, category: 'defamation' }).press_prescription).toBeUndefined();
    expect(
      byKind({ ...base, category: 'threat', firstPublishedAt: created }).press_prescription,
    ).toBeUndefined();
  });

  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2026-11-30T10:00:00.000Z', 3).toISOString()).toBe('2027-02-28T10:00:00.000Z');
  });

  it('runs the 72-hour GDPR clock for a secret breach from awareness', () => {
    const d = byKind({
      ...base,
      category: 'secret_breach',
      breachAwareAt: '2026-11-02T08:00:00.000Z',
      now: at('2026-11-05T08:00:01.000Z'),
    });
    expect(d.gdpr_notification?.dueAt).toBe('2026-11-05T08:00:00.000Z');
    expect(d.gdpr_notification?.state).toBe('passed');
    expect(
      byKind({ ...base, category: 'defamation', breachAwareAt: created }).gdpr_notification,
    ).toBeUndefined();
  });
});

describe('milestones from the history', () => {
  it('reads qualification, alert, decisions and the response', () => {
    const m = milestonesFromEvents(
      [
        { at: '2026-11-02T09:05:00.000Z', kind: 'created', detail: {} },
        { at: '2026-11-02T09:10:00.000Z', kind: 'qualification', detail: {} },
        { at: '2026-11-02T09:11:00.000Z', kind: 'owner', detail: {} },
        { at: '2026-11-02T09:20:00.000Z', kind: 'decision', detail: { decision: 'monitor' } },
        { at: '2026-11-02T09:30:00.000Z', kind: 'decision', detail: { decision: 'complaint' } },
        { at: '2026-11-02T10:00:00.000Z', kind: 'transition', detail: { to: 'responded' } },
      ],
      false,
    );
    expect(m).toEqual({
      qualifiedAt: '2026-11-02T09:10:00.000Z',
      alertedAt: '2026-11-02T09:11:00.000Z',
      decidedAt: '2026-11-02T09:20:00.000Z',
      firstActionAt: '2026-11-02T09:30:00.000Z',
      answeredAt: '2026-11-02T10:00:00.000Z',
      closedAt: undefined,
      complaintAt: '2026-11-02T09:30:00.000Z',
      cnilNotifiedAt: undefined,
    });
  });

  it('picks the soonest deadline still owed', () => {
    const deadlines = computeDeadlines({ ...base, milestones: { qualifiedAt: created } });
    expect(nextDue(deadlines)).toBe('2026-11-02T11:00:00.000Z');
  });
});
