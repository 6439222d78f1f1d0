import type { Role } from '../db/schema.js';
import { type AppContext, inUnit } from '../http/context.js';
import { badRequest, notFound } from '../http/problem.js';
import { pending } from './sso-pending.js';
import { isLoopbackHttp, probeProvider } from './sso-probe.js';

/** An establishment's single sign-on as the administration sees it: never the secret. */
export interface SsoSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly defaultRole: Role;
  readonly enabled: boolean;
}

export interface SsoInput {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly defaultRole: Role;
}

/** The callback registered with the provider. */
export function redirectUri(context: AppContext): string {
  return `${context.config.publicUrl}/api/sso/callback`;
}

export function checkIssuer(issuer: string): URL {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw badRequest('emetteur_invalide', 'L’émetteur doit être une adresse https://.');
  }
  if (url.protocol !== 'https:' && !isLoopbackHttp(url)) {
    throw badRequest(
      'emetteur_invalide',
      'L’émetteur doit être une adresse https:// (http seulement en local).',
    );
  }
  if (url.username !== '' || url.password !== '' || url.hash !== '') {
    throw badRequest('emetteur_invalide', 'L’émetteur ne doit contenir ni identifiants ni fragment.');
  }
  return url;
}

export async function readSso(context: AppContext, establishmentId: string): Promise<SsoSettings | null> {
  const row = await context.storage.db
    .selectFrom('oidc_providers')
    .select(['issuer', 'client_id', 'default_role', 'enabled'])
    .where('establishment_id', '=', establishmentId)
    .executeTakeFirst();
  return row === undefined
    ? null
    : {
        issuer: row.issuer,
        clientId: row.client_id,
        defaultRole: row.default_role,
        enabled: row.enabled === 1,
      };
}

/**
 * Tries settings without saving them: the issuer is discovered and the client checked
 * (sso-probe.ts). Throws a French 400 or 422 naming what failed.
 */
export async function testSso(context: AppContext, input: SsoInput): Promise<void> {
  const issuer = input.issuer.trim();
  await probeProvider(checkIssuer(issuer), input.clientId, input.clientSecret, redirectUri(context));
}

/**
 * Saves settings that work: they are tested first (testSso), so a typo in the issuer or a wrong
 * secret is found by the administrator now, not by the staff at their next sign-in. Saving keeps
 * the on/off state; a first configuration is on.
 */
export async function writeSso(
  context: AppContext,
  actorId: string,
  establishmentId: string,
  input: SsoInput,
  onChange: () => void,
): Promise<SsoSettings> {
  // Stored as given: the issuer identifier is compared character for character with the one the
  // provider announces (some end with a slash, most do not).
  const issuer = input.issuer.trim();
  await testSso(context, input);
  await inUnit(context, async (unit) => {
    const values = {
      issuer,
      client_id: input.clientId,
      client_secret: input.clientSecret,
      default_role: input.defaultRole,
    };
    await unit.trx
      .insertInto('oidc_providers')
      .values({ establishment_id: establishmentId, ...values, created_at: unit.now.toISOString() })
      .onConflict((oc) => oc.column('establishment_id').doUpdateSet(values))
      .execute();
    await unit.audit({
      establishmentId,
      actorId,
      action: 'establishment.sso_update',
      targetType: 'establishment',
      targetId: establishmentId,
      // Never the secret.
      detail: { issuer, clientId: input.clientId, defaultRole: input.defaultRole },
    });
  });
  onChange();
  const saved = await readSso(context, establishmentId);
  if (saved === null) throw notFound();
  return saved;
}

/** Switches single sign-on off (kept, for switching it back on) or on. */
export async function setSsoEnabled(
  context: AppContext,
  actorId: string,
  establishmentId: string,
  enabled: boolean,
): Promise<SsoSettings> {
  await inUnit(context, async (unit) => {
    const result = await unit.trx
      .updateTable('oidc_providers')
      .set({ enabled: enabled ? 1 : 0 })
      .where('establishment_id', '=', establishmentId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw NOT_CONFIGURED();
    // Logins started before the switch must not finish after it.
    if (!enabled)
      await pending(unit.trx)
        .deleteFrom('sso_pending')
        .where('establishment_id', '=', establishmentId)
        .execute();
    await unit.audit({
      establishmentId,
      actorId,
      action: enabled ? 'establishment.sso_enable' : 'establishment.sso_disable',
      targetType: 'establishment',
      targetId: establishmentId,
    });
  });
  const saved = await readSso(context, establishmentId);
  if (saved === null) throw NOT_CONFIGURED();
  return saved;
}

/**
 * Removes the settings, secret included. Accounts made through single sign-on stay (they are in
 * the history); they sign in again once a provider is configured, or get a password.
 */
export async function removeSso(
  context: AppContext,
  actorId: string,
  establishmentId: string,
  onChange: () => void,
): Promise<void> {
  await inUnit(context, async (unit) => {
    const removed = await unit.trx
      .deleteFrom('oidc_providers')
      .where('establishment_id', '=', establishmentId)
      .returning(['issuer', 'client_id'])
      .executeTakeFirst();
    if (removed === undefined) throw NOT_CONFIGURED();
    await pending(unit.trx)
      .deleteFrom('sso_pending')
      .where('establishment_id', '=', establishmentId)
      .execute();
    await unit.audit({
      establishmentId,
      actorId,
      action: 'establishment.sso_remove',
      targetType: 'establishment',
      targetId: establishmentId,
      detail: { issuer: removed.issuer, clientId: removed.client_id },
    });
  });
  onChange();
}

const NOT_CONFIGURED = () => notFound('L’authentification unique n’est pas configurée.');
