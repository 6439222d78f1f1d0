/**
 * The server API's shapes, mirrored by hand from packages/server/src/*\/schemas.ts (the web app
 * does not bundle zod). Keep them in step with those schemas.
 */

export type Role = 'admin' | 'communication' | 'community_manager' | 'legal' | 'agent';

export interface Membership {
  establishmentId: string;
  establishmentName: string;
  role: Role;
}

export interface Session {
  user: { id: string; email: string; displayName: string };
  memberships: Membership[];
  csrfToken: string;
  /** After an administrator's password reset: the person must choose a password first. */
  mustChangePassword: boolean;
}

export const GUARD_CONTEXTS = ['institutional', 'reply', 'staff', 'public'] as const;
export type GuardContext = (typeof GUARD_CONTEXTS)[number];
export type Verdict = 'ok' | 'warn' | 'block';

export interface Localized {
  fr: string;
  en: string;
}

export interface Span {
  type: string;
  start: number;
  end: number;
  score: number;
  evidence?: string;
}

export interface Finding {
  rule: string;
  severity: 'warn' | 'block';
  explanation: Localized;
  fix: { kind: 'redact' | 'rewrite' | 'remove' | 'report'; text: Localized };
  spans: Span[];
}

export interface CheckReport {
  verdict: Verdict;
  context: GuardContext;
  category: string | null;
  redacted: string;
  findings: Finding[];
  spans: Span[];
  detected: Span[];
  /** A rewrite the guard judges ok, or none and why (packages/server/src/checks/schemas.ts). */
  saferVersion: SaferVersion;
}

export type SaferVersion = { text: string } | { text: null; reason: Localized };

/** packages/server/src/reports/report-form.ts NETWORKS. */
export const NETWORKS = [
  'facebook',
  'instagram',
  'x',
  'tiktok',
  'linkedin',
  'youtube',
  'bluesky',
  'mastodon',
  'threads',
  'google_reviews',
  'doctolib',
  'forum',
  'press',
  'other',
] as const;
export type Network = (typeof NETWORKS)[number];
export const MAX_SCREENSHOTS = 5;

export interface FiledReport {
  reportId: string;
  incidentReference: string;
  receivedAt: string;
  acknowledgement: string;
  followUpCode?: string;
}

export const INCIDENT_STATUSES = ['new', 'qualified', 'decided', 'responded', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const SEVERITIES = ['N0', 'N1', 'N2', 'N3', 'N4'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface ReportOutcome {
  reportId: string;
  url: string;
  network: string;
  createdAt: string;
  incidentReference: string | null;
  status: IncidentStatus | null;
  statusLabel: string;
  /** One plain sentence; the desk's internal decisions never reach a reporter. */
  outcome: string;
}

/** GET /api/reports/form-limits. */
export interface FormLimits {
  maxScreenshots: number;
  maxFileBytes: number;
  minDescriptionWithoutLink: number;
}

export interface Deadline {
  kind: string;
  label: string;
  dueAt: string;
  state: 'ok' | 'soon' | 'passed' | 'met';
}

export interface IncidentSummary {
  id: string;
  reference: string;
  title: string;
  status: IncidentStatus;
  proposedSeverity: Severity;
  severity: Severity | null;
  proposedCategory: string;
  category: string | null;
  ownerId: string | null;
  firstPublishedAt: string | null;
  breachAwareAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  deadlines: Deadline[];
  nextDueAt: string | null;
  overdue: boolean;
}

/** packages/server/src/incidents/schemas.ts listPageSchema: one page of the desk's list. */
export interface IncidentPage {
  items: IncidentSummary[];
  nextCursor: string | null;
  total: number;
}

export interface Decision {
  id: string;
  kind: string;
  note: string | null;
  targetStaffName: string | null;
  targetStaffUserId: string | null;
  authorId: string;
  at: string;
}

export interface IncidentDetail extends IncidentSummary {
  ownerName: string | null;
  decisions: Decision[];
  permittedActions: PermittedActions;
  guard: {
    verdict: string;
    guardCategory: string | null;
    findings: { rule: string; severity: 'warn' | 'block'; explanation: string }[];
  };
  report: {
    url: string;
    network: string;
    excerpt: string;
    seenWhere: string;
    note: string;
    createdAt: string;
    reporterName: string | null;
  } | null;
  evidence: { count: number; latest: { id: string; fileName: string; capturedAt: string }[] };
}

/** packages/server/src/incidents/schemas.ts stateSchema: what every desk change returns. */
export interface IncidentState extends IncidentSummary {
  ownerName: string | null;
  decisions: Decision[];
  permittedActions: PermittedActions;
}

/** packages/server/src/incidents/schemas.ts timelineEntrySchema. */
export interface TimelineEntry {
  id: string;
  at: string;
  kind: string;
  actorId: string | null;
  actorName: string | null;
  detail: Record<string, unknown>;
}

/** packages/server/src/evidence/routes.ts evidenceSchema. */
export const EVIDENCE_KINDS = ['screenshot', 'page', 'text', 'document', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface Evidence {
  id: string;
  incidentId: string;
  seq: number;
  kind: EvidenceKind;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  /** The received file's hash when an image was re-encoded without its metadata. */
  originalSha256: string | null;
  sourceUrl: string | null;
  capturedAt: string;
  capturedBy: { id: string; displayName: string } | null;
  prevHash: string;
  chainHash: string;
}

/** packages/server/src/incidents/schemas.ts noticeSchema (DSA art. 16 notice). */
export interface PlatformNotice {
  text: string;
  elements: {
    explanation: string;
    legalBasis: string;
    url: string;
    notifierName: string;
    notifierEmail: string;
    goodFaithStatement: string;
  };
}

/** packages/server/src/accounts/admin-routes.ts memberSchema. */
export interface Member {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  hasPassword: boolean;
  sso: boolean;
  disabled: boolean;
}

/** packages/server/src/accounts/guard-lists.ts guardListsOutSchema. */
export const GUARD_LIST_KEYS = ['names', 'services', 'consentingStaff', 'publicFigures'] as const;
export type GuardListKey = (typeof GUARD_LIST_KEYS)[number];
export type GuardLists = Record<GuardListKey, string[]>;

/** packages/server/src/accounts/sso-routes.ts settingsSchema (the secret is never returned). */
export interface SsoSettings {
  issuer: string;
  clientId: string;
  defaultRole: Role;
  enabled: boolean;
}

/** GET /api/sso/establishments: who offers single sign-on on the login page. */
export interface SsoEstablishment {
  establishmentId: string;
  name: string;
}

/** packages/server/src/incidents/policy.ts PermittedActions: what the signed-in person may do now. */
export interface PermittedActions {
  qualify: boolean;
  changeStatus: IncidentStatus[];
  decide: string[];
  assign: boolean;
  comment: boolean;
  setDates: boolean;
  addEvidence: boolean;
  exportEvidence: boolean;
  notice: boolean;
  editNotice: boolean;
  markNoticeSent: boolean;
  exportCaseFile: boolean;
}

/** packages/server/src/incidents/notice-service.ts NoticeView. */
export interface NoticeView extends PlatformNotice {
  version: number;
  edited: { at: string; byName: string | null } | null;
  sent: { at: string; channel: string; byName: string | null } | null;
}

/** packages/server/src/incidents/desk-members.ts DeskMember. */
export interface DeskMember {
  id: string;
  displayName: string;
  handle: string;
}

/** packages/server/src/incidents/notifications/routes.ts notificationSchema. */
export interface AppNotification {
  id: string;
  kind: string;
  incidentId: string;
  reference: string;
  actorName: string | null;
  createdAt: string;
  readAt: string | null;
}

/** GET /api/establishments/:id/users: one page of the search. */
export interface MemberPage {
  items: Member[];
  total: number;
}

/** GET /api/establishments/:id/audit: one entry of the trail. */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: { id: string; displayName: string | null } | null;
  action: string;
  targetType: string;
  targetId: string | null;
  detail: Record<string, unknown>;
  hash: string;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: number | null;
}
