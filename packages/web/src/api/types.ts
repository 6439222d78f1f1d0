/**
 * The server API's shapes under the names the pages use. Every one is an alias of schema.ts,
 * generated from the server's zod schemas (`npm run contract`): nothing here is copied by hand.
 */
import type { MethodResponse } from 'openapi-fetch';
import type { client } from './client';
import {
  checkInputContextValues,
  type components,
  evidenceKindValues,
  incidentCategoryInputValues,
  incidentStatusValues,
  newDecisionInputKindValues,
  noticeSentInputChannelValues,
  type paths,
  pathsApiEstablishmentsEstablishmentIdReportsPostRequestBodyContentMultipartFormDataNetworkValues,
  severityValues,
} from './schema';

type Schemas = components['schemas'];
/** The JSON answer of an operation for a status. */
type Answer<
  Path extends keyof paths,
  Method extends 'get' | 'post' | 'put' | 'patch' | 'delete',
  Status extends number,
> = paths[Path][Method] extends {
  responses: { [S in Status]: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

export type Role = Schemas['Role'];
export type Membership = Schemas['Membership'];
export type Session = Schemas['Session'];

export const GUARD_CONTEXTS = checkInputContextValues;
export type GuardContext = Schemas['CheckInput']['context'];
/**
 * As the typed client hands it over. openapi-fetch (its Readable helper, 0.17.0) drops a property
 * whose only type is `null`: a refused safer version reads `{ reason }` although the server also
 * sends `text: null`, so a refusal is told by its `reason` (safer-version.tsx).
 */
export type CheckReport = MethodResponse<
  typeof client,
  'post',
  '/api/establishments/{establishmentId}/checks'
>;
export type Verdict = CheckReport['verdict'];
export type Localized = Schemas['Localized'];
export type Span = Schemas['Span'];
export type Finding = CheckReport['findings'][number];
/** A rewrite the guard judges ok, or none and why. */
export type SaferVersion = CheckReport['saferVersion'];

export const NETWORKS =
  pathsApiEstablishmentsEstablishmentIdReportsPostRequestBodyContentMultipartFormDataNetworkValues;
export type Network = (typeof NETWORKS)[number];
/** The report form's limit (maxItems of its « screenshots » part on the server). */
export const MAX_SCREENSHOTS = 5;

export type FiledReport = Schemas['FiledReport'];
export type ReportOutcome = Schemas['ReportOutcome'];
/** The report form's limits, as the server applies them. */
export type FormLimits = Schemas['ReportFormLimits'];

export const INCIDENT_STATUSES = incidentStatusValues;
export type IncidentStatus = Schemas['IncidentStatus'];
export const SEVERITIES = severityValues;
export type Severity = Schemas['Severity'];
/** What the desk may set; the server answers any stored category as a string. */
export const INCIDENT_CATEGORIES = incidentCategoryInputValues;
export type IncidentCategory = Schemas['IncidentCategoryInput'];
export type Deadline = Schemas['Deadline'];
export type IncidentSummary = Schemas['IncidentSummary'];
/** One page of the desk's list (keyset pagination: pass nextCursor back as `cursor`). */
export type IncidentPage = Schemas['IncidentPage'];
export type Decision = Schemas['Decision'];
/** The desk's decisions, in the playbook's order (the server's). */
export const DECISION_KINDS = newDecisionInputKindValues;
export type DecisionKind = Schemas['NewDecisionInput']['kind'];
/** The orders the server sorts the desk's list in. */
export type IncidentListSort = NonNullable<
  NonNullable<paths['/api/establishments/{establishmentId}/incidents']['get']['parameters']['query']>['sort']
>;
export type IncidentDetail = Schemas['IncidentDetail'];
/** What every desk change returns. */
export type IncidentState = Schemas['IncidentState'];
export type TimelineEntry = Schemas['TimelineEntry'];

export const EVIDENCE_KINDS = evidenceKindValues;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export type Evidence = Schemas['Evidence'];

export type Member = Schemas['Member'];
/** One page of the users search. */
export type MemberPage = Schemas['MemberPage'];

export type GuardLists = Schemas['GuardLists'];
export type GuardListKey = keyof GuardLists;
/** In the order the administration page shows them. */
export const GUARD_LIST_KEYS = [
  'names',
  'services',
  'consentingStaff',
  'publicFigures',
] as const satisfies readonly GuardListKey[];

/** The secret is never returned. */
export type SsoSettings = Schemas['SsoSettings'];
/** Who offers single sign-on on the login page. */
export type SsoEstablishment = Answer<'/api/sso/establishments', 'get', 200>[number];

/** What the signed-in person may do on an incident now (server: incidents/policy.ts). */
export type PermittedActions = Schemas['PermittedActions'];
/** The DSA art. 16 notice, as edited and sent. */
export type NoticeView = Schemas['NoticeView'];
/** How a notice was sent to the platform. */
export const NOTICE_CHANNELS = noticeSentInputChannelValues;
export type NoticeChannel = Schemas['NoticeSentInput']['channel'];
export type DeskMember = Schemas['DeskMember'];
export type AppNotification = Schemas['Notification'];
export type Notifications = Schemas['Notifications'];
/** One page of the audit trail, and one entry of it. */
export type AuditPage = Schemas['AuditPage'];
export type AuditEntry = Schemas['AuditEntry'];
/** What an import of another listening tool's export did with the file's rows. */
export type MentionImportResult = Schemas['MentionImportResult'];

// Publishing desk (issue 12).
export type PublishingDraft = Schemas['PublishingDraft'];
export type PublishingWorkflow = Schemas['PublishingWorkflow'];
export type Publication = Schemas['Publication'];
export type PublishingAccount = Schemas['PublishingAccount'];
export type PublishingPause = Schemas['PublishingPause'];
export type PublishingCalendar = Schemas['PublishingCalendar'];
export type PublishingConsent = Schemas['PublishingConsent'];
export type PublishingConsentDetail = Schemas['PublishingConsentDetail'];
export type PublishingTakedown = Schemas['PublishingTakedown'];
