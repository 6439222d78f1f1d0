/**
 * The actions of the audit trail the viewer names (server: every unit.audit({ action })). An
 * action not listed here shows as its code. Labels live in i18n under accounts.audit.actions, with
 * the dot replaced by « _ » (i18next reads dots as nesting).
 */
export const AUDIT_ACTIONS = [
  'user.create',
  'user.role_change',
  'user.remove',
  'user.disable',
  'user.enable',
  'user.password_reset',
  'user.password_change',
  'user.password_change_failed',
  'user.membership_add',
  'session.login',
  'session.logout',
  'establishment.create',
  'establishment.guard_lists_update',
  'establishment.group_set',
  'establishment.sso_update',
  'establishment.sso_disable',
  'establishment.sso_enable',
  'establishment.sso_remove',
  'group.create',
  'report.create',
  'incident.create',
  'incident.read',
  'incident.update',
  'incident.qualify',
  'incident.transition',
  'incident.decide',
  'incident.owner',
  'incident.dates',
  'incident.comment',
  'incident.notice',
  'evidence.add',
  'evidence.read',
  'evidence.list',
  'evidence.export',
  'audit.read',
] as const;

export const actionKey = (action: string) => `accounts.audit.actions.${action.replace('.', '_')}`;
