/**
 * The one way the app talks to the server: same-origin cookies, JSON, the session's CSRF token
 * on every write, and problem+json errors turned into an ApiError the pages can show as is
 * (the server's `detail` is French; `code` is stable, for translating or branching).
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

export interface RequestOptions {
  method?: string;
  /** A plain object is sent as JSON; FormData as multipart (the browser sets the boundary). */
  body?: unknown;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (WRITES.has(method) && csrfToken !== null) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    // An abort is the caller's own doing: let it through untouched so it can be ignored.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'reseau', 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.');
  }

  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  throw await toApiError(response);
}

async function toApiError(response: Response): Promise<ApiError> {
  try {
    const problem = (await response.json()) as Partial<{
      code: string;
      detail: string;
      errors: { field: string; message: string; code?: string }[];
    }>;
    return new ApiError(
      response.status,
      problem.code ?? 'erreur',
      problem.detail ?? 'Une erreur est survenue.',
      problem.errors ?? [],
    );
  } catch {
    return new ApiError(response.status, 'erreur', 'Une erreur est survenue. Réessayez dans un instant.');
  }
}

/** True for a server refusal with this stable code (e.g. 'dernier_administrateur'). */
export const hasCode = (error: unknown, code: string): boolean =>
  error instanceof ApiError && error.code === code;

export const isAbort = (error: unknown): boolean =>
  error instanceof DOMException && error.name === 'AbortError';
