import { type HealthOccurrence, healthDaysBetween } from '@blouse/contract';
import type { PublicationStatus } from '../../db/schema.js';
import { type AppContext, inUnit } from '../../http/context.js';
import { conflict, notFound, unprocessable } from '../../http/problem.js';
import type { Actor } from '../draft-service.js';

/** A calendar covers at most this many days: a month view and its edges, a week, with margin. */
export const MAX_CALENDAR_DAYS = 62;

export interface CalendarEntry {
  readonly id: string;
  readonly draftId: string;
  readonly title: string;
  readonly network: string;
  readonly status: PublicationStatus;
  readonly scheduledAt: string;
  readonly url: string | null;
}

export interface CalendarView {
  readonly publications: CalendarEntry[];
  readonly healthDays: HealthOccurrence[];
}

/**
 * The establishment's publications due or made between two days (UTC, both included), with the
 * health-awareness days of the same span, for the desk's month and week views.
 */
export async function readCalendar(
  context: AppContext,
  establishmentId: string,
  query: { from: string; to: string; network?: string | undefined },
): Promise<CalendarView> {
  const from = new Date(`${query.from}T00:00:00.000Z`);
  const to = new Date(`${query.to}T00:00:00.000Z`);
  const days = (to.getTime() - from.getTime()) / 86_400_000;
  if (!(days >= 0 && days < MAX_CALENDAR_DAYS))
    throw unprocessable(
      'periode_invalide',
      `Choisissez une période de 1 à ${MAX_CALENDAR_DAYS} jours, dans l’ordre.`,
    );
  const end = new Date(to.getTime() + 86_400_000).toISOString();
  let rows = context.storage.db
    .selectFrom('publications')
    .innerJoin('publishing_drafts', 'publishing_drafts.id', 'publications.draft_id')
    .select([
      'publications.id as id',
      'publications.draft_id as draftId',
      'publishing_drafts.title as title',
      'publications.network as network',
      'publications.status as status',
      'publications.scheduled_at as scheduledAt',
      'publications.url as url',
    ])
    .where('publications.establishment_id', '=', establishmentId)
    .where('publications.scheduled_at', '>=', from.toISOString())
    .where('publications.scheduled_at', '<', end)
    .where('publications.status', '!=', 'cancelled');
  if (query.network !== undefined) rows = rows.where('publications.network', '=', query.network);
  const publications = await rows
    .orderBy('publications.scheduled_at')
    .orderBy('publications.id')
    .limit(2_000)
    .execute();
  return { publications, healthDays: healthDaysBetween(query.from, query.to) };
}

/** Moves a publication still waiting to another time (dragged on the calendar); audited. */
export async function reschedulePublication(
  context: AppContext,
  establishmentId: string,
  actor: Actor,
  publicationId: string,
  at: string,
): Promise<CalendarEntry> {
  const due = new Date(at);
  if (due.getTime() < context.clock().getTime() - 60_000)
    throw unprocessable('date_passee', 'Cette date est passée : choisissez une date à venir.');
  return inUnit(context, async (unit) => {
    const row = await unit.trx
      .selectFrom('publications')
      .selectAll()
      .where('establishment_id', '=', establishmentId)
      .where('id', '=', publicationId)
      .executeTakeFirst();
    if (row === undefined) throw notFound();
    if (row.status !== 'scheduled')
      throw conflict('pas_programmee', 'Seule une publication encore programmée peut être déplacée.');
    await unit.trx
      .updateTable('publications')
      .set({ scheduled_at: due.toISOString() })
      .where('id', '=', publicationId)
      .where('status', '=', 'scheduled')
      .execute();
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: 'publishing.publication.reschedule',
      targetType: 'publication',
      targetId: publicationId,
      detail: { from: row.scheduled_at, to: due.toISOString(), network: row.network },
    });
    const draft = await unit.trx
      .selectFrom('publishing_drafts')
      .select('title')
      .where('id', '=', row.draft_id)
      .executeTakeFirstOrThrow();
    return {
      id: row.id,
      draftId: row.draft_id,
      title: draft.title,
      network: row.network,
      status: row.status,
      scheduledAt: due.toISOString(),
      url: row.url,
    };
  });
}
