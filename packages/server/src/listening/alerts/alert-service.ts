import type { Transaction } from 'kysely';
import { lockChain } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { type AppContext, inUnit } from '../../http/context.js';
import { badRequest, conflict, notFound } from '../../http/problem.js';
import { isSafeText } from '../../http/safe-text.js';
import { type MentionRecord, openIncidentFromMentions } from '../../incidents/open-from-mentions.js';
import type { StoredFinding } from '../../incidents/open-incident.js';
import { type AlertView, findAlert, listAlerts } from './alert-repository.js';
import { DEFAULT_ALERT_PAGE } from './schemas.js';

export interface AlertPage {
  readonly items: AlertView[];
  readonly nextCursor: string | null;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const invalidCursor = () =>
  badRequest('curseur_invalide', 'Le curseur de pagination est invalide : repartez de la première page.');

/** The cursor carries the last row's keys and the filter: it must not continue another list. */
function decodeCursor(cursor: string, tier: string | undefined): readonly [string, string] {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(body) || body.length !== 3) throw invalidCursor();
  const [at, id, filter] = body as unknown[];
  if (typeof at !== 'string' || !INSTANT.test(at)) throw invalidCursor();
  if (typeof id !== 'string' || id.length === 0 || id.length > 100 || !isSafeText(id)) throw invalidCursor();
  if (filter !== (tier ?? '')) throw invalidCursor();
  return [at, id];
}

/** An establishment's alerts, newest first, a page at a time (keyset on creation time and id). */
export async function listAlertPage(
  context: AppContext,
  establishmentId: string,
  query: {
    tier?: 'immediate' | 'volume' | undefined;
    cursor?: string | undefined;
    limit?: number | undefined;
  },
): Promise<AlertPage> {
  const limit = query.limit ?? DEFAULT_ALERT_PAGE;
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, query.tier);
  const rows = await listAlerts(context.storage.db, establishmentId, {
    tier: query.tier,
    after,
    limit: limit + 1,
  });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > limit && last !== undefined
      ? Buffer.from(JSON.stringify([last.createdAt, last.id, query.tier ?? '']), 'utf8').toString('base64url')
      : null;
  return { items, nextCursor };
}

export async function getAlert(
  context: AppContext,
  establishmentId: string,
  alertId: string,
): Promise<AlertView> {
  const alert = await findAlert(context.storage.db, establishmentId, alertId);
  if (alert === undefined) throw notFound();
  return alert;
}

export interface OpenedFromListening {
  readonly incidentId: string;
  readonly reference: string;
  /** False when the incident already existed (a second click, or another person's). */
  readonly created: boolean;
}

async function mentionRecords(
  trx: Transaction<Database>,
  establishmentId: string,
  ids: readonly string[],
): Promise<(MentionRecord & { incidentId: string | null })[]> {
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('mentions')
    .innerJoin('heard_posts', 'heard_posts.id', 'mentions.post_id')
    .select([
      'mentions.id',
      'mentions.source',
      'mentions.matched_terms',
      'mentions.category',
      'mentions.verdict',
      'mentions.findings',
      'mentions.published_at',
      'mentions.incident_id',
      'heard_posts.url',
      'heard_posts.author_handle',
      'heard_posts.text',
      'heard_posts.received_at',
    ])
    .where('mentions.establishment_id', '=', establishmentId)
    .where('mentions.id', 'in', [...ids])
    .execute();
  const order = new Map(ids.map((id, index) => [id, index]));
  return rows
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
    .map((row) => ({
      id: row.id,
      source: row.source,
      url: row.url,
      authorHandle: row.author_handle,
      text: row.text,
      publishedAt: row.published_at,
      heardAt: row.received_at,
      matchedTerms: JSON.parse(row.matched_terms) as string[],
      category: row.category,
      verdict: row.verdict,
      findings: JSON.parse(row.findings) as StoredFinding[],
      incidentId: row.incident_id,
    }));
}

async function referenceOf(trx: Transaction<Database>, incidentId: string): Promise<string> {
  const row = await trx
    .selectFrom('incidents')
    .select('reference')
    .where('id', '=', incidentId)
    .executeTakeFirst();
  if (row === undefined) throw notFound();
  return row.reference;
}

/** Links the mentions not yet in an incident to this one: retention then keeps them. */
async function attachMentions(
  trx: Transaction<Database>,
  incidentId: string,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .updateTable('mentions')
    .set({ incident_id: incidentId })
    .where('id', 'in', [...ids])
    .where('incident_id', 'is', null)
    .execute();
}

const gone = () =>
  conflict(
    'mentions_expirees',
    'Les publications de cette alerte ont été effacées (durée de conservation dépassée) : aucun incident ne peut en être ouvert.',
  );

/**
 * Opens an incident on the desk from an alert, its mentions sealed as evidence, once: a second
 * call, even at the same moment from someone else, gets the same incident.
 */
export async function openIncidentForAlert(
  context: AppContext,
  actor: { readonly establishmentId: string; readonly userId: string },
  alertId: string,
): Promise<OpenedFromListening> {
  return inUnit(context, async (unit) => {
    // One opener at a time per establishment: the second reads what the first committed.
    await lockChain(unit.trx, context.storage.dialect, `listening-incident:${actor.establishmentId}`);
    const alert = await findAlert(unit.trx, actor.establishmentId, alertId);
    if (alert === undefined) throw notFound();
    if (alert.incidentId !== null) {
      return {
        incidentId: alert.incidentId,
        reference: await referenceOf(unit.trx, alert.incidentId),
        created: false,
      };
    }
    const mentions = await mentionRecords(unit.trx, actor.establishmentId, alert.mentionIds);
    if (mentions.length === 0) throw gone();
    const opened = await openIncidentFromMentions(unit, context.storage.dialect, {
      establishmentId: actor.establishmentId,
      actorId: actor.userId,
      mentions,
      origin: { alertId, mentionIds: mentions.map((m) => m.id) },
    });
    await attachMentions(
      unit.trx,
      opened.id,
      mentions.map((m) => m.id),
    );
    await unit.trx
      .updateTable('listening_alerts')
      .set({ incident_id: opened.id })
      .where('id', '=', alertId)
      .execute();
    return { incidentId: opened.id, reference: opened.reference, created: true };
  });
}

/** The same for one mention, from the mentions stream; a mention already in an incident gives it. */
export async function openIncidentForMention(
  context: AppContext,
  actor: { readonly establishmentId: string; readonly userId: string },
  mentionId: string,
): Promise<OpenedFromListening> {
  return inUnit(context, async (unit) => {
    await lockChain(unit.trx, context.storage.dialect, `listening-incident:${actor.establishmentId}`);
    const [mention] = await mentionRecords(unit.trx, actor.establishmentId, [mentionId]);
    if (mention === undefined) throw notFound();
    if (mention.incidentId !== null) {
      return {
        incidentId: mention.incidentId,
        reference: await referenceOf(unit.trx, mention.incidentId),
        created: false,
      };
    }
    const opened = await openIncidentFromMentions(unit, context.storage.dialect, {
      establishmentId: actor.establishmentId,
      actorId: actor.userId,
      mentions: [mention],
      origin: { mentionIds: [mention.id] },
    });
    await attachMentions(unit.trx, opened.id, [mention.id]);
    return { incidentId: opened.id, reference: opened.reference, created: true };
  });
}
