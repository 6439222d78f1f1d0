import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/**
 * The one way the app talks to the server: same-origin cookies, JSON, the session's CSRF token
 * on every write, and problem+json errors turned into an ApiError the pages can show as is
 * (the server's `detail` is French; `code` is stable, for translating or branching).
 *
 * Paths, parameters, bodies and answers are typed by `paths`, generated from the server's
 * schemas (`npm run contract`): a call that no longer matches the server does not compile.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    /** One French sentence per wrong field; `code`, when given, picks a translation. */
    readonly fieldErrors: readonly { field: string; message: string; code?: string }[] = [],
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;

/** Set from every session response; cleared on sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const csrfHeader: Middleware = {
  onRequest({ request }) {
    if (WRITES.has(request.method) && csrfToken !== null) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
};

/** Typed requests: `unwrap(client.GET('/api/session'))`. */
export const client = createClient<paths>({
  credentials: 'same-origin',
  headers: { accept: 'application/json, application/problem+json' },
});
client.use(csrfHeader);

/**
 * The answer of a typed request, or an ApiError: « the server does not answer » for a network
 * failure, the server's problem otherwise. An abort is the caller's own doing: it goes through
 * untouched so that it can be ignored.
 */
export async function unwrap<Data>(
  pending: Promise<{ data?: Data; error?: unknown; response: Response }>,
): Promise<Data> {
  let result: Awaited<typeof pending>;
  try {
    result = await pending;
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, 'reseau', 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.');
  }
  if (result.response.ok) return result.data as Data;
  throw toApiError(result.response.status, result.error);
}

/** openapi-fetch hands over the error body parsed as JSON when it is JSON, as text otherwise. */
function toApiError(status: number, body: unknown): ApiError {
  if (body === null || typeof body !== 'object') {
    return new ApiError(status, 'erreur', 'Une erreur est survenue. Réessayez dans un instant.');
  }
  const problem = body as Partial<{
    code: string;
    detail: string;
    errors: { field: string; message: string; code?: string }[];
  }>;
  return new ApiError(
    status,
    problem.code ?? 'erreur',
    problem.detail ?? 'Une erreur est survenue.',
    problem.errors ?? [],
  );
}

/**
 * A multipart form as the browser builds it (fields in order, files streamed), for an operation
 * whose documented body is that form. FormData cannot state its fields to the compiler: this is
 * the one place where the form stands in for the typed body.
 */
export function formBody(form: FormData): never {
  return form as never;
}

/** True for a server refusal with this stable code (e.g. 'dernier_administrateur'). */
export const hasCode = (error: unknown, code: string): boolean =>
  error instanceof ApiError && error.code === code;

export const isAbort = (error: unknown): boolean =>
  error instanceof DOMException && error.name === 'AbortError';
