import { retryAfterSeconds } from './retry-after.js';
import { SourceError } from './source-error.js';

export interface JsonAnswer {
  readonly status: number;
  readonly headers: Headers;
  /** The parsed body; undefined when an error answer is not JSON (a proxy's HTML page). */
  readonly body: unknown;
}

export interface JsonRequest {
  readonly headers?: Record<string, string>;
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
  /** Named in the French messages: « l’API Graph de Facebook », « l’API YouTube »… */
  readonly service: string;
}

/**
 * One GET of a JSON API, for the connectors that speak HTTP themselves. Failures of transport
 * become SourceErrors (timeout, no connection, a 2xx that is not JSON); an error status is
 * returned with its body, for the connector to read the API's own error payload. The runner's
 * abort is passed through untouched: stopping is not a failure.
 */
export async function getJson(url: URL, request: JsonRequest): Promise<JsonAnswer> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  let status: number;
  let headers: Headers;
  let text: string;
  try {
    const response = await fetch(url, {
      headers: { accept: 'application/json', ...request.headers },
      signal: AbortSignal.any([request.signal, timeout]),
    });
    status = response.status;
    headers = response.headers;
    text = await response.text();
  } catch (error) {
    if (request.signal.aborted) throw request.signal.reason;
    if (timeout.aborted)
      throw new SourceError(
        'delai_depasse',
        `${capitalised(request.service)} n’a pas répondu à temps ; nouvel essai plus tard.`,
        {
          cause: error,
        },
      );
    throw new SourceError(
      'injoignable',
      `${capitalised(request.service)} est injoignable (réseau, adresse ou panne) ; nouvel essai plus tard.`,
      { cause: error },
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    if (status >= 200 && status < 300) throw invalidAnswer(request.service, error);
    body = undefined;
  }
  return { status, headers, body };
}

/** A 2xx whose JSON is not what the documentation promises. */
export function invalidAnswer(service: string, cause?: unknown): SourceError {
  return new SourceError(
    'reponse_invalide',
    `${capitalised(service)} a répondu quelque chose qui ne correspond pas à sa documentation (JSON illisible ou incomplet).`,
    { cause },
  );
}

/**
 * The meaning of an error status when the API's own payload says nothing more precise. `fix`
 * says, in French, what to do about a refused token for this service.
 */
export function errorForStatus(answer: JsonAnswer, service: string, now: Date, fix: string): SourceError {
  const wait = retryAfterSeconds(answer.headers, now);
  const who = capitalised(service);
  const cause = answer.body;
  if (answer.status === 401)
    return new SourceError('jeton_invalide', `${who} refuse le jeton d’accès (expiré ou révoqué). ${fix}`, {
      cause,
    });
  if (answer.status === 403)
    return new SourceError(
      'acces_refuse',
      `${who} refuse l’accès : le jeton n’a pas les permissions nécessaires pour lire ces commentaires.`,
      { cause },
    );
  if (answer.status === 404)
    return new SourceError(
      'introuvable',
      `${who} ne trouve pas la page ou le compte indiqué : vérifiez son identifiant.`,
      {
        cause,
      },
    );
  if (answer.status === 429)
    return new SourceError(
      'limite_atteinte',
      `${who} limite le nombre de requêtes ; la lecture reprendra ${wait === undefined ? 'plus tard' : `dans ${wait} s`}.`,
      { retryAfterSeconds: wait, cause },
    );
  if (answer.status >= 500)
    return new SourceError(
      'serveur_indisponible',
      `${who} est en panne (erreur ${answer.status}) ; nouvel essai plus tard.`,
      {
        retryAfterSeconds: wait,
        cause,
      },
    );
  return new SourceError(
    'requete_refusee',
    `${who} refuse la requête (erreur ${answer.status}) : vérifiez les réglages.`,
    {
      cause,
    },
  );
}

export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
