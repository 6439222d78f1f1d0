import { MastoDeserializeError, MastoHttpError, MastoTimeoutError, MastoUnexpectedError } from 'masto';
import { retryAfterSeconds } from '../retry-after.js';
import { SourceError } from '../source-error.js';

/**
 * What masto.js threw, as a SourceError with a French sentence. masto keeps the HTTP response
 * as the error's `cause`, which is where the rate-limit headers are. A bare TypeError is fetch's
 * "fetch failed" (no connection), or masto 7.12 itself failing on an HTML error page (a reverse
 * proxy's 502: it cannot destructure the body it did not parse), which is a server failure.
 */
export function mastodonError(error: unknown, instanceHost: string, now: Date): SourceError {
  if (error instanceof SourceError) return error;
  const where = `L’instance Mastodon ${instanceHost}`;
  if (error instanceof MastoHttpError) {
    const headers = error.cause instanceof Response ? error.cause.headers : new Headers();
    const wait = retryAfterSeconds(headers, now);
    const status = error.statusCode;
    if (status === 401)
      return new SourceError(
        'jeton_invalide',
        `${where} refuse le jeton d’accès (expiré, révoqué ou mal copié). Créez-en un nouveau dans Préférences → Développement et enregistrez-le dans les réglages de la source.`,
        { cause: error },
      );
    if (status === 403)
      return new SourceError(
        'acces_refuse',
        `${where} refuse cette lecture : le jeton n’a pas le droit nécessaire (read:statuses, read:search) ou l’instance réserve ses fils aux comptes connectés.`,
        { cause: error },
      );
    if (status === 404)
      return new SourceError(
        'introuvable',
        `${where} ne propose pas cette adresse : vérifiez l’adresse de l’instance.`,
        {
          cause: error,
        },
      );
    if (status === 429)
      return new SourceError(
        'limite_atteinte',
        `${where} limite le nombre de requêtes ; la lecture reprendra ${wait === undefined ? 'plus tard' : `dans ${wait} s`}.`,
        { retryAfterSeconds: wait, cause: error },
      );
    if (status >= 500)
      return new SourceError(
        'serveur_indisponible',
        `${where} est en panne (erreur ${status}) ; nouvel essai plus tard.`,
        {
          retryAfterSeconds: wait,
          cause: error,
        },
      );
    return new SourceError(
      'requete_refusee',
      `${where} refuse la requête (erreur ${status}) : vérifiez les mots-dièses et la recherche de la source.`,
      { cause: error },
    );
  }
  if (error instanceof MastoTimeoutError)
    return new SourceError('delai_depasse', `${where} n’a pas répondu à temps ; nouvel essai plus tard.`, {
      cause: error,
    });
  if (error instanceof MastoDeserializeError || error instanceof MastoUnexpectedError)
    return new SourceError(
      'reponse_invalide',
      `${where} a répondu quelque chose qui n’est pas l’API Mastodon (JSON illisible ou d’un autre type).`,
      { cause: error },
    );
  if (error instanceof TypeError && error.message !== 'fetch failed')
    return new SourceError(
      'serveur_indisponible',
      `${where} a répondu par une page d’erreur au lieu de l’API (serveur en panne ou en maintenance) ; nouvel essai plus tard.`,
      { cause: error },
    );
  return new SourceError(
    'injoignable',
    `${where} ne répond pas (adresse, réseau ou serveur en panne) ; nouvel essai plus tard.`,
    { cause: error },
  );
}
