/**
 * The server API's shapes under the names the pages use. Every one is an alias of schema.ts,
 * generated from the server's zod schemas (`npm run contract`): nothing here is copied by hand.
 */
import {
  checkInputContextValues,
  type components,
  evidenceKindValues,
  incidentCategoryInputValues,
  incidentStatusValues,
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
export type CheckReport = Schemas['CheckReport'];
export type Verdict = CheckReport['verdict'];
export type Localized = Schemas['Localized'];
export type Span = Schemas['Span'];
export type Finding = CheckReport['findings'][number];

export const NETWORKS =
  pathsApiEstablishmentsEstablishmentIdReportsPostRequestBodyContentMultipartFormDataNetworkValues;
export type Network = (typeof NETWORKS)[number];
/** The report form's limit (maxItems of its « screenshots » part on the server). */
export const MAX_SCREENSHOTS = 5;

export type FiledReport = Schemas['FiledReport'];
export type ReportOutcome = Schemas['ReportOutcome'];

export const INCIDENT_STATUSES = incidentStatusValues;
export type IncidentStatus = Schemas['IncidentStatus'];
export const SEVERITIES = severityValues;
export type Severity = Schemas['Severity'];
/** What the desk may set; the server answers any stored category as a string. */
export const INCIDENT_CATEGORIES = incidentCategoryInputValues;
export type IncidentCategory = Schemas['IncidentCategoryInput'];
export type Deadline = Schemas['Deadline'];
export type IncidentSummary = Schemas['IncidentSummary'];
export type Decision = Schemas['Decision'];
export type IncidentDetail = Schemas['IncidentDetail'];
/** What every desk change returns. */
export type IncidentState = Schemas['IncidentState'];
export type TimelineEntry = Schemas['TimelineEntry'];

export const EVIDENCE_KINDS = evidenceKindValues;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export type Evidence = Schemas['Evidence'];

/** DSA art. 16 notice. */
export type PlatformNotice = Schemas['PlatformNotice'];

export type Member = Schemas['Member'];

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
