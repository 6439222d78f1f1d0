import { z } from 'zod';
import { component } from '../http/openapi.js';
import { isSafeText, safeText, UNSAFE_TEXT_MESSAGE } from '../http/safe-text.js';
import { INCIDENT_CATEGORIES } from './categories.js';
import { DECISION_KINDS } from './decisions.js';
import { LIST_SORTS, MAX_PAGE_SIZE } from './list-cursor.js';
import { INCIDENT_STATUSES } from './workflow.js';

/** Request and response shapes of the incident desk, for validation and the OpenAPI document. */
/**
 * Every string that reaches SQL refuses NUL and lone surrogates: a French 400 rather than
 * PostgreSQL's 500, and the same text stored on both databases.
 */
const safe = (schema: z.ZodString) => schema.refine(isSafeText, { message: UNSAFE_TEXT_MESSAGE });
const id = safeText(1, 100);
const isoDate = z.iso.datetime({ offset: true });
export const severitySchema = z.enum(['N0', 'N1', 'N2', 'N3', 'N4']);
export const statusSchema = z.enum(
  INCIDENT_STATUSES as ['new', 'qualified', 'decided', 'responded', 'closed'],
);
export const categorySchema = z.enum(INCIDENT_CATEGORIES);
const version = z.number().int().min(1).max(2_147_483_647);

export const establishmentParams = z.object({ establishmentId: id });
export const incidentParams = z.object({ establishmentId: id, incidentId: id });

export const listQuery = z
  .object({
    status: statusSchema.optional(),
    severity: severitySchema.optional(),
    category: categorySchema.optional(),
    owner: id.optional(),
    overdue: z.enum(['true', 'false']).optional(),
    sort: z.enum(['deadline', 'created', ...LIST_SORTS]).optional(),
    q: safeText(0, 200).optional(),
    cursor: safeText(1, 1000).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  })
  .strict();

export const qualificationBody = z
  .object({ severity: severitySchema.optional(), category: categorySchema.optional(), version })
  .strict();
export const transitionBody = z.object({ to: statusSchema, version }).strict();
export const decisionBody = z
  .object({
    kind: z.enum(DECISION_KINDS),
    note: safeText(0, 2000).optional(),
    targetStaffName: safeText(0, 200).optional(),
    targetStaffUserId: id.optional(),
    version,
  })
  .strict();
export const ownerBody = z.object({ ownerId: id.nullable(), version }).strict();
export const commentBody = z.object({ text: safe(z.string().trim().min(1).max(5000)) }).strict();
export const datesBody = z
  .object({
    firstPublishedAt: isoDate.nullable().optional(),
    breachAwareAt: isoDate.nullable().optional(),
    version,
  })
  .strict();

const deadline = z.object({
  kind: z.string(),
  label: z.string(),
  dueAt: z.string(),
  state: z.enum(['ok', 'soon', 'passed', 'met']),
});

export const summarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  status: statusSchema,
  proposedSeverity: severitySchema,
  severity: severitySchema.nullable(),
  proposedCategory: z.string(),
  category: z.string().nullable(),
  ownerId: z.string().nullable(),
  firstPublishedAt: z.string().nullable(),
  breachAwareAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  deadlines: z.array(deadline),
  nextDueAt: z.string().nullable(),
  overdue: z.boolean(),
});

const decision = z.object({
  id: z.string(),
  kind: z.enum(DECISION_KINDS),
  note: z.string().nullable(),
  targetStaffName: z.string().nullable(),
  targetStaffUserId: z.string().nullable(),
  authorId: z.string(),
  at: z.string(),
});

/** policy.ts PermittedActions: what the person asking may do on this incident now. */
export const permittedActionsSchema = z.object({
  qualify: z.boolean(),
  changeStatus: z.array(statusSchema),
  decide: z.array(z.enum(DECISION_KINDS)),
  assign: z.boolean(),
  comment: z.boolean(),
  setDates: z.boolean(),
  addEvidence: z.boolean(),
  exportEvidence: z.boolean(),
  notice: z.boolean(),
  editNotice: z.boolean(),
  markNoticeSent: z.boolean(),
  exportCaseFile: z.boolean(),
});

export const stateSchema = summarySchema.extend({
  ownerName: z.string().nullable(),
  decisions: z.array(decision),
  permittedActions: permittedActionsSchema,
});

export const detailSchema = stateSchema.extend({
  guard: z.object({
    verdict: z.string(),
    guardCategory: z.string().nullable(),
    findings: z.array(
      z.object({ rule: z.string(), severity: z.enum(['warn', 'block']), explanation: z.string() }),
    ),
  }),
  report: z
    .object({
      url: z.string(),
      network: z.string(),
      excerpt: z.string(),
      seenWhere: z.string(),
      note: z.string(),
      createdAt: z.string(),
      reporterName: z.string().nullable(),
    })
    .nullable(),
  evidence: z.object({
    count: z.number(),
    latest: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        fileName: z.string(),
        mediaType: z.string(),
        size: z.number(),
        sha256: z.string(),
        sourceUrl: z.string().nullable(),
        capturedAt: z.string(),
      }),
    ),
  }),
});

export const timelineEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

export const noticeSchema = z.object({
  text: z.string(),
  elements: z.object({
    explanation: z.string(),
    legalBasis: z.string(),
    url: z.string(),
    notifierName: z.string(),
    notifierEmail: z.string(),
    goodFaithStatement: z.string(),
  }),
});

/** A page of the desk's list (keyset pagination: pass nextCursor back as `cursor`). */
export const listPageSchema = z.object({
  items: z.array(summarySchema),
  nextCursor: z.string().nullable(),
  total: z.number(),
});

/** The notice as edited and sent (notice-service.ts NoticeView). */
export const noticeViewSchema = noticeSchema.extend({
  version: z.number(),
  edited: z.object({ at: z.string(), byName: z.string().nullable() }).nullable(),
  sent: z.object({ at: z.string(), channel: z.string(), byName: z.string().nullable() }).nullable(),
});
export const noticeEditBody = z
  .object({ text: safe(z.string().trim().min(1).max(20_000)), version })
  .strict();
export const noticeSentBody = z
  .object({ sentAt: isoDate, channel: z.enum(['formulaire', 'courriel', 'courrier', 'autre']), version })
  .strict();

const deskMember = z.object({ id: z.string(), displayName: z.string(), handle: z.string() });
export const deskMembersSchema = z.object({ items: z.array(deskMember) });

// Named components of the OpenAPI document, from which the web app's types are generated.
component(severitySchema, 'Severity');
component(statusSchema, 'IncidentStatus');
component(categorySchema, 'IncidentCategory');
component(qualificationBody, 'Qualification');
component(transitionBody, 'Transition');
component(decisionBody, 'NewDecision');
component(ownerBody, 'OwnerAssignment');
component(commentBody, 'NewComment');
component(datesBody, 'IncidentDates');
component(deadline, 'Deadline');
component(summarySchema, 'IncidentSummary');
component(decision, 'Decision');
component(stateSchema, 'IncidentState');
component(detailSchema, 'IncidentDetail');
component(timelineEntrySchema, 'TimelineEntry');
component(noticeSchema, 'PlatformNotice');
component(permittedActionsSchema, 'PermittedActions');
component(listPageSchema, 'IncidentPage');
component(noticeViewSchema, 'NoticeView');
component(noticeEditBody, 'NoticeEdit');
component(noticeSentBody, 'NoticeSent');
component(deskMember, 'DeskMember');
component(deskMembersSchema, 'DeskMembers');
