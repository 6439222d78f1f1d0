import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The tables, as Kysely sees them. Timestamps are ISO 8601 strings in UTC (the same text in
 * SQLite and PostgreSQL, sortable, no driver-specific date types); booleans are 0/1 integers for
 * the same reason; binary content is a Buffer (BLOB / BYTEA).
 */
export interface Database {
  establishment_groups: EstablishmentGroupTable;
  establishments: EstablishmentTable;
  users: UserTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  login_throttle: LoginThrottleTable;
  oidc_providers: OidcProviderTable;
  audit_log: AuditLogTable;
  check_stats: CheckStatsTable;
  reports: ReportTable;
  report_files: ReportFileTable;
  incidents: IncidentTable;
  incident_events: IncidentEventTable;
  evidence: EvidenceTable;
  filing_throttle: FilingThrottleTable;
  incident_notices: IncidentNoticeTable;
  notifications: NotificationTable;
  watch_terms: WatchTermTable;
  listening_sources: ListeningSourceTable;
  heard_posts: HeardPostTable;
  mentions: MentionTable;
  buzz_series: BuzzSeriesTable;
  listening_alerts: ListeningAlertTable;
  alert_routes: AlertRouteTable;
  jobs: JobTable;
  alert_deliveries: AlertDeliveryTable;
  listening_alert_settings: ListeningAlertSettingsTable;
  publishing_drafts: PublishingDraftTable;
  publishing_variants: PublishingVariantTable;
  publishing_approvals: PublishingApprovalTable;
  publishing_workflows: PublishingWorkflowTable;
  publishing_accounts: PublishingAccountTable;
  publications: PublicationTable;
  publishing_pause: PublishingPauseTable;
  publishing_media: PublishingMediaTable;
  publishing_consents: PublishingConsentTable;
  publishing_draft_consents: PublishingDraftConsentTable;
  publishing_takedowns: PublishingTakedownTable;
  publication_metrics: PublicationMetricsTable;
  publication_consents: PublicationConsentTable;
  analytics_daily: AnalyticsDailyTable;
  analytics_incidents: AnalyticsIncidentTable;
  analytics_publications: AnalyticsPublicationTable;
  analytics_approvals: AnalyticsApprovalTable;
  analytics_watermarks: AnalyticsWatermarkTable;
  charter_versions: CharterVersionTable;
  charter_acknowledgements: CharterAcknowledgementTable;
  quiz_attempts: QuizAttemptTable;
  quiz_results: QuizResultTable;
  privacy_reminders: PrivacyReminderTable;
  monthly_reports: MonthlyReportTable;
}

/**
 * « direction » (issue 14) is the establishment's management: it reads the dashboards and receives
 * the monthly report, and may check and report like everyone; it works no incident.
 */
export type Role = 'admin' | 'direction' | 'communication' | 'community_manager' | 'legal' | 'agent';
export const ROLES: readonly Role[] = [
  'admin',
  'direction',
  'communication',
  'community_manager',
  'legal',
  'agent',
];

export interface EstablishmentGroupTable {
  id: string;
  name: string;
  created_at: string;
}

export interface EstablishmentTable {
  id: string;
  group_id: string | null;
  name: string;
  /** The guard's lists for this establishment (names, services, consenting staff, public figures), JSON. */
  guard_lists: string;
  created_at: string;
}

export interface UserTable {
  id: string;
  /** Lower-cased; unique. */
  email: string;
  display_name: string;
  /** argon2id PHC string; null for single-sign-on-only accounts. */
  password_hash: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  /** 1 for the demo accounts, which can sign in only when the server runs in demo mode. */
  demo: number;
  disabled: number;
  created_at: string;
  /** 1 after an administrator's password reset, until the person chooses a password (migration 0006). */
  must_change_password: Generated<number>;
}

export interface MembershipTable {
  user_id: string;
  establishment_id: string;
  role: Role;
  created_at: string;
  /** The service the member works in, among the establishment's list; null until said (migration 0018). */
  service: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token: a stolen database does not give live sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface LoginThrottleTable {
  /** « email:… » or « ip:… ». */
  key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface OidcProviderTable {
  establishment_id: string;
  issuer: string;
  client_id: string;
  client_secret: string;
  /** Role given to a first-time user of this establishment's directory. */
  default_role: Role;
  created_at: string;
  /** 0 when the establishment switched its single sign-on off (migration 0006). */
  enabled: Generated<number>;
}

export interface AuditLogTable {
  /** Position in the chain, from 1. */
  seq: number;
  at: string;
  establishment_id: string | null;
  /** Null for the system; the anonymous reporter is never recorded here. */
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  /** JSON; never a patient's text. */
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface CheckStatsTable {
  establishment_id: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
  context: string;
  verdict: string;
  /** A rule id, or « * » for the row counting the checks themselves. */
  rule_id: string;
  count: number;
}

export interface ReportTable {
  id: string;
  establishment_id: string;
  /** Null when the report is anonymous: no one, admins included, can find who sent it. */
  reporter_id: string | null;
  /** SHA-256 of the follow-up code given to an anonymous reporter. */
  follow_up_hash: string | null;
  url: string;
  network: string;
  excerpt: string;
  seen_where: string;
  note: string;
  first_published_at: string | null;
  created_at: string;
}

export interface ReportFileTable {
  id: string;
  report_id: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_at: string;
}

export type IncidentStatus = 'new' | 'qualified' | 'decided' | 'responded' | 'closed';
export type Severity = 'N0' | 'N1' | 'N2' | 'N3' | 'N4';

export interface IncidentTable {
  id: string;
  establishment_id: string;
  report_id: string | null;
  /** Reference shown to people: « INC-2026-0042 ». */
  reference: string;
  title: string;
  status: IncidentStatus;
  proposed_severity: Severity;
  severity: Severity | null;
  proposed_category: string;
  category: string | null;
  /** The guard's findings on the excerpt, JSON (rule ids, severities, explanations; no text spans). */
  guard_findings: string;
  decisions: string;
  owner_id: string | null;
  first_published_at: string | null;
  /** When the establishment became aware of a personal-data breach (starts the 72-hour clock). */
  breach_aware_at: string | null;
  created_at: string;
  updated_at: string;
  /** Optimistic concurrency: bumped by every change. */
  version: number;
  /**
   * The earliest deadline still owed (ISO), or null: what the list filters « overdue » on and
   * sorts by in SQL. Derived from the row and its events; rewritten by every change.
   */
  next_due_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** Reference, title, excerpt and category, case- and accent-folded: what the desk's search reads. */
  search_text: ColumnType<string, string | undefined, string>;
}

export interface IncidentEventTable {
  id: string;
  incident_id: string;
  at: string;
  actor_id: string | null;
  kind: string;
  detail: string;
}

export interface EvidenceTable {
  id: string;
  incident_id: string;
  establishment_id: string;
  /** Position in the establishment's evidence chain, from 1. */
  seq: number;
  kind: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  source_url: string | null;
  captured_at: string;
  captured_by: string | null;
  prev_hash: string;
  chain_hash: string;
  /** SHA-256 of the file as received, when the stored bytes differ (an image stripped of metadata). */
  original_sha256: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Report filings counted per user or per client address; the key is a hash, never the address. */
export interface FilingThrottleTable {
  key: string;
  count: number;
  window_started_at: string;
}

export type Row<T extends keyof Database> = Selectable<Database[T]>;
export type NewRow<T extends keyof Database> = Insertable<Database[T]>;
export type RowUpdate<T extends keyof Database> = Updateable<Database[T]>;
export type { ColumnType, Generated };

/** The DSA notice as the desk edited and sent it (migration 0005). */
export interface IncidentNoticeTable {
  incident_id: string;
  establishment_id: string;
  /** The edited text; null until someone edits the generated one. */
  text: string | null;
  edited_by: string | null;
  edited_at: string | null;
  sent_at: string | null;
  /** How it was sent: « formulaire », « courriel », « courrier »… */
  sent_channel: string | null;
  sent_by: string | null;
}

/** An in-app notification for one person (migration 0005); names the incident, not the text. */
export interface NotificationTable {
  id: string;
  establishment_id: string;
  user_id: string;
  incident_id: string;
  kind: string;
  event_id: string | null;
  actor_id: string | null;
  created_at: string;
  read_at: string | null;
}

/** 'name' | 'alias' | 'service' | 'hashtag' match; 'exclusion' drops a post that contains it. */
export type WatchTermKind = 'name' | 'alias' | 'service' | 'hashtag' | 'exclusion';

export interface WatchTermTable {
  id: string;
  establishment_id: string;
  kind: WatchTermKind;
  term: string;
  /** Lower case, accents removed, spaces collapsed: what the matcher compiles. */
  folded: string;
  created_at: string;
}

export interface ListeningSourceTable {
  id: string;
  /** Null: shared by the whole deployment (one firehose, fanned out by watch terms). */
  establishment_id: string | null;
  /** A SourceKind (listening/incoming-post.ts). */
  kind: string;
  name: string;
  /** The source's own settings, JSON (a feed's URL, a hashtag, a PDS or relay address). */
  settings: string;
  enabled: number;
  cursor: string | null;
  failures: number;
  last_error: string | null;
  next_attempt_at: string | null;
  last_read_at: string | null;
  created_at: string;
}

export interface HeardPostTable {
  id: string;
  dedupe_key: string;
  source: string;
  external_id: string;
  url: string | null;
  author_handle: string | null;
  author_kind: string | null;
  reach: number | null;
  text: string;
  published_at: string;
  received_at: string;
  /** The text folded for search (incidents/search-fold.ts), migration 0009. */
  search_text: string;
}

export interface MentionTable {
  id: string;
  establishment_id: string;
  post_id: string;
  /** JSON array of the watch terms found, as written by the establishment. */
  matched_terms: string;
  /** The guard's category for a public post, lower-cased (complaint, rumor, threat, …). */
  category: string;
  verdict: 'ok' | 'warn' | 'block';
  /** JSON array of { rule, severity, explanation }: never the spans. */
  findings: string;
  source: string;
  published_at: string;
  created_at: string;
  expires_at: string;
  incident_id: string | null;
}

export interface BuzzSeriesTable {
  establishment_id: string;
  /** « term:<folded term> » or « category:<category> ». */
  series_key: string;
  snapshot: string;
  updated_at: string;
}

export interface ListeningAlertTable {
  id: string;
  establishment_id: string;
  tier: 'immediate' | 'volume';
  /** Why: privacy_breach, threat, doxxing, high_reach, press, official, volume. */
  reason: string;
  series_key: string | null;
  /** French, for people: « 17 mentions en 30 min, 2,1 attendues ». */
  explanation: string;
  /** JSON: counts, expected, top terms and authors. */
  details: string;
  /** JSON array of mention ids. */
  mention_ids: string;
  created_at: string;
  incident_id: string | null;
}

export interface AlertRouteTable {
  id: string;
  establishment_id: string;
  tier: 'immediate' | 'volume';
  channel: 'email' | 'webhook';
  /** An e-mail address or an https webhook URL. */
  target: string;
  /** The webhook's HMAC key; null for e-mail. */
  secret: string | null;
  /** « HH:MM » local time (Europe/Paris): volume alerts wait until quiet hours end. */
  quiet_from: string | null;
  quiet_until: string | null;
  enabled: number;
  created_at: string;
}

/** pending: waiting (first run or retry); running: leased until locked_until; done; failed. */
export type JobState = 'pending' | 'running' | 'done' | 'failed';

/** A background job of the in-process engine (migration 0008). */
export interface JobTable {
  id: string;
  queue: string;
  /** The payload, JSON. */
  data: string;
  state: JobState;
  /** Not before this time: the first run, or the next retry after a back-off. */
  run_after: string;
  /** Runs started so far (1 while the first one runs). */
  attempt: ColumnType<number, number | undefined, number>;
  /** Runs allowed after the first one fails. */
  retry_limit: number;
  /** Seconds before the first retry, doubled at each one. */
  retry_delay: number;
  singleton_key: string | null;
  /** The running job's lease: past it, its process is taken for dead and the job runs again. */
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

/** One alert sent (or waiting, or retried) to one route (migration 0010). */
export interface AlertDeliveryTable {
  id: string;
  establishment_id: string;
  alert_id: string;
  route_id: string;
  /** 'pending' (due at not_before), 'sent', or 'failed' after the last retry. */
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  /** ISO: the end of quiet hours, the next retry, or a claim's lease while it is being sent. */
  not_before: string;
  /** Why the last attempt failed (status code, timeout); never the alert's content. */
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** An establishment's thresholds for immediate alerts (migration 0010); absent: the defaults. */
export interface ListeningAlertSettingsTable {
  establishment_id: string;
  /** Followers from which an author's mention alerts at once. */
  reach_threshold: number;
  /** Within this many minutes, alerts of one reason group into the first one. */
  cooldown_minutes: number;
  updated_at: string;
}

/** Where a draft stands in its establishment's workflow (publishing/workflow.ts). */
export type DraftStatus = 'draft' | 'in_review' | 'approved' | 'rejected';

/** An institutional post being prepared (migration 0011). */
export interface PublishingDraftTable {
  id: string;
  establishment_id: string;
  author_id: string;
  /** Whoever wrote the current revision: neither they nor the author may approve it. */
  last_editor_id: string;
  /** The desk's own name for the post, never published. */
  title: string;
  status: DraftStatus;
  /** Grows at every edit; approvals count for the revision they were given on. */
  revision: number;
  /** 1 when the guard warned on a variant at submission: the workflow's sensitive steps apply. */
  sensitive: number;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  /** 1 when the author states that the photos show nobody recognisable (migration 0014). */
  nobody_shown: number;
}

/** A draft's text for one network, with the guard's reading of it when last saved. */
export interface PublishingVariantTable {
  draft_id: string;
  network: string;
  title: string | null;
  text: string;
  verdict: 'ok' | 'warn' | 'block';
  /** JSON: the findings (rule, severity, French explanation, raised by). */
  findings: string;
  checked_at: string;
}

export interface PublishingApprovalTable {
  id: string;
  draft_id: string;
  revision: number;
  /** Index of the workflow step this decision was given at. */
  step: number;
  approver_id: string;
  decision: 'approved' | 'rejected';
  comment: string;
  created_at: string;
}

export interface PublishingWorkflowTable {
  establishment_id: string;
  /** JSON: the steps (publishing/workflow.ts). */
  steps: string;
  updated_at: string;
}

/** An establishment's account on a network (migration 0012); `secret` is sealed, never shown. */
export interface PublishingAccountTable {
  id: string;
  establishment_id: string;
  network: string;
  /** The server spoken to: a Bluesky PDS, a Mastodon instance, a Graph API base. */
  service_url: string;
  /** The account's handle or id, shown to the desk. */
  identifier: string;
  secret: string;
  created_at: string;
  updated_at: string;
}

export type PublicationStatus = 'scheduled' | 'publishing' | 'published' | 'failed' | 'cancelled';

/** One approved variant to publish at a time, and what became of it. */
export interface PublicationTable {
  id: string;
  establishment_id: string;
  draft_id: string;
  /** The draft's revision that was approved: an edit after scheduling cancels it. */
  revision: number;
  network: string;
  scheduled_at: string;
  status: PublicationStatus;
  idempotency_key: string;
  attempts: number;
  last_error: string | null;
  external_id: string | null;
  url: string | null;
  published_at: string | null;
  created_at: string;
  created_by: string;
}

export interface PublishingPauseTable {
  establishment_id: string;
  paused: number;
  changed_by: string;
  changed_at: string;
  reason: string;
}

/** A photo attached to a draft, re-encoded without metadata (migration 0013). */
export interface PublishingMediaTable {
  id: string;
  draft_id: string;
  position: number;
  media_type: string;
  content: Buffer;
  byte_size: number;
  /** What the photo shows, for people who cannot see it (alt text on every network). */
  alt_text: string;
  created_at: string;
  /** The image guard's reading (JSON, see publishing/media/photo-check.ts); null for videos. */
  image_check: string | null;
}

export type ConsentPersonKind = 'staff' | 'patient' | 'visitor';
export type ConsentUse = 'name' | 'image' | 'voice';

/** One person's consent to appear in the establishment's posts (migration 0014). */
export interface PublishingConsentTable {
  id: string;
  establishment_id: string;
  /** As the posts name them: « Pr Hélène Morvan », « Jeanne ». */
  person_name: string;
  /** The name folded (lower case, no accents), for searching on both databases alike. */
  person_key: string;
  person_kind: ConsentPersonKind;
  /** JSON: the uses consented to (ConsentUse[]). */
  uses: string;
  /** JSON: the networks consented to; [] for every network. */
  networks: string;
  /** What the consent was given for, in the person's words or the form's. */
  purpose: string;
  /** Who signed when it is not the person (both parents of a minor, a guardian). */
  signatory: string | null;
  given_on: string;
  expires_on: string;
  form_content: Buffer;
  form_type: string;
  form_bytes: number;
  form_sha256: string;
  created_by: string;
  created_at: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawal_reason: string | null;
}

export interface PublishingDraftConsentTable {
  draft_id: string;
  consent_id: string;
}

/** A published post to take down: a person in it withdrew their consent. */
export interface PublishingTakedownTable {
  id: string;
  establishment_id: string;
  publication_id: string;
  consent_id: string;
  flagged_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

/** The latest engagement read from the network for a published post (migration 0015). */
export interface PublicationMetricsTable {
  publication_id: string;
  likes: number | null;
  shares: number | null;
  comments: number | null;
  impressions: number | null;
  collected_at: string;
  collections: number;
}

/** A consent a publication went out with (migration 0016). */
export interface PublicationConsentTable {
  publication_id: string;
  consent_id: string;
}

export type MonthlyReportScope = 'establishment' | 'group';

/** A month's report to the direction, as archived and mailed (migration 0020). */
export interface MonthlyReportTable {
  id: string;
  scope: MonthlyReportScope;
  scope_id: string;
  /** YYYY-MM, the month reported on (Europe/Paris). */
  month: string;
  pdf: Buffer;
  size: number;
  sha256: string;
  generated_at: string;
  /** Null until the mail to the direction left (or while no one of the direction has an address). */
  emailed_at: string | null;
  recipients: ColumnType<number, number | undefined, number>;
}

/** A published version of the establishment's charter (migration 0018). */
export interface CharterVersionTable {
  id: string;
  establishment_id: string;
  version: number;
  /** Markdown. */
  body: string;
  /** SHA-256 of the body's UTF-8 bytes, hex: what an acknowledgement names. */
  sha256: string;
  /** Null for Blouse's default text. */
  published_by: string | null;
  published_at: string;
}

export type CharterChannel = 'web';
export type CharterLanguage = 'fr' | 'en';

/** One person's acknowledgement of one version of the charter. */
export interface CharterAcknowledgementTable {
  user_id: string;
  establishment_id: string;
  version: number;
  sha256: string;
  acknowledged_at: string;
  channel: CharterChannel;
  language: CharterLanguage;
}

/** A quiz in progress; deleted when finished (only the score is kept, in quiz_results). */
export interface QuizAttemptTable {
  id: string;
  user_id: string;
  establishment_id: string;
  /** JSON: the question ids drawn, in the order they are asked. */
  question_ids: string;
  /** JSON: the ids answered so far (which were right is not kept, only how many). */
  answered_ids: string;
  correct: number;
  started_at: string;
  expires_at: string;
}

/** A person's last quiz score in an establishment, overwritten at each finished attempt. */
export interface QuizResultTable {
  user_id: string;
  establishment_id: string;
  score: number;
  total: number;
  taken_at: string;
}

/** The six-monthly privacy-settings reminder of one person. */
export interface PrivacyReminderTable {
  user_id: string;
  opted_out: Generated<number>;
  last_sent_at: string | null;
  updated_at: string;
}

/** Counts per establishment, Paris day, metric and dimension (migration 0019; analytics/metrics.ts). */
export interface AnalyticsDailyTable {
  establishment_id: string;
  /** YYYY-MM-DD in Europe/Paris (check counts keep check_stats' UTC days). */
  day: string;
  metric: string;
  dimension: string;
  value: number;
}

/** An incident as the dashboards read it, rewritten whenever it changes (migration 0019). */
export interface AnalyticsIncidentTable {
  incident_id: string;
  establishment_id: string;
  /** The Paris day it was opened. */
  opened_day: string;
  opened_at: string;
  severity: Severity;
  category: string;
  status: IncidentStatus;
  /** Minutes from opening to qualification, null until then. */
  qualify_minutes: number | null;
  /** The §3.5 target for qualifying, null when the level has none. */
  qualify_due_at: string | null;
  /** 1: qualified within the target; 0: late; null: not yet (or no target). */
  qualify_within: number | null;
  first_action_minutes: number | null;
  first_action_due_at: string | null;
  first_action_within: number | null;
  /** incidents.next_due_at: past it and not closed, the incident is overdue. */
  next_due_at: string | null;
  closed_at: string | null;
  /** incidents.updated_at when this row was written. */
  source_updated_at: string;
}

/** A published post and its latest engagement (migration 0019). */
export interface AnalyticsPublicationTable {
  publication_id: string;
  establishment_id: string;
  network: string;
  published_day: string;
  likes: number;
  shares: number;
  comments: number;
  impressions: number;
}

/** A draft's final approval and how long it took from submission (migration 0019). */
export interface AnalyticsApprovalTable {
  draft_id: string;
  establishment_id: string;
  approved_day: string;
  lead_minutes: number;
}

/** How far the analytics refresh has read each source (migration 0019). */
export interface AnalyticsWatermarkTable {
  source: string;
  /** « <timestamp>|<id> » of the last row read. */
  position: string;
  refreshed_at: string;
}
