import { describe, expect, it } from 'vitest';
import type { IncidentStatus, Role } from '../db/schema.js';
import { decisionRefusal, mayRecordDecision } from './decisions.js';
import { checkTransition, INCIDENT_STATUSES } from './workflow.js';

const DESK: readonly Role[] = ['communication', 'community_manager', 'legal'];
const ALLOWED: Record<string, readonly Role[]> = {
  'new>qualified': DESK,
  'qualified>decided': ['communication'],
  'decided>responded': ['communication', 'community_manager'],
  'decided>closed': ['communication'],
  'responded>closed': ['communication'],
  'closed>qualified': ['communication'],
};

describe('the workflow', () => {
  it('allows exactly the listed transitions to the listed roles', () => {
    for (const from of INCIDENT_STATUSES) {
      for (const to of INCIDENT_STATUSES) {
        const allowed = ALLOWED[`${from}>${to}`];
        for (const role of DESK) {
          const check = checkTransition(from as IncidentStatus, to as IncidentStatus, role);
          if (allowed === undefined) expect(check).toMatchObject({ ok: false, reason: 'impossible' });
          else if (allowed.includes(role)) expect(check).toEqual({ ok: true });
          else expect(check).toMatchObject({ ok: false, reason: 'role' });
        }
      }
    }
  });

  it('explains a refusal in French', () => {
    const check = checkTransition('new', 'closed', 'communication');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.detail).toContain('clos');
  });
});

describe('decisions', () => {
  it('lets legal record only the legal decisions, the director all, the community manager none', () => {
    expect(mayRecordDecision('legal', 'pharos')).toBe(true);
    expect(mayRecordDecision('legal', 'complaint')).toBe(true);
    expect(mayRecordDecision('legal', 'answer_publicly')).toBe(false);
    expect(mayRecordDecision('communication', 'answer_publicly')).toBe(true);
    expect(mayRecordDecision('community_manager', 'monitor')).toBe(false);
  });

  it('refuses PHAROS for defamation and insult, accepts it for threats and hate', () => {
    expect(decisionRefusal({ kind: 'pharos' }, 'defamation')).toContain('PHAROS');
    expect(decisionRefusal({ kind: 'pharos' }, 'insult')).not.toBeNull();
    expect(decisionRefusal({ kind: 'pharos' }, 'threat')).toBeNull();
    expect(decisionRefusal({ kind: 'pharos' }, 'hate')).toBeNull();
  });

  it('requires the targeted agent for protection fonctionnelle', () => {
    expect(
      decisionRefusal({ kind: 'protection_fonctionnelle', targetStaffName: '  ' }, 'defamation'),
    ).not.toBeNull();
    expect(
      decisionRefusal({ kind: 'protection_fonctionnelle', targetStaffName: 'Sophie Martin' }, 'defamation'),
    ).toBeNull();
  });
});
