import { client, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import type { GuardLists, Role } from '../api/types';

/** The establishment's administration routes (packages/server/src/accounts/admin-routes.ts). */
const inEstablishment = (establishmentId: string) => ({ params: { path: { establishmentId } } });
const member = (establishmentId: string, userId: string) => ({
  params: { path: { establishmentId, userId } },
});

export const membersKey = (establishmentId: string) => ['admin-users', establishmentId] as const;
export const listsKey = (establishmentId: string) => ['admin-guard-lists', establishmentId] as const;
export const ssoKey = (establishmentId: string) => ['admin-sso', establishmentId] as const;

/** Page size of the users list. */
export const MEMBERS_PAGE = 20;

export const fetchMembers = (establishmentId: string, q: string, offset: number, signal?: AbortSignal) =>
  unwrap(
    client.GET('/api/establishments/{establishmentId}/users', {
      params: { path: { establishmentId }, query: { q, offset, limit: MEMBERS_PAGE } },
      signal,
    }),
  );

export const setDisabled = (establishmentId: string, userId: string, disabled: boolean) =>
  unwrap(
    disabled
      ? client.POST(
          '/api/establishments/{establishmentId}/users/{userId}/disable',
          member(establishmentId, userId),
        )
      : client.POST(
          '/api/establishments/{establishmentId}/users/{userId}/enable',
          member(establishmentId, userId),
        ),
  );

export const resetPassword = (establishmentId: string, userId: string) =>
  unwrap(
    client.POST(
      '/api/establishments/{establishmentId}/users/{userId}/password-reset',
      member(establishmentId, userId),
    ),
  );

export type NewMember =
  paths['/api/establishments/{establishmentId}/users']['post']['requestBody']['content']['application/json'];

export const createMember = (establishmentId: string, body: NewMember) =>
  unwrap(
    client.POST('/api/establishments/{establishmentId}/users', { ...inEstablishment(establishmentId), body }),
  );

export const changeRole = (establishmentId: string, userId: string, role: Role) =>
  unwrap(
    client.PATCH('/api/establishments/{establishmentId}/users/{userId}', {
      ...member(establishmentId, userId),
      body: { role },
    }),
  );

export const removeMember = (establishmentId: string, userId: string) =>
  unwrap(
    client.DELETE('/api/establishments/{establishmentId}/users/{userId}', member(establishmentId, userId)),
  );

export const fetchGuardLists = (establishmentId: string, signal?: AbortSignal) =>
  unwrap(
    client.GET('/api/establishments/{establishmentId}/guard-lists', {
      ...inEstablishment(establishmentId),
      signal,
    }),
  );

export const saveGuardLists = (establishmentId: string, lists: GuardLists) =>
  unwrap(
    client.PUT('/api/establishments/{establishmentId}/guard-lists', {
      ...inEstablishment(establishmentId),
      body: lists,
    }),
  );

export const fetchSso = (establishmentId: string, signal?: AbortSignal) =>
  unwrap(
    client.GET('/api/establishments/{establishmentId}/sso', { ...inEstablishment(establishmentId), signal }),
  );

export type SsoInput =
  paths['/api/establishments/{establishmentId}/sso']['put']['requestBody']['content']['application/json'];

export const saveSso = (establishmentId: string, body: SsoInput) =>
  unwrap(
    client.PUT('/api/establishments/{establishmentId}/sso', { ...inEstablishment(establishmentId), body }),
  );

export const testSso = (establishmentId: string, body: SsoInput) =>
  unwrap(
    client.POST('/api/establishments/{establishmentId}/sso/test', {
      ...inEstablishment(establishmentId),
      body,
    }),
  );

export const setSsoEnabled = (establishmentId: string, enabled: boolean) =>
  unwrap(
    client.PATCH('/api/establishments/{establishmentId}/sso', {
      ...inEstablishment(establishmentId),
      body: { enabled },
    }),
  );

export const removeSso = (establishmentId: string) =>
  unwrap(client.DELETE('/api/establishments/{establishmentId}/sso', inEstablishment(establishmentId)));
