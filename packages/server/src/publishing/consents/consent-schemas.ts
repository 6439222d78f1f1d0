import { z } from 'zod';
import { component } from '../../http/openapi.js';
import { safeLine, safeText } from '../../http/safe-text.js';
import {
  consentKindSchema,
  consentStateSchema,
  consentUseSchema,
  establishmentParams,
  publishingNetworkSchema,
} from '../schemas.js';
import { MAX_CONSENTS_PAGE } from './consent-service.js';

/** Request and response shapes of the consent register, for validation and OpenAPI. */
const id = safeText(1, 100);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, { message: 'date attendue au format AAAA-MM-JJ' })
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
      new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    {
      message: 'date inexistante',
    },
  );

export const consentParams = establishmentParams.extend({ consentId: id });
export const takedownParams = establishmentParams.extend({ takedownId: id });

/** A comma-separated multipart field (« name,image ») as its trimmed, non-empty items. */
const commaList = z
  .string()
  .max(500)
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  );

/** The multipart fields of a consent, besides the signed form. */
export const consentFields = z.strictObject({
  person_name: safeLine(1, 200).refine((value) => value.trim() !== '', { message: 'nom vide' }),
  person_kind: consentKindSchema,
  uses: commaList.pipe(z.array(consentUseSchema).min(1, { message: 'au moins un usage' })),
  networks: commaList.pipe(z.array(publishingNetworkSchema)).optional(),
  purpose: safeText(1, 1000).refine((value) => value.trim() !== '', { message: 'objet vide' }),
  signatory: safeLine(0, 200).optional(),
  given_on: day,
  expires_on: day,
});

export const consentsQuery = z
  .object({
    q: safeText(0, 200).optional(),
    state: z.enum(['all', 'valid', 'expired', 'withdrawn']).optional(),
    cursor: safeText(1, 500).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_CONSENTS_PAGE).optional(),
  })
  .strict();

export const withdrawBody = z.object({ reason: safeText(0, 1000).default('') }).strict();

const consentShape = z.object({
  id: z.string(),
  personName: z.string(),
  personKind: consentKindSchema,
  uses: z.array(consentUseSchema),
  networks: z.array(publishingNetworkSchema),
  purpose: z.string(),
  signatory: z.string().nullable(),
  givenOn: z.string(),
  expiresOn: z.string(),
  state: consentStateSchema,
  form: z.object({ mediaType: z.string(), byteSize: z.number(), sha256: z.string() }),
  createdBy: z.string(),
  createdAt: z.string(),
  withdrawal: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
});

export const takedownSchema = component(
  z.object({
    id: z.string(),
    consentId: z.string(),
    personName: z.string(),
    publicationId: z.string(),
    network: z.string(),
    url: z.string().nullable(),
    draftId: z.string(),
    draftTitle: z.string(),
    flaggedAt: z.string(),
    resolvedAt: z.string().nullable(),
  }),
  'PublishingTakedown',
);

export const consentSchema = component(consentShape, 'PublishingConsent');
export const consentDetailSchema = component(
  consentShape.extend({
    drafts: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        status: z.string(),
        publications: z.array(
          z.object({
            id: z.string(),
            network: z.string(),
            status: z.string(),
            url: z.string().nullable(),
            publishedAt: z.string().nullable(),
          }),
        ),
      }),
    ),
    takedowns: z.array(takedownSchema),
  }),
  'PublishingConsentDetail',
);
export const consentPageSchema = z.object({
  items: z.array(consentSchema),
  nextCursor: z.string().nullable(),
});
export const takedownListSchema = z.object({ items: z.array(takedownSchema) });
