import { type AppContext, inUnit, type Unit } from '../http/context.js';
import { conflict, forbidden, unprocessable } from '../http/problem.js';
import type { Notice } from './notice.js';
import { findNoticeRecord, saveNoticeRecord } from './notice-repository.js';
import { mayActOnNotice } from './policy.js';
import { type IncidentRow, insertEvent, updateIfVersion } from './repository.js';
import { type Actor, actionsOn, generateNotice, load, stale } from './service.js';

/** How a notice reached the platform. */
export const NOTICE_CHANNELS = ['formulaire', 'courriel', 'courrier', 'autre'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/** The notice as the desk sees it: the generated text or the edited one, and whether it was sent. */
export interface NoticeView extends Notice {
  /** The incident's version: an edit or a « sent » sends it back, like every other change. */
  readonly version: number;
  readonly edited: { readonly at: string; readonly byName: string | null } | null;
  readonly sent: {
    readonly at: string;
    readonly channel: string;
    readonly byName: string | null;
  } | null;
}

async function viewOf(
  unit: Unit,
  establishmentId: string,
  row: IncidentRow,
  actor: Actor,
): Promise<NoticeView> {
  const generated = await generateNotice(unit, establishmentId, row, actor);
  const record = await findNoticeRecord(unit.trx, establishmentId, row.id);
  return {
    text: record?.text ?? generated.text,
    elements: generated.elements,
    version: Number(row.version),
    edited:
      record?.editedAt === null || record?.editedAt === undefined
        ? null
        : { at: record.editedAt, byName: record.editedByName },
    sent:
      record?.sentAt === null || record?.sentAt === undefined
        ? null
        : { at: record.sentAt, channel: record.sentChannel ?? 'autre', byName: record.sentByName },
  };
}

/** The DSA art. 16 notice, signed by the person who asks for it; audited. */
export function readNotice(
  context: AppContext,
  establishmentId: string,
  id: string,
  actor: Actor,
): Promise<NoticeView> {
  return inUnit(context, async (unit) => {
    const row = await load(unit, establishmentId, id);
    const view = await viewOf(unit, establishmentId, row, actor);
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: 'incident.notice',
      targetType: 'incident',
      targetId: id,
      detail: { reference: row.reference, category: row.category ?? row.proposed_category },
    });
    return view;
  });
}

/**
 * Loads the incident for a notice change: the role, the category and the version are checked,
 * then the version is bumped first, so that of two people saving at once the second is told.
 */
async function noticeChange(
  unit: Unit,
  establishmentId: string,
  id: string,
  actor: Actor,
  version: number,
  closedRefusal: string | null,
): Promise<IncidentRow> {
  if (!mayActOnNotice(actor.role)) {
    throw forbidden(
      'La notification à la plateforme relève de la direction de la communication ou du service juridique.',
    );
  }
  const row = await load(unit, establishmentId, id);
  if (Number(row.version) !== version) throw stale();
  // Refuses, in French, an incident that cannot be notified at all (category, no address).
  await generateNotice(unit, establishmentId, row, actor);
  if (closedRefusal !== null && !actionsOn(row, actor).editNotice)
    throw conflict('incident_clos', closedRefusal);
  if (!(await updateIfVersion(unit.trx, row, version, unit.now, {}))) throw stale();
  return { ...row, version: version + 1, updated_at: unit.now.toISOString() };
}

export function editNotice(
  context: AppContext,
  establishmentId: string,
  id: string,
  actor: Actor,
  request: { readonly text: string; readonly version: number },
): Promise<NoticeView> {
  return inUnit(context, async (unit) => {
    const row = await noticeChange(
      unit,
      establishmentId,
      id,
      actor,
      request.version,
      'Un incident clos ne se modifie plus : rouvrez-le pour corriger la notification.',
    );
    await saveNoticeRecord(unit.trx, establishmentId, id, {
      text: request.text,
      edited_by: actor.id,
      edited_at: unit.now.toISOString(),
    });
    // The timeline and the audit log say that the notice changed, and how long it is: the text
    // itself stays in one place.
    const detail = { length: request.text.length };
    await insertEvent(unit.trx, id, unit.now, actor.id, 'notice_edited', detail);
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: 'incident.notice.edit',
      targetType: 'incident',
      targetId: id,
      detail: { reference: row.reference, ...detail },
    });
    return viewOf(unit, establishmentId, row, actor);
  });
}

export function markNoticeSent(
  context: AppContext,
  establishmentId: string,
  id: string,
  actor: Actor,
  request: { readonly sentAt: string; readonly channel: NoticeChannel; readonly version: number },
): Promise<NoticeView> {
  return inUnit(context, async (unit) => {
    const sentAt = new Date(request.sentAt);
    // A few minutes of clock skew between the user's machine and the server are tolerated.
    if (sentAt.getTime() > unit.now.getTime() + 5 * 60_000) {
      throw unprocessable(
        'date_future',
        'La date d’envoi de la notification ne peut pas être dans le futur.',
      );
    }
    const row = await noticeChange(unit, establishmentId, id, actor, request.version, null);
    const detail = { sentAt: sentAt.toISOString(), channel: request.channel };
    await saveNoticeRecord(unit.trx, establishmentId, id, {
      sent_at: detail.sentAt,
      sent_channel: request.channel,
      sent_by: actor.id,
    });
    await insertEvent(unit.trx, id, unit.now, actor.id, 'notice_sent', detail);
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: 'incident.notice.sent',
      targetType: 'incident',
      targetId: id,
      detail: { reference: row.reference, ...detail },
    });
    return viewOf(unit, establishmentId, row, actor);
  });
}
