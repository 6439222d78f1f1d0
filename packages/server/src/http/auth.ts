import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER, type ResolvedSession, resolveSession, SESSION_COOKIE } from '../accounts/sessions.js';
import type { Role } from '../db/schema.js';
import type { AppContext } from './context.js';
import { forbidden, notFound, Problem, unauthorized } from './problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in session, or null. Set for every request by the authentication hook. */
    session: ResolvedSession | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the session cookie on every request, and refuses a state-changing request made with
 * a session cookie but without the session's CSRF token in the X-CSRF-Token header (the cookie
 * is also SameSite=Lax; the header is the defence that does not depend on the browser).
 */
export function authenticationHook(context: AppContext) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    request.session = null;
    const token = request.cookies[SESSION_COOKIE];
    if (token === undefined || token === '') return;
    const session = await resolveSession(context.storage.db, token, context.clock(), context.config.demo);
    if (session === undefined) return;
    // Signing in again is always allowed: it replaces the session rather than acting with it.
    const signingIn = request.method === 'POST' && request.routeOptions.url === '/api/session';
    if (UNSAFE.has(request.method) && !signingIn) {
      if (!sameToken(request.headers[CSRF_HEADER], session.csrfToken)) {
        throw new Problem(403, 'csrf', 'Jeton anti-falsification manquant ou invalide : rechargez la page.');
      }
    }
    if (session.user.mustChangePassword && !openBeforePasswordChange(request)) {
      throw new Problem(
        403,
        'mot_de_passe_a_changer',
        'Choisissez d’abord votre propre mot de passe : le mot de passe temporaire ne sert qu’à cela.',
      );
    }
    request.session = session;
  };
}

/**
 * After an administrator's password reset, the temporary password opens only the session itself,
 * signing out and the password change (the web app's pages still load; the API refuses the rest).
 */
function openBeforePasswordChange(request: FastifyRequest): boolean {
  const route = request.routeOptions.url ?? '';
  if (!route.startsWith('/api/')) return true;
  return route === '/api/session' || (route === '/api/session/password' && request.method === 'POST');
}

const TENANT_PREFIX = '/api/establishments/:establishmentId';

/**
 * Every route under /api/establishments/:establishmentId needs a session and a role in that
 * establishment, checked before the body is even read: someone from another establishment
 * gets the same 404 whatever they send, and learns nothing of what exists there. Role checks
 * specific to a route stay in the route.
 */
export async function tenantHook(request: FastifyRequest): Promise<void> {
  const route = request.routeOptions.url;
  if (route === undefined || !route.startsWith(TENANT_PREFIX)) return;
  const { establishmentId } = request.params as { establishmentId?: string };
  const session = requireSession(request);
  if (establishmentId === undefined || !session.user.roles.has(establishmentId)) throw notFound();
}

/** Constant-time comparison: the token must not leak through how fast it is refused. */
function sameToken(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The signed-in user, or a 401. */
export function requireSession(request: FastifyRequest): ResolvedSession {
  if (request.session === null) throw unauthorized();
  return request.session;
}

/**
 * The user's role in an establishment, if it is one of `allowed`. Someone with no role there
 * gets a 404, as if the establishment did not exist (its existence is not disclosed); someone
 * with another role gets a 403.
 */
export function requireRole(
  request: FastifyRequest,
  establishmentId: string,
  allowed: readonly Role[],
): Role {
  const session = requireSession(request);
  const role = session.user.roles.get(establishmentId);
  if (role === undefined) throw notFound();
  if (!allowed.includes(role)) throw forbidden();
  return role;
}

/** Every role: any staff member may check a post or report a message. */
export const ANY_ROLE: readonly Role[] = [
  'admin',
  'direction',
  'communication',
  'community_manager',
  'legal',
  'agent',
];
/** The incident desk. */
export const DESK_ROLES: readonly Role[] = ['communication', 'community_manager', 'legal'];
