import { z } from 'zod';
import { errorForStatus, getJson, invalidAnswer, type JsonAnswer } from './http-json.js';
import { SourceError } from './source-error.js';

/**
 * What Facebook Pages and Instagram share: Meta's Graph API, its `{ data, paging }` lists and its
 * error payload (https://developers.facebook.com/docs/graph-api/guides/error-handling).
 */
export const GRAPH_API_BASE = 'https://graph.facebook.com';
export const GRAPH_API_VERSION = 'v23.0';

export interface GraphSettings {
  readonly accessToken: string;
  readonly apiBaseUrl: string;
  readonly apiVersion: string;
}

/** A list page: `paging.next` is present only when there is a next page, `cursors.after` names it. */
export const graphPage = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    paging: z
      .object({ cursors: z.object({ after: z.string().optional() }).optional(), next: z.string().optional() })
      .optional(),
  });

const graphErrorPayload = z.object({
  error: z.object({
    message: z.string(),
    type: z.string().optional(),
    code: z.number(),
    error_subcode: z.number().optional(),
  }),
});

/** Rate-limit codes: app (4), user (17), page (32), API method (613), business use case (80001–80014). */
const THROTTLED = new Set([4, 17, 32, 613]);

export async function graphGet<T extends z.ZodType>(
  settings: GraphSettings,
  path: string,
  params: Record<string, string>,
  schema: T,
  context: { signal: AbortSignal; timeoutMs: number; now: Date; service: string },
): Promise<z.output<T>> {
  const url = new URL(`${settings.apiBaseUrl}/${settings.apiVersion}/${path}`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const answer = await getJson(url, {
    // The token goes in a header, never in the address (addresses end up in logs).
    headers: { authorization: `Bearer ${settings.accessToken}` },
    signal: context.signal,
    timeoutMs: context.timeoutMs,
    service: context.service,
  });
  if (answer.status >= 200 && answer.status < 300) {
    const parsed = schema.safeParse(answer.body);
    if (!parsed.success) throw invalidAnswer(context.service, parsed.error);
    return parsed.data;
  }
  throw graphError(answer, context.service, context.now);
}

export function graphError(answer: JsonAnswer, service: string, now: Date): SourceError {
  const payload = graphErrorPayload.safeParse(answer.body);
  const fix = 'Reconnectez le compte de l’établissement pour obtenir un nouveau jeton de Page.';
  if (!payload.success) return errorForStatus(answer, service, now, fix);
  const { code, error_subcode: subcode, message } = payload.data.error;
  const cause = payload.data.error;
  const who = service.charAt(0).toUpperCase() + service.slice(1);
  if (code === 190 || code === 102)
    return new SourceError(
      'jeton_invalide',
      `${who} refuse le jeton d’accès : il a expiré ou a été révoqué (erreur Graph ${code}). ${fix}`,
      { cause },
    );
  if (THROTTLED.has(code) || (code >= 80001 && code <= 80014)) {
    const wait = regainAccessSeconds(answer.headers);
    return new SourceError(
      'limite_atteinte',
      `${who} limite le nombre d’appels (erreur Graph ${code}) ; la lecture reprendra ${wait === undefined ? 'plus tard' : `dans ${Math.ceil(wait / 60)} min`}.`,
      { retryAfterSeconds: wait, cause },
    );
  }
  if (code === 10 || (code >= 200 && code <= 299))
    return new SourceError(
      'acces_refuse',
      `${who} refuse l’accès (erreur Graph ${code}) : le jeton n’a pas les permissions de lecture des commentaires de la Page.`,
      { cause },
    );
  if (code === 100 && subcode === 33)
    return new SourceError(
      'introuvable',
      `${who} ne trouve pas le compte indiqué : vérifiez son identifiant.`,
      { cause },
    );
  if (code === 1 || code === 2)
    return new SourceError(
      'serveur_indisponible',
      `${who} est momentanément indisponible ; nouvel essai plus tard.`,
      {
        cause,
      },
    );
  const fallback = errorForStatus(answer, service, now, fix);
  return new SourceError(fallback.code, `${fallback.userMessage} (${message})`, {
    retryAfterSeconds: fallback.retryAfterSeconds,
    cause,
  });
}

/**
 * Meta announces the wait in minutes in the usage headers (`estimated_time_to_regain_access`),
 * per business use case (`X-Business-Use-Case-Usage`: { id: [{ … }] }) or for the app or page
 * (`X-App-Usage`, `X-Page-Usage`: { … }). The longest wait wins.
 */
function regainAccessSeconds(headers: Headers): number | undefined {
  let minutes: number | undefined;
  const consider = (entry: unknown) => {
    if (typeof entry !== 'object' || entry === null || !('estimated_time_to_regain_access' in entry)) return;
    const value = entry.estimated_time_to_regain_access;
    if (typeof value === 'number' && value >= 0) minutes = Math.max(minutes ?? 0, value);
  };
  for (const name of ['x-business-use-case-usage', 'x-app-usage', 'x-page-usage']) {
    const raw = headers.get(name);
    if (raw === null) continue;
    try {
      const parsed: unknown = JSON.parse(raw);
      consider(parsed);
      if (typeof parsed === 'object' && parsed !== null)
        for (const usage of Object.values(parsed)) if (Array.isArray(usage)) usage.forEach(consider);
    } catch {
      // an unreadable header says nothing about the wait
    }
  }
  return minutes === undefined ? undefined : minutes * 60;
}
