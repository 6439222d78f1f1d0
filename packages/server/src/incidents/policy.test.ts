import { describe, expect, it } from 'vitest';
import type { IncidentStatus, Role } from '../db/schema.js';
import { permittedActions } from './policy.js';

const on = (role: Role, status: IncidentStatus, category = 'threat' as const, hasReport = true) =>
  permittedActions({ role, status, category, hasReport });

describe('the permitted actions on an incident', () => {
  it('give nothing to roles outside the desk', () => {
    for (const role of ['agent', 'admin'] as const) {
      const actions = on(role, 'qualified');
      expect(actions.changeStatus).toEqual([]);
      expect(actions.decide).toEqual([]);
      expect(Object.values(actions).filter((value) => value === true)).toEqual([]);
    }
  });

  it('let every desk role qualify a new incident, and only the director close or reopen', () => {
    for (const role of ['communication', 'community_manager', 'legal'] as const) {
      expect(on(role, 'new').changeStatus).toEqual(['qualified']);
      expect(on(role, 'new').qualify).toBe(true);
    }
    expect(on('communication', 'decided').changeStatus).toEqual(['responded', 'closed']);
    expect(on('community_manager', 'decided').changeStatus).toEqual(['responded']);
    expect(on('legal', 'decided').changeStatus).toEqual([]);
    expect(on('communication', 'closed').changeStatus).toEqual(['qualified']);
    expect(on('communication', 'closed').qualify).toBe(false);
    expect(on('legal', 'closed').changeStatus).toEqual([]);
  });

  it('offer decisions by role once qualified and until closed', () => {
    expect(on('communication', 'new').decide).toEqual([]);
    expect(on('communication', 'closed').decide).toEqual([]);
    expect(on('communication', 'qualified').decide).toHaveLength(11);
    expect(on('legal', 'decided').decide).toEqual([
      'platform_notice',
      'pharos',
      'complaint',
      'protection_fonctionnelle',
      'cnil_notification',
    ]);
    expect(on('community_manager', 'qualified').decide).toEqual([]);
  });

  it('leave PHAROS out when the category is not its business', () => {
    expect(on('legal', 'qualified', 'threat').decide).toContain('pharos');
    expect(on('legal', 'qualified', 'defamation' as 'threat').decide).not.toContain('pharos');
  });

  it('keep the evidence zip and the notice to the director and the legal service', () => {
    expect(on('communication', 'qualified').exportEvidence).toBe(true);
    expect(on('legal', 'qualified').editNotice).toBe(true);
    expect(on('community_manager', 'qualified').exportEvidence).toBe(false);
    expect(on('community_manager', 'qualified').editNotice).toBe(false);
    expect(on('community_manager', 'qualified').notice).toBe(true);
    expect(on('community_manager', 'qualified').exportCaseFile).toBe(true);
  });

  it('offer no notice for lawful criticism or without a reported address', () => {
    expect(on('legal', 'qualified', 'complaint' as 'threat').notice).toBe(false);
    expect(on('legal', 'qualified', 'threat', false).notice).toBe(false);
    expect(on('legal', 'qualified', 'threat', false).markNoticeSent).toBe(false);
  });
});
