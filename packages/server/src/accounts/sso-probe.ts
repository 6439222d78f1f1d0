import { randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import { unprocessable } from '../http/problem.js';

/** Seconds a provider has to answer; a directory slower than this is treated as unreachable. */
export const PROVIDER_TIMEOUT_SECONDS = 10;

/** Plain http only towards this machine (a test or a local provider); anything else needs https. */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** Discovery of the issuer's OpenID configuration, with the timeout and the loopback exception. */
export function discover(issuer: URL, clientId: string, clientSecret: string): Promise<oidc.Configuration> {
  return oidc.discovery(issuer, clientId, undefined, oidc.ClientSecretPost(clientSecret), {
    timeout: PROVIDER_TIMEOUT_SECONDS,
    ...(isLoopbackHttp(issuer) ? { execute: [oidc.allowInsecureRequests] } : {}),
  });
}

/** fetch() failing to connect, or aborted by the timeout: nobody answered. */
export function isUnreachable(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'TypeError' || error.name === 'AbortError' || error.name === 'TimeoutError')
  );
}

export const UNREACHABLE = () =>
  unprocessable(
    'sso_injoignable',
    'Le fournisseur d’identité ne répond pas à cette adresse (serveur injoignable ou trop lent) : vérifiez l’émetteur et que le serveur de Blouse peut l’atteindre.',
  );

/**
 * Checks, before anything is saved, that the settings work: the issuer answers, it publishes an
 * OpenID Connect configuration for exactly this issuer, and it accepts this client id and secret.
 * The client is checked with a token request carrying a code that cannot exist: a provider
 * authenticates the client before looking at the code, so « invalid_client » means bad
 * credentials and « invalid_grant » means good ones. Nobody signs in, nothing is created.
 * Throws a French 422 naming what failed.
 */
export async function probeProvider(
  issuer: URL,
  clientId: string,
  clientSecret: string,
  redirectUri: string,
): Promise<void> {
  let configuration: oidc.Configuration;
  try {
    configuration = await discover(issuer, clientId, clientSecret);
  } catch (error) {
    if (isUnreachable(error)) throw UNREACHABLE();
    throw unprocessable(
      'sso_pas_openid',
      'Cette adresse répond, mais ne publie pas de configuration OpenID Connect pour cet émetteur (/.well-known/openid-configuration) : vérifiez l’émetteur exact donné par votre annuaire.',
    );
  }
  try {
    await oidc.genericGrantRequest(configuration, 'authorization_code', {
      code: `blouse-test-${randomBytes(16).toString('hex')}`,
      redirect_uri: redirectUri,
    });
  } catch (error) {
    if (isUnreachable(error)) throw UNREACHABLE();
    if (isClientRefused(error)) {
      throw unprocessable(
        'sso_client_refuse',
        'Le fournisseur d’identité refuse ce client : vérifiez l’identifiant et le secret du client, et qu’il est autorisé pour le flux « authorization code ».',
      );
    }
    // Any other refusal (invalid_grant above all) came after the client was authenticated.
  }
}

function isClientRefused(error: unknown): boolean {
  if (error instanceof oidc.ResponseBodyError) {
    return error.error === 'invalid_client' || error.error === 'unauthorized_client' || error.status === 401;
  }
  return error instanceof oidc.WWWAuthenticateChallengeError && error.status === 401;
}
