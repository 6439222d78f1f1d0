import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import * as oidc from 'openid-client';
import type { Database, Role } from '../db/schema.js';
import { type AppContext, inUnit } from '../http/context.js';
import { badRequest, conflict, notFound, Problem, unprocessable } from '../http/problem.js';
import {
  countMemberships,
  findUserByEmail,
  findUserByOidc,
  insertMembership,
  insertUser,
  membership,
} from './repository.js';
import { createSession, hashToken } from './sessions.js';

/** The table added by migration 0002 (db/schema.ts is shared; Kysely learns it here). */
interface SsoPendingTable {
  id: string;
  establishment_id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  created_at: string;
  expires_at: string;
}
type WithPending = Database & { sso_pending: SsoPendingTable };
const pending = (db: Kysely<Database> | Transaction<Database>) =>
  (db as Kysely<Database>).withTables<{ sso_pending: SsoPendingTable }>() as Kysely<WithPending>;

/** A login has ten minutes to come back from the identity provider. */
const PENDING_MS = 10 * 60_000;
/** Logins under way at once for one establishment: far above a real rush, far below a flood. */
export const MAX_PENDING_PER_ESTABLISHMENT = 1_000;
export const SSO_COOKIE = 'blouse_sso';
export const SSO_COOKIE_PATH = '/api/sso';

export interface SsoSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly defaultRole: Role;
}

/** Plain http only towards this machine (a test or a local provider); anything else needs https. */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
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
    .select(['issuer', 'client_id', 'default_role'])
    .where('establishment_id', '=', establishmentId)
    .executeTakeFirst();
  return row === undefined
    ? null
    : { issuer: row.issuer, clientId: row.client_id, defaultRole: row.default_role };
}

export async function writeSso(
  context: AppContext,
  actorId: string,
  establishmentId: string,
  input: { issuer: string; clientId: string; clientSecret: string; defaultRole: Role },
): Promise<SsoSettings> {
  // Stored as given: the issuer identifier is compared character for character with the one the
  // provider announces (some end with a slash, most do not).
  const issuer = input.issuer.trim();
  checkIssuer(issuer);
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
  configurations.clear();
  return { issuer, clientId: input.clientId, defaultRole: input.defaultRole };
}

/**
 * Discovery documents, per process. Only a cache: any process can rebuild it from the database,
 * so it does not matter for correctness that several processes hold different copies.
 */
const configurations = new Map<string, Promise<oidc.Configuration>>();

async function providerOf(context: AppContext, establishmentId: string) {
  const row = await context.storage.db
    .selectFrom('oidc_providers')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .executeTakeFirst();
  if (row === undefined) {
    throw notFound('L’authentification unique n’est pas configurée pour cet établissement.');
  }
  const key = JSON.stringify([row.issuer, row.client_id, row.client_secret]);
  let configuration = configurations.get(key);
  if (configuration === undefined) {
    const url = checkIssuer(row.issuer);
    configuration = oidc.discovery(
      url,
      row.client_id,
      undefined,
      oidc.ClientSecretPost(row.client_secret),
      isLoopbackHttp(url) ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    configurations.set(key, configuration);
    // A failed discovery (provider down) must not stay cached.
    configuration.catch(() => configurations.delete(key));
  }
  try {
    return { row, configuration: await configuration };
  } catch {
    throw new Problem(502, 'sso_indisponible', 'Le fournisseur d’identité de l’établissement ne répond pas.');
  }
}

function redirectUri(context: AppContext): string {
  return `${context.config.publicUrl}/api/sso/callback`;
}

/**
 * Starts a login: keeps state, nonce and PKCE verifier in a sso_pending row, keyed by the hash of
 * the random token returned for the cookie, and returns the provider's authorization URL.
 */
export async function startSso(
  context: AppContext,
  establishmentId: string,
): Promise<{ url: string; token: string; maxAgeSeconds: number }> {
  const { configuration } = await providerOf(context, establishmentId);
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const token = randomBytes(32).toString('base64url');
  const now = context.clock();
  const db = pending(context.storage.db);
  // Expired rows of abandoned logins are removed as new ones start.
  await db.deleteFrom('sso_pending').where('expires_at', '<=', now.toISOString()).execute();
  // This route needs no session: without a cap, anyone could fill the table. Live rows are
  // counted per establishment, so that a flood aimed at one establishment does not stop the
  // others' logins. A soft cap: concurrent starts may pass it by a few rows, which is harmless.
  const live = await db
    .selectFrom('sso_pending')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('establishment_id', '=', establishmentId)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirstOrThrow();
  if (Number(live.n) >= MAX_PENDING_PER_ESTABLISHMENT) {
    throw new Problem(
      429,
      'sso_trop_de_connexions',
      'Trop de connexions par l’authentification unique sont en cours pour cet établissement : réessayez dans quelques minutes.',
    );
  }
  await db
    .insertInto('sso_pending')
    .values({
      id: hashToken(token),
      establishment_id: establishmentId,
      state,
      nonce,
      code_verifier: verifier,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + PENDING_MS).toISOString(),
    })
    .execute();
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri(context),
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, token, maxAgeSeconds: PENDING_MS / 1000 };
}

const SSO_FAILED = (detail = 'La connexion par l’authentification unique a échoué : recommencez.') =>
  new Problem(401, 'sso_echec', detail);

/**
 * Finishes a login: the pending row is used once (deleted first), the code is exchanged with the
 * PKCE verifier, state and nonce are checked by openid-client, then the user is found or created.
 */
export async function finishSso(
  context: AppContext,
  token: string | undefined,
  callbackPathAndQuery: string,
): Promise<{ token: string; expiresAt: Date }> {
  if (token === undefined || token.length < 20 || token.length > 200) throw SSO_FAILED();
  const db = pending(context.storage.db);
  const row = await db
    .deleteFrom('sso_pending')
    .where('id', '=', hashToken(token))
    .returningAll()
    .executeTakeFirst();
  if (row === undefined || row.expires_at <= context.clock().toISOString()) throw SSO_FAILED();
  const { row: provider, configuration } = await providerOf(context, row.establishment_id);

  let claims: Record<string, unknown>;
  let subject: string;
  try {
    const tokens = await oidc.authorizationCodeGrant(
      configuration,
      new URL(callbackPathAndQuery, context.config.publicUrl),
      {
        pkceCodeVerifier: row.code_verifier,
        expectedState: row.state,
        expectedNonce: row.nonce,
        idTokenExpected: true,
      },
    );
    const idToken = tokens.claims();
    if (idToken === undefined) throw SSO_FAILED();
    subject = idToken.sub;
    claims = { ...idToken };
    // Many providers put e-mail and name only in the UserInfo response, not in the ID token;
    // fetchUserInfo checks that its subject is the ID token's.
    if (typeof claims.email !== 'string') {
      claims = { ...(await oidc.fetchUserInfo(configuration, tokens.access_token, subject)), ...claims };
    }
  } catch {
    throw SSO_FAILED();
  }
  const issuer = provider.issuer;
  const email =
    typeof claims.email === 'string' ? claims.email.trim().toLowerCase().slice(0, 254) : undefined;
  const emailVerified = claims.email_verified === true;
  const name =
    typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name.trim().slice(0, 120) : email;

  return inUnit(context, async (unit) => {
    const establishmentId = row.establishment_id;
    let user = await findUserByOidc(unit.trx, issuer, subject);
    let created = false;
    if (user === undefined && email !== undefined && emailVerified) {
      const byEmail = await findUserByEmail(unit.trx, email);
      if (byEmail !== undefined) {
        // An establishment's admin chooses its provider, so the provider's word on an e-mail is
        // only that admin's word. Linking by e-mail is therefore limited to an account this
        // establishment alone could have made: no password, no other identity, and no membership
        // anywhere else. Anything more (a password, another establishment's roles) would let one
        // establishment's admin take over an account they do not own.
        const member = await membership(unit.trx, byEmail.id, establishmentId);
        const linkable =
          member !== undefined &&
          byEmail.password_hash === null &&
          byEmail.oidc_issuer === null &&
          byEmail.oidc_subject === null &&
          (await countMemberships(unit.trx, byEmail.id)) === 1;
        if (!linkable) {
          throw conflict(
            'sso_compte_existant',
            'Un compte Blouse existe déjà avec cette adresse e-mail et ne peut pas être relié automatiquement à l’authentification unique : demandez à votre administrateur.',
          );
        }
        await unit.trx
          .updateTable('users')
          .set({ oidc_issuer: issuer, oidc_subject: subject })
          .where('id', '=', byEmail.id)
          .execute();
        user = { ...byEmail, oidc_issuer: issuer, oidc_subject: subject };
      }
    }
    if (user === undefined) {
      if (email === undefined || !emailVerified || name === undefined) {
        throw unprocessable(
          'sso_email_manquant',
          'Le fournisseur d’identité n’a pas transmis d’adresse e-mail vérifiée.',
        );
      }
      const id = randomUUID();
      await insertUser(
        unit.trx,
        { id, email, displayName: name, passwordHash: null, oidcIssuer: issuer, oidcSubject: subject },
        unit.now,
      );
      user = (await findUserByOidc(unit.trx, issuer, subject)) as NonNullable<typeof user>;
      created = true;
      await unit.audit({
        establishmentId,
        actorId: null,
        action: 'user.create',
        targetType: 'user',
        targetId: id,
        detail: { method: 'oidc', role: provider.default_role },
      });
    }
    if (user.disabled === 1 || (user.demo === 1 && !context.config.demo)) throw SSO_FAILED();
    if ((await membership(unit.trx, user.id, establishmentId)) === undefined) {
      await insertMembership(unit.trx, user.id, establishmentId, provider.default_role, unit.now);
      if (!created) {
        await unit.audit({
          establishmentId,
          actorId: null,
          action: 'user.membership_add',
          targetType: 'user',
          targetId: user.id,
          detail: { method: 'oidc', role: provider.default_role },
        });
      }
    }
    const session = await createSession(unit.trx, user.id, unit.now, context.config.sessionHours);
    await unit.audit({
      establishmentId,
      actorId: user.id,
      action: 'session.login',
      targetType: 'session',
      targetId: hashToken(session.token),
      detail: { method: 'oidc' },
    });
    return { token: session.token, expiresAt: session.expiresAt };
  });
}
