import { describe, expect, it } from 'vitest';
import type { Role } from '../api/types';
import { canConfigureListening, canImportMentions, canOpenListeningSettings } from './listening-roles';

const ROLES: (Role | null)[] = ['admin', 'communication', 'community_manager', 'legal', 'agent', null];
const allowed = (rule: (role: Role | null) => boolean) => ROLES.filter(rule);

describe('who may do what in listening’s settings (as the server’s listening/policy.ts)', () => {
  it('imports an export: admin, communication and the community manager, not legal nor agents', () => {
    expect(allowed(canImportMentions)).toEqual(['admin', 'communication', 'community_manager']);
  });

  it('changes terms, sources and routes: admin and communication only', () => {
    expect(allowed(canConfigureListening)).toEqual(['admin', 'communication']);
  });

  it('opens « Réglages » whoever may do something there, so a community manager reaches the import', () => {
    expect(allowed(canOpenListeningSettings)).toEqual(['admin', 'communication', 'community_manager']);
  });
});
