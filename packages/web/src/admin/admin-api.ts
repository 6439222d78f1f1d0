import { api } from '../api/client';
import type { GuardLists, Member, MemberPage, Role, SsoSettings } from '../api/types';

/** The establishment's administration routes (packages/server/src/accounts/admin-routes.ts). */
const base = (establishmentId: string) => `/api/establishments/${encodeURIComponent(establishmentId)}`;

export const membersKey = (establishmentId: string) => ['admin-users', establishmentId] as const;
export const listsKey = (establishmentId: string) => ['admin-guard-lists', establishmentId] as const;
export const ssoKey = (establishmentId: string) => ['admin-sso', establishmentId] as const;

/** Page size of the users list. */
export const MEMBERS_PAGE = 20;

export const fetchMembers = (establishmentId: string, q: string, offset: number, signal?: AbortSignal) =>
  api<MemberPage>(
    `${base(establishmentId)}/users?${new URLSearchParams({ q, offset: String(offset), limit: String(MEMBERS_PAGE) })}`,
    { signal },
  );

const userPath = (establishmentId: string, userId: string) =>
  `${base(establishmentId)}/users/${encodeURIComponent(userId)}`;

export const setDisabled = (establishmentId: string, userId: string, disabled: boolean) =>
  api<Member>(`${userPath(establishmentId, userId)}/${disabled ? 'disable' : 'enable'}`, { method: 'POST' });

export const resetPassword = (establishmentId: string, userId: string) =>
  api<{ temporaryPassword: string }>(`${userPath(establishmentId, userId)}/password-reset`, {
    method: 'POST',
  });

export interface NewMember {
  email: string;
  displayName: string;
  role: Role;
  password?: string;
}

export const createMember = (establishmentId: string, body: NewMember) =>
  api<Member>(`${base(establishmentId)}/users`, { method: 'POST', body });

export const changeRole = (establishmentId: string, userId: string, role: Role) =>
  api<Member>(`${base(establishmentId)}/users/${encodeURIComponent(userId)}`, {
    method: 'PATCH',
    body: { role },
  });

export const removeMember = (establishmentId: string, userId: string) =>
  api<void>(`${base(establishmentId)}/users/${encodeURIComponent(userId)}`, { method: 'DELETE' });

export const fetchGuardLists = (establishmentId: string, signal?: AbortSignal) =>
  api<GuardLists>(`${base(establishmentId)}/guard-lists`, { signal });

export const saveGuardLists = (establishmentId: string, lists: GuardLists) =>
  api<GuardLists>(`${base(establishmentId)}/guard-lists`, { method: 'PUT', body: lists });

export const fetchSso = (establishmentId: string, signal?: AbortSignal) =>
  api<SsoSettings>(`${base(establishmentId)}/sso`, { signal });

export const saveSso = (
  establishmentId: string,
  body: { issuer: string; clientId: string; clientSecret: string; defaultRole: Role },
) => api<SsoSettings>(`${base(establishmentId)}/sso`, { method: 'PUT', body });

export type SsoInput = { issuer: string; clientId: string; clientSecret: string; defaultRole: Role };

export const testSso = (establishmentId: string, body: SsoInput) =>
  api<void>(`${base(establishmentId)}/sso/test`, { method: 'POST', body });

export const setSsoEnabled = (establishmentId: string, enabled: boolean) =>
  api<SsoSettings>(`${base(establishmentId)}/sso`, { method: 'PATCH', body: { enabled } });

export const removeSso = (establishmentId: string) =>
  api<void>(`${base(establishmentId)}/sso`, { method: 'DELETE' });
