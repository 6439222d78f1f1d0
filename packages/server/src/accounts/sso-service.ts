import { randomBytes, randomUUID } from 'node:crypto';
import * as oidc from 'openid-client';
import { lockChain } from '../db/database.js';
import { type AppContext, inUnit } from '../http/context.js';
import { conflict, notFound, Problem, unprocessable } from '../http/problem.js';
import { isSafeLine, toSafeLine } from '../http/safe-text.js';
import {
  countMemberships,
  findUserByEmail,
  findUserByOidc,
  insertMembership,
  insertUser,
  membership,
} from './repository.js';
import { createSession, hashToken } from './sessions.js';
import { pending } from './sso-pending.js';
import { discover } from './sso-probe.js';
import { checkIssuer, redirectUri } from './sso-settings.js';

/** A login has ten minutes to come back from the identity provider. */
const PENDING_MS = 10 * 60_000;
/**
 * Logins under way at once for one establishment. Beyond it the oldest are dropped rather than
 * new ones refused: a flood from many addresses costs an abandoned login a retry, never blocks
 * everyone's sign-in.
 */
export const MAX_PENDING_PER_ESTABLISHMENT = 1_000;
/**
 * Logins under way at once from one address: a person opens one or two, a whole hospital behind
 * one address finishes theirs in seconds (a used row is deleted). Beyond it: 429.
 */
export const MAX_PENDING_PER_ADDRESS = 30;
export const SSO_COOKIE = 'blouse_sso';
export const SSO_COOKIE_PATH = '/api/sso';

/** Too many logins under way from one address: refused until its oldest one expires. */
export class TooManySsoStarts extends Problem {
  constructor(readonly until: Date) {
    super(
      429,
      'sso_trop_de_connexions',
      'Trop de connexions par l’authentification unique ont été commencées depuis cette adresse : réessayez dans quelques minutes.',
    );
  }
}

/**
 * Discovery documents, per process. Only a cache: any process can rebuild it from the database,
 * so it does not matter for correctness that several processes hold different copies.
 */
const configurations = new Map<string, Promise<oidc.Configuration>>();

/** Called when settings change: the next login discovers the provider again. */
export function forgetConfigurations(): void {
  configurations.clear();
}

/** The provider's unavailability, in words for the person at the sign-in page. */
export const PROVIDER_DOWN = () =>
  new Problem(
    502,
    'sso_indisponible',
    'L’annuaire de l’établissement (le fournisseur d’identité) ne répond pas pour le moment.',
  );

async function providerOf(context: AppContext, establishmentId: string) {
  const row = await context.storage.db
    .selectFrom('oidc_providers')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .where('enabled', '=', 1)
    .executeTakeFirst();
  if (row === undefined) {
    throw notFound('L’authentification unique n’est pas configurée pour cet établissement.');
  }
  const key = JSON.stringify([row.issuer, row.client_id, row.client_secret]);
  let configuration = configurations.get(key);
  if (configuration === undefined) {
    configuration = discover(checkIssuer(row.issuer), row.client_id, row.client_secret);
    configurations.set(key, configuration);
    // A failed discovery (provider down) must not stay cached.
    configuration.catch(() => configurations.delete(key));
  }
  try {
    return { row, configuration: await configuration };
  } catch {
    throw PROVIDER_DOWN();
  }
}

/**
 * Starts a login: keeps state, nonce and PKCE verifier in a sso_pending row, keyed by the hash of
 * the random token returned for the cookie, and returns the provider's authorization URL.
 * This route needs no session, so whoever calls it is bounded: per address (429 beyond
 * MAX_PENDING_PER_ADDRESS live logins), and per establishment by dropping the oldest logins
 * beyond MAX_PENDING_PER_ESTABLISHMENT, so that no flood stops others from starting theirs.
 */
export async function startSso(
  context: AppContext,
  establishmentId: string,
  clientAddress: string,
): Promise<{ url: string; token: string; maxAgeSeconds: number }> {
  const { configuration } = await providerOf(context, establishmentId);
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const token = randomBytes(32).toString('base64url');
  const id = hashToken(token);
  const address = hashToken(`sso-address:${clientAddress}`);
  await inUnit(context, async (unit) => {
    const db = pending(unit.trx);
    const now = unit.now.toISOString();
    // Serialised per address (PostgreSQL advisory lock; SQLite has one writer): parallel starts
    // from one address cannot all pass the count below.
    await lockChain(unit.trx, context.storage.dialect, `sso-start:${address}`);
    // Abandoned logins are removed as new ones start.
    await db.deleteFrom('sso_pending').where('expires_at', '<=', now).execute();
    const mine = await db
      .selectFrom('sso_pending')
      .select([
        (eb) => eb.fn.countAll<string | number>().as('n'),
        (eb) => eb.fn.min('expires_at').as('first'),
      ])
      .where('client_address', '=', address)
      .executeTakeFirstOrThrow();
    if (Number(mine.n) >= MAX_PENDING_PER_ADDRESS) {
      throw new TooManySsoStarts(new Date(String(mine.first)));
    }
    await db
      .insertInto('sso_pending')
      .values({
        id,
        establishment_id: establishmentId,
        state,
        nonce,
        code_verifier: verifier,
        created_at: now,
        expires_at: new Date(unit.now.getTime() + PENDING_MS).toISOString(),
        client_address: address,
      })
      .execute();
    // The establishment's oldest logins beyond the cap make room (never the one just made).
    const beyond = db
      .selectFrom('sso_pending')
      .select('id')
      .where('establishment_id', '=', establishmentId)
      .where('id', '!=', id)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1_000_000)
      .offset(MAX_PENDING_PER_ESTABLISHMENT - 1);
    await db.deleteFrom('sso_pending').where('id', 'in', beyond).execute();
  });
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
  /** The session presented with the callback, if any: ended, a sign-in never adds a second one. */
  previousSessionId: string | null = null,
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
  // What the provider says is stored and shown: no NUL (PostgreSQL's 500), no control or
  // invisible direction change in a name; an e-mail that is not a clean line is not one.
  const rawEmail =
    typeof claims.email === 'string' ? claims.email.trim().toLowerCase().slice(0, 254) : undefined;
  const email = rawEmail !== undefined && isSafeLine(rawEmail) ? rawEmail : undefined;
  const emailVerified = claims.email_verified === true;
  const cleanName = typeof claims.name === 'string' ? toSafeLine(claims.name).trim().slice(0, 120) : '';
  const name = cleanName !== '' ? cleanName : email;

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
    if (previousSessionId !== null) {
      await unit.trx.deleteFrom('sessions').where('id', '=', previousSessionId).execute();
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
