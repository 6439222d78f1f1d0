import { PUBLISHING_NETWORKS } from '@blouse/contract';
import { z } from 'zod';
import { roleSchema } from '../accounts/schemas.js';
import { component } from '../http/openapi.js';
import { safeText } from '../http/safe-text.js';
import { MAX_DRAFTS_PAGE } from './draft-service.js';
import { MAX_WORKFLOW_STEPS } from './workflow.js';

/** Request and response shapes of the publishing desk, for validation and OpenAPI. */
const id = safeText(1, 100);
/** Facebook's limit (the longest of the networks') and a margin: longer is refused before the guard reads it. */
export const MAX_VARIANT_CHARS = 65_000;

export const establishmentParams = z.object({ establishmentId: id });
export const draftParams = z.object({ establishmentId: id, draftId: id });
export const mediaParams = z.object({ establishmentId: id, draftId: id, mediaId: id });
export const mediaRemoveQuery = z
  .object({ revision: z.coerce.number().int().min(1).max(1_000_000) })
  .strict();
export const revisionBody = z.strictObject({ revision: z.number().int().min(1).max(1_000_000) });
/** What the image guard saw in a photo: faces, and the rules its background text breaks. */
export const photoCheckSchema = z.object({
  faces: z.number(),
  backgroundRules: z.array(z.string()),
  backgroundBlocks: z.boolean(),
});
/** The multipart fields of a photo, besides the file. */
export const mediaFields = z.strictObject({
  alt_text: safeText(1, 1000).refine((value) => value.trim() !== '', { message: 'texte alternatif vide' }),
  revision: z.coerce.number().int().min(1).max(1_000_000),
});

export const consentKindSchema = z.enum(['staff', 'patient', 'visitor']);
export const consentUseSchema = z.enum(['name', 'image', 'voice']);
export const consentStateSchema = z.enum(['valid', 'not_yet', 'expired', 'withdrawn']);
/** How many people one post may rely on: a team photo, not a crowd. */
export const MAX_DRAFT_CONSENTS = 50;
export const draftPeopleBody = z
  .object({
    revision: z.number().int().min(1).max(1_000_000),
    consentIds: z.array(id).max(MAX_DRAFT_CONSENTS),
    nobodyShown: z.boolean(),
  })
  .strict();

export const draftStatusSchema = z.enum(['draft', 'in_review', 'approved', 'rejected']);
export const publishingNetworkSchema = z.enum(PUBLISHING_NETWORKS);

const variantInput = z
  .object({
    // A plain string here: an unknown network gets the service's French message, field by field.
    network: safeText(1, 40),
    text: safeText(1, MAX_VARIANT_CHARS),
    title: safeText(0, 200).nullable().optional(),
  })
  .strict();

export const draftBody = z
  .object({
    title: safeText(1, 200).refine((value) => value.trim() !== '', { message: 'titre vide' }),
    variants: z.array(variantInput).min(1).max(PUBLISHING_NETWORKS.length),
  })
  .strict();

const revision = z.number().int().min(1).max(1_000_000);
export const draftUpdateBody = draftBody.extend({ revision }).strict();
export const submitBody = z.object({ revision }).strict();
export const decisionBody = z
  .object({ revision, decision: z.enum(['approved', 'rejected']), comment: safeText(0, 2000).default('') })
  .strict();

export const draftsQuery = z
  .object({
    status: draftStatusSchema.optional(),
    cursor: safeText(1, 500).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_DRAFTS_PAGE).optional(),
  })
  .strict();

const finding = z.object({
  rule: z.string(),
  severity: z.enum(['warn', 'block']),
  explanation: z.string(),
  raisedBy: z.enum(['rule', 'model', 'register']),
});

const limitMeasure = z.object({
  field: z.enum(['text', 'title']),
  unit: z.enum(['codepoints', 'graphemes', 'utf16', 'utf8-bytes', 'x-weighted']),
  max: z.number(),
  length: z.number(),
  over: z.boolean(),
});

const variantSchema = z.object({
  network: publishingNetworkSchema,
  title: z.string().nullable(),
  text: z.string(),
  verdict: z.enum(['ok', 'warn', 'block']),
  findings: z.array(finding),
  limits: z.array(limitMeasure),
  checkedAt: z.string(),
});

export const draftSchema = component(
  z.object({
    id: z.string(),
    title: z.string(),
    status: draftStatusSchema,
    revision: z.number(),
    sensitive: z.boolean(),
    authorId: z.string(),
    lastEditorId: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    submittedAt: z.string().nullable(),
    variants: z.array(variantSchema),
    media: z.array(
      z.object({
        id: z.string(),
        position: z.number(),
        mediaType: z.string(),
        byteSize: z.number(),
        altText: z.string(),
        check: photoCheckSchema.nullable(),
      }),
    ),
    people: z.object({
      consents: z.array(
        z.object({
          id: z.string(),
          personName: z.string(),
          personKind: consentKindSchema,
          uses: z.array(consentUseSchema),
          networks: z.array(z.string()),
          expiresOn: z.string(),
          state: consentStateSchema,
        }),
      ),
      nobodyShown: z.boolean(),
      problems: z.array(z.object({ field: z.string(), message: z.string() })),
    }),
    pendingStep: z.object({ index: z.number(), name: z.string(), roles: z.array(roleSchema) }).nullable(),
    approvals: z.array(
      z.object({
        step: z.number(),
        stepName: z.string(),
        revision: z.number(),
        approverId: z.string(),
        decision: z.enum(['approved', 'rejected']),
        comment: z.string(),
        at: z.string(),
      }),
    ),
    actions: z.object({
      edit: z.boolean(),
      submit: z.boolean(),
      approve: z.boolean(),
      approveRefusal: z.string().nullable(),
    }),
  }),
  'PublishingDraft',
);

export const draftPageSchema = z.object({ items: z.array(draftSchema), nextCursor: z.string().nullable() });

const workflowStep = z
  .object({
    name: safeText(1, 100),
    roles: z.array(roleSchema).min(1).max(5),
    when: z.enum(['always', 'sensitive']),
  })
  .strict();

export const workflowBody = z
  .object({ steps: z.array(workflowStep).min(1).max(MAX_WORKFLOW_STEPS) })
  .strict();
export const workflowSchema = component(
  z.object({ steps: z.array(workflowStep), isDefault: z.boolean(), canConfigure: z.boolean() }),
  'PublishingWorkflow',
);
