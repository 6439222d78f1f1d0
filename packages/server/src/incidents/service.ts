import { randomUUID } from 'node:crypto';
import type { IncidentStatus, Role, RowUpdate, Severity } from '../db/schema.js';
import { DESK_ROLES } from '../http/auth.js';
import { type AppContext, inUnit, type Unit } from '../http/context.js';
import { conflict, forbidden, notFound, unprocessable } from '../http/problem.js';
import { CATEGORY_LABELS, type IncidentCategory } from './categories.js';
import { type DecisionRequest, decisionRefusal, mayRecordDecision } from './decisions.js';
import {
  DEFAULT_PAGE_SIZE,
  decodeCursor,
  encodeCursor,
  filtersDigest,
  type ListSort,
  MAX_PAGE_SIZE,
} from './list-cursor.js';
import { buildNotice, type Notice, noticeable } from './notice.js';
import { alertDesk, alertsDesk } from './notifications/desk-alert.js';
import { notifyMentions } from './notifications/notify-mentions.js';
import { type PermittedActions, permittedActions } from './policy.js';
import {
  countIncidents,
  establishmentName,
  evidenceSummary,
  findIncident,
  findReport,
  type IncidentRow,
  insertEvent,
  type ListFilters,
  listEvents,
  listIncidentsPage,
  memberRole,
  type ReportView,
  refreshListKeys,
  sortKeysOf,
  updateIfVersion,
  userNames,
} from './repository.js';
import { containsPattern } from './search-fold.js';
import {
  decisionsOf,
  effectiveCategory,
  type GuardSummary,
  guardSummaryOf,
  type IncidentSummary,
  parseJson,
  type StoredDecision,
  summarize,
} from './view.js';
import { checkTransition, DECIDABLE, QUALIFIABLE, STATUS_LABELS } from './workflow.js';

/** Who acts: the signed-in member of the desk, with their role in this establishment. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  readonly displayName: string;
  readonly email: string;
}

export interface IncidentState extends IncidentSummary {
  readonly ownerName: string | null;
  readonly decisions: StoredDecision[];
  /** What the person asking may do now: the web app offers exactly these. */
  readonly permittedActions: PermittedActions;
}

export interface IncidentDetail extends IncidentState {
  readonly guard: GuardSummary;
  readonly report: ReportView | null;
  readonly evidence: Awaited<ReturnType<typeof evidenceSummary>>;
}

export interface TimelineEntry {
  readonly id: string;
  readonly at: string;
  readonly kind: string;
  readonly actorId: string | null;
  readonly actorName: string | null;
  readonly detail: Record<string, unknown>;
}

export const stale = () =>
  conflict(
    'version_perimee',
    'L’incident a été modifié entre-temps par quelqu’un d’autre : rechargez-le avant de recommencer.',
  );

/** The policy's answer for this person on this incident as it now stands. */
export const actionsOn = (row: IncidentRow, actor: Actor): PermittedActions =>
  permittedActions({
    role: actor.role,
    status: row.status,
    category: effectiveCategory(row),
    hasReport: row.report_id !== null,
  });

async function stateOf(
  unit: Unit | AppContext,
  row: IncidentRow,
  now: Date,
  actor: Actor,
): Promise<IncidentState> {
  const db = 'trx' in unit ? unit.trx : unit.storage.db;
  const events = await listEvents(db, row.establishment_id, [row.id]);
  const owners = await userNames(db, row.owner_id === null ? [] : [row.owner_id]);
  return {
    ...summarize(row, events, now),
    ownerName: row.owner_id === null ? null : (owners.get(row.owner_id) ?? null),
    decisions: decisionsOf(row),
    permittedActions: actionsOn(row, actor),
  };
}

export async function load(unit: Unit, establishmentId: string, id: string): Promise<IncidentRow> {
  const row = await findIncident(unit.trx, establishmentId, id);
  if (row === undefined) throw notFound('Cet incident n’existe pas ou ne vous est pas accessible.');
  return row;
}

/**
 * Runs one change: loads the incident, lets `change` check it and say what to write, applies it
 * at the version the client saw, and returns the new state. Events and audit go in the same
 * transaction, so a refused or stale change leaves no trace but the refusal.
 */
export async function change(
  context: AppContext,
  establishmentId: string,
  id: string,
  actor: Actor,
  version: number,
  work: (unit: Unit, row: IncidentRow) => Promise<RowUpdate<'incidents'>>,
): Promise<IncidentState> {
  return inUnit(context, async (unit) => {
    const row = await load(unit, establishmentId, id);
    if (Number(row.version) !== version) throw stale();
    const changes = await work(unit, row);
    if (!(await updateIfVersion(unit.trx, row, version, unit.now, changes))) throw stale();
    // Severity, status, dates and events move the next deadline; the title moves the search text.
    await refreshListKeys(unit.trx, establishmentId, id);
    const updated = await load(unit, establishmentId, id);
    return stateOf(unit, updated, unit.now, actor);
  });
}

export interface DeskListRequest {
  readonly status?: IncidentStatus | undefined;
  readonly severity?: Severity | undefined;
  readonly category?: string | undefined;
  readonly owner?: string | undefined;
  readonly overdue?: boolean | undefined;
  /** Free text over reference, title, excerpt and category; case and accents do not matter. */
  readonly q?: string | undefined;
  readonly sort?: ListSort | undefined;
  readonly cursor?: string | undefined;
  readonly limit?: number | undefined;
}

export interface DeskPage {
  readonly items: IncidentSummary[];
  /** Pass back as `cursor` for the next page; null on the last one. */
  readonly nextCursor: string | null;
  /** How many incidents match the filters, all pages together. */
  readonly total: number;
}

/**
 * One page of the desk's list. Every filter runs in SQL, « overdue » included (on the stored
 * next deadline), so nothing is cut before it is filtered: an old overdue threat is found
 * however many reports came after it.
 */
export async function listDesk(
  context: AppContext,
  establishmentId: string,
  request: DeskListRequest,
): Promise<DeskPage> {
  const db = context.storage.db;
  const now = context.clock();
  const sort = request.sort ?? 'newest';
  const limit = Math.min(Math.max(request.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const q = request.q?.trim() ?? '';
  const filters: ListFilters = {
    status: request.status,
    severity: request.severity,
    category: request.category,
    owner: request.owner,
    overdueAt: request.overdue === true ? now.toISOString() : undefined,
    searchPattern: q === '' ? undefined : containsPattern(q),
  };
  // The cursor belongs to these filters (the instant of « overdue » aside, which moves).
  const digest = filtersDigest({ ...filters, overdueAt: request.overdue === true, searchPattern: q });
  const after = request.cursor === undefined ? null : decodeCursor(request.cursor, sort, digest);
  // One row more than the page tells whether another page follows.
  const rows = await listIncidentsPage(db, establishmentId, filters, sort, after, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last !== undefined ? encodeCursor(sort, digest, sortKeysOf(last, sort)) : null;
  // Only the listed incidents' events, not the whole history of the establishment.
  const events = await listEvents(
    db,
    establishmentId,
    page.map((row) => row.id),
  );
  const byIncident = new Map<string, typeof events>();
  for (const event of events) {
    const list = byIncident.get(event.incidentId) ?? [];
    list.push(event);
    byIncident.set(event.incidentId, list);
  }
  const items = page.map((row) => summarize(row, byIncident.get(row.id) ?? [], now));
  const total = await countIncidents(db, establishmentId, filters);
  return { items, nextCursor, total };
}

/** The full incident, with the reported post: a sensitive read, audited. */
export function readIncident(
  context: AppContext,
  establishmentId: string,
  id: string,
  actor: Actor,
): Promise<IncidentDetail> {
  return inUnit(context, async (unit) => {
    const row = await load(unit, establishmentId, id);
    const state = await stateOf(unit, row, unit.now, actor);
    const report =
      row.report_id === null ? undefined : await findReport(unit.trx, establishmentId, row.report_id);
    const evidence = await evidenceSummary(unit.trx, establishmentId, id);
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: 'incident.read',
      targetType: 'incident',
      targetId: id,
      detail: { reference: row.reference },
    });
    return { ...state, guard: guardSummaryOf(row), report: report ?? null, evidence };
  });
}

export interface QualificationRequest {
  readonly severity?: Severity | undefined;
  readonly category?: IncidentCategory | undefined;
  readonly version: number;
}

/**
 * A person confirms or changes the proposed severity and category; a new incident becomes
 * qualified by it.
 */
export function qualify(
  context: AppContext,
  establishmentId: string,
  id: string,
  actor: Actor,
  request: QualificationRequest,
): Promise<IncidentState> {
  return change(context, establishmentId, id, actor, request.version, async (unit, row) => {
    if (!QUALIFIABLE.has(row.status)) {
      throw conflict('incident_clos', 'Un incident clos ne se requalifie pas : rouvrez-le d’abord.');
    }
    const severity = request.severity ?? row.severity ?? row.proposed_severity;
    const category = request.category ?? effectiveCategory(row);
    const status: IncidentStatus = row.status === 'new' ? 'qualified' : row.status;
    if (alertsDesk(row.severity ?? row.proposed_severity, severity)) {
      const alert = { establishmentId, incidentId: id, reference: row.reference, severity, category };
      unit.afterCommit((context) => alertDesk(context, { ...alert, cause: 'raised' }));
    }
    const detail = { severity, category, previousSeverity: row.severity, previousCategory: row.category };
    await insertEvent(unit.trx, id, unit.now, actor.id, 'qualification', detail);
    if (status !== row.status) {
      await insertEvent(unit.trx, id, unit.now, actor.id, 'transition', { from: row.status, to: status });
    }
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: 'incident.qualify',
      targetType: 'incident',
      targetId: id,
      detail: { ...detail, status },
    });
    return {
      severity,
      category,
      status,
      title: `${CATEGORY_LABELS[category]} — ${row.title.split(' — ')[1] ?? ''}`,
    };
  });
}

export function transition(
  context: AppContext,
  establishmentId: string,
  id: string,
  actor: Actor,
  request: { readonly to: IncidentStatus; readonly version: number },
): Promise<IncidentState> {
  return change(context, establishmentId, id, actor, request.version, async (unit, row) => {
    const check = checkTransition(row.status, request.to, actor.role);
    if (!check.ok) {
      throw check.reason === 'role'
        ? forbidden(check.detail)
        : conflict('transition_impossible', check.detail);
    }
    if (request.to === 'decided' && decisionsOf(row).length === 0) {
      throw conflict(
        'decision_manquante',
        'Enregistrez au moins une décision avant de passer l’incident à « décidé ».',
      );
    }
    await insertEvent(unit.trx, id, unit.now, actor.id, 'transition', { from: row.status, to: request.to });
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: 'incident.transition',
      targetType: 'incident',
      targetId: id,
      detail: { from: row.status, to: request.to },
    });
    const changes: RowUpdate<'incidents'> = { status: request.to };
    // Qualifying by transition confirms the proposal.
    if (request.to === 'qualified' && row.severity === null) changes.severity = row.proposed_severity;
    if (request.to === 'qualified' && row.category === null) changes.category = effectiveCategory(row);
    return changes;
  });
}

export function decide(
  context: AppContext,
  establishmentId: string,
  id: string,
  actor: Actor,
  request: DecisionRequest & { readonly version: number },
): Promise<IncidentState> {
  return change(context, establishmentId, id, actor, request.version, async (unit, row) => {
    if (!mayRecordDecision(actor.role, request.kind)) {
      throw forbidden('Votre rôle ne permet pas d’enregistrer cette décision.');
    }
    if (!DECIDABLE.has(row.status)) {
      throw conflict(
        'decision_impossible',
        `On ne décide pas sur un incident ${STATUS_LABELS[row.status]} : il doit être qualifié et non clos.`,
      );
    }
    const refusal = decisionRefusal(request, effectiveCategory(row));
    if (refusal !== null)
      throw unprocessable(request.kind === 'pharos' ? 'pharos_hors_champ' : 'agent_manquant', refusal);
    if (
      request.targetStaffUserId !== undefined &&
      (await memberRole(unit.trx, establishmentId, request.targetStaffUserId)) === undefined
    ) {
      throw unprocessable('agent_inconnu', 'L’agent visé n’est pas membre de cet établissement.');
    }
    const decision: StoredDecision = {
      id: randomUUID(),
      kind: request.kind,
      note: request.note ?? null,
      targetStaffName: request.targetStaffName?.trim() || null,
      targetStaffUserId: request.targetStaffUserId ?? null,
      authorId: actor.id,
      at: unit.now.toISOString(),
    };
    await insertEvent(unit.trx, id, unit.now, actor.id, 'decision', {
      decision: request.kind,
      decisionId: decision.id,
    });
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: 'incident.decide',
      targetType: 'incident',
      targetId: id,
      detail: { decision: request.kind, decisionId: decision.id },
    });
    return { decisions: JSON.stringify([...decisionsOf(row), decision]) };
  });
}

export function assignOwner(
  context: AppContext,
  establishmentId: string,
  id: string,
  actor: Actor,
  request: { readonly ownerId: string | null; readonly version: number },
): Promise<IncidentState> {
  return change(context, establishmentId, id, actor, request.version, async (unit, row) => {
    if (request.ownerId !== null) {
      const role = await memberRole(unit.trx, establishmentId, request.ownerId);
      if (role === undefined || !DESK_ROLES.includes(role)) {
        throw unprocessable(
          'responsable_invalide',
          'Le responsable doit être membre de la cellule (communication, community manager ou juridique) de cet établissement.',
        );
      }
    }
    await insertEvent(unit.trx, id, unit.now, actor.id, 'owner', { from: row.owner_id, to: request.ownerId });
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: 'incident.owner',
      targetType: 'incident',
      targetId: id,
      detail: { from: row.owner_id, to: request.ownerId },
    });
    return { owner_id: request.ownerId };
  });
}

export function setDates(
  context: AppContext,
  establishmentId: string,
  id: string,
  actor: Actor,
  request: {
    readonly firstPublishedAt?: string | null;
    readonly breachAwareAt?: string | null;
    readonly version: number;
  },
): Promise<IncidentState> {
  return change(context, establishmentId, id, actor, request.version, async (unit, _row) => {
    const changes: RowUpdate<'incidents'> = {};
    // A few minutes of clock skew between the user's machine and the server are tolerated.
    const latest = unit.now.getTime() + 5 * 60_000;
    for (const [field, column] of [
      ['firstPublishedAt', 'first_published_at'],
      ['breachAwareAt', 'breach_aware_at'],
    ] as const) {
      const value = request[field];
      if (value === undefined) continue;
      if (value !== null && Date.parse(value) > latest) {
        throw unprocessable(
          'date_future',
          'Une date de publication ou de prise de connaissance ne peut pas être dans le futur.',
        );
      }
      changes[column] = value === null ? null : new Date(value).toISOString();
    }
    if (Object.keys(changes).length === 0) {
      throw unprocessable('rien_a_modifier', 'Indiquez au moins une date à modifier.');
    }
    await insertEvent(unit.trx, id, unit.now, actor.id, 'dates', { ...changes });
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: 'incident.dates',
      targetType: 'incident',
      targetId: id,
      detail: { ...changes },
    });
    return changes;
  });
}

/** A comment does not change the incident: no version, but an event and an audit entry. */
export function comment(
  context: AppContext,
  establishmentId: string,
  id: string,
  actor: Actor,
  text: string,
): Promise<TimelineEntry> {
  return inUnit(context, async (unit) => {
    const row = await load(unit, establishmentId, id);
    const eventId = await insertEvent(unit.trx, id, unit.now, actor.id, 'comment', { text });
    const mentioned = await notifyMentions(unit, { establishmentId, row, eventId, actor, text });
    // The audit log records that a comment was made, not what it says.
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: 'incident.comment',
      targetType: 'incident',
      targetId: id,
      detail: { eventId, length: text.length, mentioned },
    });
    return {
      id: eventId,
      at: unit.now.toISOString(),
      kind: 'comment',
      actorId: actor.id,
      actorName: actor.displayName,
      detail: { text },
    };
  });
}

/** The full history, comments and decisions included: a sensitive read, audited. */
export function timeline(
  context: AppContext,
  establishmentId: string,
  id: string,
  actor: Actor,
): Promise<TimelineEntry[]> {
  return inUnit(context, async (unit) => {
    const row = await load(unit, establishmentId, id);
    const events = await listEvents(unit.trx, establishmentId, [id]);
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: 'incident.timeline.read',
      targetType: 'incident',
      targetId: id,
      detail: { reference: row.reference, events: events.length },
    });
    return events.map((event) => ({
      id: event.id,
      at: event.at,
      kind: event.kind,
      actorId: event.actorId,
      actorName: event.actorName,
      detail: parseJson<Record<string, unknown>>(event.detail, {}),
    }));
  });
}

/** The generated DSA art. 16 notice, signed by `actor`; refused when nothing can be notified. */
export async function generateNotice(
  unit: Unit,
  establishmentId: string,
  row: IncidentRow,
  actor: Actor,
): Promise<Notice> {
  const category = effectiveCategory(row);
  if (!noticeable(category)) {
    throw unprocessable(
      'signalement_sans_fondement',
      `Un contenu classé « ${CATEGORY_LABELS[category]} » n’est pas illicite en soi : il ne se signale pas à la plateforme. Requalifiez l’incident si besoin.`,
    );
  }
  const report =
    row.report_id === null ? undefined : await findReport(unit.trx, establishmentId, row.report_id);
  if (report === undefined) {
    throw unprocessable(
      'adresse_manquante',
      'Cet incident n’a pas de signalement, donc pas d’adresse du contenu à notifier.',
    );
  }
  return buildNotice({
    reference: row.reference,
    category,
    url: report.url,
    network: report.network,
    explanations: guardSummaryOf(row).findings.map((finding) => finding.explanation),
    notifierName: actor.displayName,
    notifierEmail: actor.email,
    establishmentName: await establishmentName(unit.trx, establishmentId),
  });
}
