import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { Problem, RetryLater } from './problem.js';

const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

/** Fastify's own error codes, in French for people. */
const FASTIFY_CODES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'trop_volumineux', 'Le contenu envoyé dépasse la taille autorisée.'],
  FST_REQ_FILE_TOO_LARGE: [413, 'fichier_trop_volumineux', 'Un fichier dépasse la taille autorisée.'],
  FST_FILES_LIMIT: [413, 'trop_de_fichiers', 'Trop de fichiers dans un seul envoi.'],
  FST_PARTS_LIMIT: [413, 'trop_de_champs', 'Trop de champs dans un seul envoi.'],
  FST_FIELDS_LIMIT: [413, 'trop_de_champs', 'Trop de champs dans un seul envoi.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    415,
    'type_non_pris_en_charge',
    'Ce type de contenu n’est pas accepté ici.',
  ],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [
    415,
    'type_non_pris_en_charge',
    'Un formulaire multipart est attendu.',
  ],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'json_invalide', 'Le corps de la requête n’est pas du JSON valide.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'json_vide', 'Le corps de la requête est vide.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    400,
    'longueur_invalide',
    'La longueur annoncée ne correspond pas au contenu.',
  ],
  FST_ERR_VALIDATION: [400, 'requete_invalide', 'La requête est mal formée.'],
};

/**
 * Every error leaves as problem+json with a French sentence. Bad input is a 4xx naming the
 * field; our own failures are a 500 that says nothing of the internals (they go to the log).
 */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const problem = toProblem(error);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  if (problem instanceof RetryLater) void reply.header('retry-after', String(problem.retryAfterSeconds));
  void reply.status(problem.status).type(PROBLEM_TYPE).send(problem.toBody());
}

function toProblem(error: FastifyError): Problem {
  if (error instanceof Problem) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => ({
      field: fieldName(issue.instancePath, issue.params),
      message: issue.message ?? 'valeur invalide',
    }));
    const first = errors[0];
    const detail =
      first === undefined ? 'Données invalides.' : `Champ « ${first.field} » : ${first.message}.`;
    return new Problem(400, 'donnees_invalides', detail, errors);
  }
  if (isResponseSerializationError(error))
    return new Problem(500, 'erreur_interne', 'Erreur interne : la réponse n’a pas pu être produite.');
  const known = error.code === undefined ? undefined : FASTIFY_CODES[error.code];
  if (known !== undefined) return new Problem(known[0], known[1], known[2]);
  if (error instanceof SyntaxError)
    return new Problem(400, 'json_invalide', 'Le corps de la requête n’est pas du JSON valide.');
  const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 400 && status < 500)
    return new Problem(status, 'requete_refusee', 'La requête a été refusée.');
  return new Problem(
    500,
    'erreur_interne',
    'Erreur interne. L’équipe technique a été prévenue par le journal.',
  );
}

function fieldName(path: string, params: unknown): string {
  const fromPath = path.replace(/^\//, '').replaceAll('/', '.');
  if (fromPath !== '') return fromPath;
  const missing = (params as { issue?: { path?: unknown[] } } | undefined)?.issue?.path;
  return Array.isArray(missing) && missing.length > 0 ? missing.join('.') : 'corps';
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): void {
  void reply
    .status(404)
    .type(PROBLEM_TYPE)
    .send(
      new Problem(
        404,
        'introuvable',
        `Aucune route ${request.method} ${request.url.split('?')[0]}.`,
      ).toBody(),
    );
}
