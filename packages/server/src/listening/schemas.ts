import { CATEGORIES, VERDICTS } from '@blouse/guard';
import { z } from 'zod';
import { binarySchema, component } from '../http/openapi.js';
import { safeText } from '../http/safe-text.js';
import { SOURCE_KINDS } from './incoming-post.js';
import { MAX_MENTIONS_PAGE } from './mentions/mention-service.js';

/** Request and response shapes of listening (ISSUE10-API.md, CORE), for validation and OpenAPI. */
const id = safeText(1, 100);
const isoDate = z.iso.datetime({ offset: true });

/** The guard's categories for a public post, lower-cased as mentions store them. */
export const MENTION_CATEGORIES = CATEGORIES.map((category) => category.toLowerCase()) as [
  string,
  ...string[],
];
export const mentionCategorySchema = z.enum(MENTION_CATEGORIES);
export const verdictSchema = z.enum(VERDICTS);
export const sourceKindSchema = z.enum(SOURCE_KINDS);
export const termKindSchema = z.enum(['name', 'alias', 'service', 'hashtag', 'exclusion']);

export const establishmentParams = z.object({ establishmentId: id });
export const mentionParams = z.object({ establishmentId: id, mentionId: id });
export const termParams = z.object({ establishmentId: id, termId: id });
export const sourceParams = z.object({ establishmentId: id, sourceId: id });

export const mentionsQuery = z
  .object({
    source: sourceKindSchema.optional(),
    category: mentionCategorySchema.optional(),
    term: safeText(1, 200).optional(),
    verdict: verdictSchema.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    q: safeText(0, 200).optional(),
    cursor: safeText(1, 1000).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_MENTIONS_PAGE).optional(),
  })
  .strict();

export const volumeQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict();

const finding = z.object({
  rule: z.string(),
  severity: z.enum(['warn', 'block']),
  explanation: z.string(),
  /** A written rule or the learned model; null for mentions stored before this was kept. */
  raisedBy: z.enum(['rule', 'model']).nullable(),
});

export const mentionSummarySchema = z.object({
  id: z.string(),
  source: z.string(),
  url: z.string().nullable(),
  authorHandle: z.string().nullable(),
  authorKind: z.string().nullable(),
  reach: z.number().nullable(),
  excerpt: z.string(),
  publishedAt: z.string(),
  matchedTerms: z.array(z.string()),
  category: z.string(),
  verdict: verdictSchema,
  incidentId: z.string().nullable(),
});
export const mentionDetailSchema = mentionSummarySchema.extend({
  text: z.string(),
  findings: z.array(finding),
});
export const mentionPageSchema = z.object({
  items: z.array(mentionSummarySchema),
  nextCursor: z.string().nullable(),
});

export const volumeSchema = z.object({
  buckets: z.array(z.object({ start: z.string(), count: z.number() })),
  alerts: z.array(
    z.object({
      id: z.string(),
      tier: z.enum(['immediate', 'volume']),
      reason: z.string(),
      createdAt: z.string(),
    }),
  ),
});

export const termBody = z.object({ kind: termKindSchema, term: safeText(1, 100) }).strict();
export const termSchema = z.object({
  id: z.string(),
  kind: termKindSchema,
  term: z.string(),
  createdAt: z.string(),
});
export const termListSchema = z.object({ items: z.array(termSchema) });

/** A source's settings: an object its own schema checks (registry.ts). */
const settings = z.record(z.string().max(100), z.unknown());
export const sourceBody = z
  .object({ kind: sourceKindSchema, name: safeText(1, 100), settings, enabled: z.boolean().optional() })
  .strict();
export const sourcePatch = z
  .object({
    name: safeText(1, 100).optional(),
    settings: settings.optional(),
    enabled: z.boolean().optional(),
  })
  .strict();
export const sourceSchema = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  settings: z.record(z.string(), z.unknown()),
  enabled: z.boolean(),
  lastReadAt: z.string().nullable(),
  failures: z.number(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
});
export const sourceListSchema = z.object({ items: z.array(sourceSchema) });

/** The import form (documented only: the route reads and checks the parts itself). */
export const importFormBody = z.object({
  format: z.enum(['csv', 'json']).optional().describe('Par défaut : l’extension du nom du fichier.'),
  timeZone: z.string().optional().describe('Fuseau des dates sans décalage (par défaut Europe/Paris).'),
  file: binarySchema('L’export (CSV ou JSON), un seul fichier, après les autres champs.'),
});
export const importResultSchema = z.object({
  received: z.number(),
  stored: z.number(),
  duplicates: z.number(),
  unmatched: z.number(),
  rejected: z.array(z.object({ line: z.number(), message: z.string() })),
});

// Named components of the OpenAPI document, from which the web app's types are generated.
component(mentionSummarySchema, 'MentionSummary');
component(mentionDetailSchema, 'MentionDetail');
component(mentionPageSchema, 'MentionPage');
component(volumeSchema, 'MentionVolume');
component(termBody, 'NewWatchTerm');
component(termSchema, 'WatchTerm');
component(termListSchema, 'WatchTermList');
component(sourceBody, 'NewListeningSource');
component(sourcePatch, 'ListeningSourceChanges');
component(sourceSchema, 'ListeningSource');
component(sourceListSchema, 'ListeningSourceList');
component(importResultSchema, 'MentionImportResult');
