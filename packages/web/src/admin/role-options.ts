import type { TFunction } from 'i18next';
import type { Role } from '../api/types';

/** packages/server/src/accounts/schemas.ts roleSchema, most powerful first. */
export const ROLES: readonly Role[] = [
  'admin',
  'direction',
  'communication',
  'community_manager',
  'legal',
  'agent',
];

export const roleOptions = (t: TFunction) => ROLES.map((value) => ({ value, label: t(`roles.${value}`) }));
