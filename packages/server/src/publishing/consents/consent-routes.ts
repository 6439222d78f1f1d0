import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { invalid } from '../../evidence/upload.js';
import { requireRole } from '../../http/auth.js';
import type { AppContext } from '../../http/context.js';
import { binarySchema, MULTIPART_BODY } from '../../http/openapi.js';
import { badRequest } from '../../http/problem.js';
import { actingMember } from '../acting-member.js';
import { PUBLISHING_READ_ROLES } from '../policy.js';
import { establishmentParams } from '../schemas.js';
import { CONSENT_WRITE_ROLES } from './consent-policy.js';
import {
  consentDetailSchema,
  consentFields,
  consentPageSchema,
  consentParams,
  consentsQuery,
  takedownListSchema,
  takedownParams,
  withdrawBody,
} from './consent-schemas.js';
import {
  type ConsentInput,
  consentForm,
  listConsentPage,
  listOpenTakedowns,
  readConsent,
  recordConsent,
  resolveTakedownFor,
  withdrawConsent,
} from './consent-service.js';

const TAGS = ['Publication'];
const BASE = '/api/establishments/:establishmentId/publishing';

/** Reads the consent's form: its fields first, then exactly one file in « form ». */
async function readConsentForm(request: FastifyRequest): Promise<{ input: ConsentInput; form: Buffer }> {
  const fields: Record<string, string> = {};
  let form: Buffer | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (form !== undefined || part.fieldname !== 'form') {
        part.file.resume();
        throw badRequest('fichier_en_trop', 'Envoyez un seul formulaire signé, dans le champ « form ».');
      }
      form = await part.toBuffer();
    } else {
      if (Object.hasOwn(fields, part.fieldname))
        throw badRequest('champ_en_double', `Le champ « ${part.fieldname} » est donné deux fois.`);
      fields[part.fieldname] = String(part.value);
    }
  }
  const parsed = consentFields.safeParse(fields);
  if (!parsed.success) throw invalid(parsed.error);
  if (form === undefined || form.length === 0)
    throw badRequest('formulaire_manquant', 'Joignez le formulaire signé (champ « form »).');
  const data = parsed.data;
  return {
    form,
    input: {
      personName: data.person_name,
      personKind: data.person_kind,
      uses: data.uses,
      networks: data.networks ?? [],
      purpose: data.purpose,
      signatory: data.signatory ?? null,
      givenOn: data.given_on,
      expiresOn: data.expires_on,
    },
  };
}

/**
 * The consent register: who agreed to appear in the establishment's posts, how, where and until
 * when, with the signed form; their withdrawal; the posts to take down after one.
 */
export function consentRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${BASE}/consents`,
      {
        schema: {
          tags: TAGS,
          summary: 'Registre des consentements, les plus récents d’abord, page par page',
          params: establishmentParams,
          querystring: consentsQuery,
          response: { 200: consentPageSchema },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        requireRole(request, establishmentId, PUBLISHING_READ_ROLES);
        return listConsentPage(context, establishmentId, request.query);
      },
    );

    app.post(
      `${BASE}/consents`,
      {
        schema: {
          tags: TAGS,
          summary: 'Enregistrer un consentement avec son formulaire signé',
          description:
            'multipart/form-data : person_name, person_kind (staff, patient, visitor), uses (name,image,voice), ' +
            'networks (vide : tous), purpose, signatory, given_on, expires_on (AAAA-MM-JJ), puis form (PDF, PNG, JPEG ou WebP).',
          params: establishmentParams,
          [MULTIPART_BODY]: consentFields.extend({
            form: binarySchema('Le formulaire signé, après les autres champs.'),
          }),
          response: { 201: consentDetailSchema },
        },
      },
      async (request, reply) => {
        const { establishmentId } = request.params;
        const actor = actingMember(request, establishmentId, CONSENT_WRITE_ROLES);
        if (!request.isMultipart())
          throw badRequest('multipart_attendu', 'Envoyez le consentement dans un formulaire multipart.');
        const { input, form } = await readConsentForm(request);
        const consent = await recordConsent(context, establishmentId, actor, input, form);
        return reply.status(201).send(await readConsent(context, establishmentId, consent.id));
      },
    );

    app.get(
      `${BASE}/consents/:consentId`,
      {
        schema: {
          tags: TAGS,
          summary: 'Un consentement, les publications qui s’appuient sur lui et celles à retirer',
          params: consentParams,
          response: { 200: consentDetailSchema },
        },
      },
      async (request) => {
        const { establishmentId, consentId } = request.params;
        requireRole(request, establishmentId, PUBLISHING_READ_ROLES);
        return readConsent(context, establishmentId, consentId);
      },
    );

    app.get(
      `${BASE}/consents/:consentId/form`,
      { schema: { tags: TAGS, summary: 'Le formulaire signé', params: consentParams } },
      async (request, reply) => {
        const { establishmentId, consentId } = request.params;
        requireRole(request, establishmentId, PUBLISHING_READ_ROLES);
        const form = await consentForm(context, establishmentId, consentId);
        const extension = form.mediaType === 'application/pdf' ? 'pdf' : form.mediaType.split('/')[1];
        return reply
          .header('content-type', form.mediaType)
          .header('content-disposition', `attachment; filename="consentement-${consentId}.${extension}"`)
          .header('cache-control', 'private, no-store')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .send(form.bytes);
      },
    );

    app.post(
      `${BASE}/consents/:consentId/withdraw`,
      {
        schema: {
          tags: TAGS,
          summary: 'Enregistrer le retrait d’un consentement (les publications en ligne sont signalées)',
          params: consentParams,
          body: withdrawBody,
          response: { 200: consentDetailSchema },
        },
      },
      async (request) => {
        const { establishmentId, consentId } = request.params;
        const actor = actingMember(request, establishmentId, CONSENT_WRITE_ROLES);
        return withdrawConsent(context, establishmentId, actor, consentId, request.body.reason);
      },
    );

    app.get(
      `${BASE}/takedowns`,
      {
        schema: {
          tags: TAGS,
          summary: 'Publications en ligne à retirer (un consentement a été retiré)',
          params: establishmentParams,
          response: { 200: takedownListSchema },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        requireRole(request, establishmentId, PUBLISHING_READ_ROLES);
        return { items: await listOpenTakedowns(context, establishmentId) };
      },
    );

    app.post(
      `${BASE}/takedowns/:takedownId/resolve`,
      {
        schema: {
          tags: TAGS,
          summary: 'Marquer une publication comme retirée du réseau',
          params: takedownParams,
        },
      },
      async (request, reply) => {
        const { establishmentId, takedownId } = request.params;
        const actor = actingMember(request, establishmentId, CONSENT_WRITE_ROLES);
        await resolveTakedownFor(context, establishmentId, actor, takedownId);
        return reply.status(204).send();
      },
    );
  };
}
