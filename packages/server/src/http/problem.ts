/**
 * Errors as RFC 9457 problem details. `title` and `detail` are French, for people; `code` is
 * stable, for programs (and for the web app's English translation).
 */
export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
}

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors?: readonly { readonly field: string; readonly message: string }[],
  ) {
    super(detail);
    this.name = 'Problem';
  }

  toBody(): ProblemBody {
    return {
      type: `https://blouse.invalid/problemes/${this.code}`,
      title: TITLES[this.status] ?? 'Erreur',
      status: this.status,
      detail: this.detail,
      code: this.code,
      ...(this.errors === undefined ? {} : { errors: this.errors }),
    };
  }
}

const TITLES: Record<number, string> = {
  400: 'Requête invalide',
  401: 'Connexion requise',
  403: 'Action non autorisée',
  404: 'Introuvable',
  408: 'Délai dépassé',
  409: 'Conflit',
  413: 'Contenu trop volumineux',
  415: 'Type de contenu non pris en charge',
  422: 'Données refusées',
  423: 'Compte temporairement verrouillé',
  429: 'Trop de tentatives',
  500: 'Erreur interne',
  503: 'Service momentanément indisponible',
};

export const badRequest = (code: string, detail: string, errors?: ProblemBody['errors']) =>
  new Problem(400, code, detail, errors);
export const unauthorized = (detail = 'Connectez-vous pour continuer.') =>
  new Problem(401, 'connexion_requise', detail);
export const forbidden = (detail = 'Votre rôle ne permet pas cette action.') =>
  new Problem(403, 'interdit', detail);
/** Also used for what exists in another establishment: its existence is not disclosed. */
export const notFound = (detail = 'Cette ressource n’existe pas ou ne vous est pas accessible.') =>
  new Problem(404, 'introuvable', detail);
export const conflict = (code: string, detail: string) => new Problem(409, code, detail);
export const unprocessable = (code: string, detail: string) => new Problem(422, code, detail);

/** A refusal that passes with time (429 too many, 503 busy): says when to try again. */
export class RetryLater extends Problem {
  constructor(
    status: 429 | 503,
    code: string,
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(status, code, detail);
  }
}
