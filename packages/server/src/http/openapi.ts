import type { SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { type ZodType, z } from 'zod';

/**
 * How the zod schemas of the routes become the OpenAPI document that the web app's types are
 * generated from (packages/web/src/api/openapi.json, `npm run contract`).
 *
 * Schemas given an id with `.meta({ id })` become named components (a request body's copy is
 * suffixed « Input » by fastify-type-provider-zod); every error is the one problem+json shape
 * the error handler sends; components no route uses are left out.
 */

const PROBLEM_REF = '#/components/schemas/Problem';
const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/**
 * Names a schema as a component of the OpenAPI document (and so a type of the web app). A name is
 * given once: zod would silently let a second schema take it, and the document would then
 * describe one shape under the other's name.
 */
export function component<Schema extends ZodType>(schema: Schema, id: string): Schema {
  const holder = z.globalRegistry._idmap.get(id);
  if (holder !== undefined && holder !== schema)
    throw new Error(`Deux schémas portent le nom « ${id} » dans la description OpenAPI.`);
  z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), id });
  return schema;
}

/** A multipart form's fields, documented only: the route reads and checks the parts itself. */
export const MULTIPART_BODY = 'x-multipart-body';

/** What every error response carries (see problem.ts), the one error shape of the API. */
export const problemSchema = component(
  z.object({
    type: z.string(),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string(),
    code: z
      .string()
      .describe('Stable, pour les programmes (et la traduction anglaise de l’application web).'),
    errors: z
      .array(z.object({ field: z.string(), message: z.string(), code: z.string().optional() }))
      .optional(),
  }),
  'Problem',
);

const problemResponse = (description: string) => ({
  description,
  content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: PROBLEM_REF } } },
});

/** A binary response (a file download): a string of bytes in the document. */
export const binarySchema = (description: string) =>
  z.instanceof(Buffer).meta({ type: 'string', format: 'binary', description });

type RouteSchema = Record<string, unknown> & { response?: Record<string, unknown>; hide?: boolean };

/** Per route: zod to JSON Schema, then every 4xx/5xx (declared or not) as problem+json. */
export const openApiRouteTransform: SwaggerTransform = (input) => {
  const source = input.schema as RouteSchema | undefined;
  const multipart = source?.[MULTIPART_BODY] as ZodType | undefined;
  const withoutMultipart =
    source === undefined || multipart === undefined
      ? source
      : Object.fromEntries(Object.entries(source).filter(([key]) => key !== MULTIPART_BODY));
  const transformed = jsonSchemaTransform({ ...input, schema: withoutMultipart } as typeof input);
  const schema = transformed.schema as RouteSchema | undefined;
  if (schema === undefined || schema.hide === true) return transformed;
  const response: Record<string, unknown> = {};
  for (const [status, body] of Object.entries(schema.response ?? {})) {
    response[status] = Number(status) >= 400 ? problemResponse(errorDescription(Number(status))) : body;
  }
  // Any route can answer a problem: bad input, no session, wrong role, or our own failure.
  response.default = problemResponse('Erreur : problem+json (RFC 9457), titre et détail en français.');
  const body = multipart === undefined ? {} : { body: withMultipart(schema.body, multipart) };
  return { ...transformed, schema: { ...schema, ...body, response } } as typeof transformed;
};

/** The request body as multipart/form-data, beside the JSON body when the route takes both. */
function withMultipart(json: unknown, multipart: ZodType): unknown {
  const form = z.toJSONSchema(multipart, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' });
  const { $schema: _dialect, ...formSchema } = form;
  return {
    content: {
      ...(json === undefined ? {} : { 'application/json': { schema: json } }),
      'multipart/form-data': { schema: formSchema },
    },
  };
}

const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Requête invalide',
  401: 'Connexion requise',
  403: 'Action non autorisée',
  404: 'Introuvable',
  409: 'Conflit',
  413: 'Contenu trop volumineux',
  422: 'Données refusées',
  423: 'Compte temporairement verrouillé',
  429: 'Trop de tentatives',
  502: 'Service externe injoignable',
};

function errorDescription(status: number): string {
  return ERROR_DESCRIPTIONS[status] ?? 'Erreur';
}

/** The whole document: named components, minus those no operation reaches. */
export const openApiDocumentTransform: SwaggerTransformObject = (input) => {
  const document = jsonSchemaTransformObject(input) as {
    components?: { schemas?: Record<string, unknown> };
  };
  describeSuccesses(document as { paths?: Record<string, Record<string, Operation>> });
  const schemas = document.components?.schemas;
  if (schemas === undefined) return document as ReturnType<SwaggerTransformObject>;
  const used = reachableSchemas(
    { ...document, components: { ...document.components, schemas: {} } },
    schemas,
  );
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return {
    ...document,
    components: { ...document.components, schemas: kept },
  } as ReturnType<SwaggerTransformObject>;
};

interface Operation {
  responses?: Record<string, { description?: string }>;
}

const SUCCESS_DESCRIPTIONS: Readonly<Record<string, string>> = {
  200: 'Réussite',
  201: 'Créé',
  204: 'Réussite, sans contenu',
  302: 'Redirection',
};

/** @fastify/swagger's « Default Response » on successes, in French and by status. */
function describeSuccesses(document: { paths?: Record<string, Record<string, Operation>> }): void {
  for (const operations of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (response.description === 'Default Response')
          response.description = SUCCESS_DESCRIPTIONS[status] ?? 'Réussite';
      }
    }
  }
}

const REF_PREFIX = '#/components/schemas/';

/** The names of the components referenced from `root`, following references between them. */
function reachableSchemas(root: unknown, schemas: Readonly<Record<string, unknown>>): Set<string> {
  const found = new Set<string>();
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      pending.push(...node);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && value.startsWith(REF_PREFIX)) {
          const name = value.slice(REF_PREFIX.length);
          if (!found.has(name)) {
            found.add(name);
            pending.push(schemas[name]);
          }
        } else {
          pending.push(value);
        }
      }
    }
  }
  return found;
}
