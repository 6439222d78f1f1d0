import { randomUUID } from 'node:crypto';
import type { PublishingNetwork } from '@blouse/contract';
import type { PublicationStatus, Row } from '../../db/schema.js';
import { type AppContext, inUnit } from '../../http/context.js';
import { conflict, notFound, Problem, unprocessable } from '../../http/problem.js';
import type { ConnectorRegistry } from '../connectors/registry.js';
import { consentsOfDrafts } from '../consents/consent-repository.js';
import { peopleProblems } from '../consents/consent-rules.js';
import { consentTerms } from '../consents/consent-terms.js';
import { establishmentDay } from '../consents/establishment-day.js';
import { findDraft, listVariants } from '../draft-repository.js';
import type { Actor } from '../draft-service.js';
import { listMedia } from '../media/media-repository.js';

export interface PublicationView {
  readonly id: string;
  readonly network: string;
  readonly revision: number;
  readonly scheduledAt: string;
  readonly status: PublicationStatus;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
  /** The engagement last read from the network (published posts, where its API gives it). */
  readonly metrics: {
    readonly likes: number | null;
    readonly shares: number | null;
    readonly comments: number | null;
    readonly impressions: number | null;
    readonly collectedAt: string;
  } | null;
}

/** Publications may be scheduled this long ahead at most (a year), and not in the past. */
const MAX_AHEAD_MS = 366 * 24 * 3_600_000;

export async function listPublications(context: AppContext, establishmentId: string, draftId: string) {
  const db = context.storage.db;
  const rows = await db
    .selectFrom('publications')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .where('draft_id', '=', draftId)
    .orderBy('created_at')
    .orderBy('network')
    .execute();
  const metrics =
    rows.length === 0
      ? []
      : await db
          .selectFrom('publication_metrics')
          .selectAll()
          .where(
            'publication_id',
            'in',
            rows.map((row) => row.id),
          )
          .execute();
  return rows.map((row) =>
    view(
      row,
      metrics.find((m) => m.publication_id === row.id),
    ),
  );
}

/**
 * Schedules an approved draft: one publication per variant, due at `at` (now when absent). The
 * draft must be approved at the revision the scheduler read, and each network must have a
 * connected account and a connector. Returns the new publications; the caller wakes their jobs.
 */
export async function scheduleDraft(
  context: AppContext,
  establishmentId: string,
  actor: Actor,
  draftId: string,
  input: { revision: number; at?: string | undefined },
  registry: ConnectorRegistry,
): Promise<PublicationView[]> {
  const db = context.storage.db;
  const draft = await findDraft(db, establishmentId, draftId);
  if (draft === undefined) throw notFound();
  if (draft.status !== 'approved')
    throw conflict('pas_approuvee', 'Seule une publication approuvée peut être programmée.');
  if (draft.revision !== input.revision)
    throw conflict('revision_perimee', 'Quelqu’un a modifié cette publication entre-temps : rechargez-la.');
  const now = context.clock();
  const due = input.at === undefined ? now : new Date(input.at);
  if (due.getTime() < now.getTime() - 60_000)
    throw unprocessable('date_passee', 'Cette date est passée : choisissez une date à venir.');
  if (due.getTime() > now.getTime() + MAX_AHEAD_MS)
    throw unprocessable('date_trop_lointaine', 'Une publication se programme au plus un an à l’avance.');
  const variants = await listVariants(db, [draftId]);
  // The people in it must still consent (a withdrawal after the approval stops it here).
  const people = peopleProblems({
    consents: (await consentsOfDrafts(db, [draftId])).map(consentTerms),
    networks: variants.map((variant) => variant.network as PublishingNetwork),
    media: (await listMedia(context, draftId)).map((item) => item.check),
    nobodyShown: draft.nobody_shown === 1,
    day: establishmentDay(now),
  });
  if (people.length > 0)
    throw new Problem(
      422,
      'consentement_requis',
      'Il manque un consentement valable pour une personne nommée ou visible : voyez le détail.',
      people,
    );
  const accounts = new Set(
    (
      await db
        .selectFrom('publishing_accounts')
        .select('network')
        .where('establishment_id', '=', establishmentId)
        .execute()
    ).map((row) => row.network),
  );
  const missing = variants.filter(
    (variant) => !accounts.has(variant.network) || !registry.has(variant.network as never),
  );
  const hasVideo = (await listMedia(context, draftId)).some((item) => item.mediaType.startsWith('video/'));
  const noVideo = hasVideo
    ? variants.filter((variant) => registry.get(variant.network as PublishingNetwork)?.supportsVideo !== true)
    : [];
  if (noVideo.length > 0)
    throw new Problem(
      422,
      'video_non_prise_en_charge',
      `Blouse ne publie pas encore de vidéo sur ${noVideo.map((variant) => variant.network).join(', ')} : retirez ce réseau ou la vidéo.`,
      noVideo.map((variant) => ({
        field: `${variant.network}.media`,
        message: 'vidéo pas encore publiée sur ce réseau',
      })),
    );
  if (missing.length > 0)
    throw Object.assign(
      unprocessable(
        'compte_absent',
        `Aucun compte connecté pour ${missing.map((v) => v.network).join(', ')} : connectez-le ou retirez cette variante.`,
      ),
      { errors: missing.map((v) => ({ field: v.network, message: 'aucun compte connecté' })) },
    );
  return inUnit(context, async (unit) => {
    const pending = await unit.trx
      .selectFrom('publications')
      .select('id')
      .where('draft_id', '=', draftId)
      .where('status', 'in', ['scheduled', 'publishing'])
      .executeTakeFirst();
    if (pending !== undefined)
      throw conflict(
        'deja_programmee',
        'Cette publication est déjà programmée : annulez-la avant de la reprogrammer.',
      );
    // An approved text goes out once per network: publishing it again is a new draft's decision.
    const published = await unit.trx
      .selectFrom('publications')
      .select('id')
      .where('draft_id', '=', draftId)
      .where('revision', '=', draft.revision)
      .where('status', '=', 'published')
      .executeTakeFirst();
    if (published !== undefined)
      throw conflict(
        'deja_publiee',
        'Cette version est déjà publiée : dupliquez-la dans une nouvelle publication pour la republier.',
      );
    const rows: Row<'publications'>[] = variants.map((variant) => ({
      id: randomUUID(),
      establishment_id: establishmentId,
      draft_id: draftId,
      revision: draft.revision,
      network: variant.network,
      scheduled_at: due.toISOString(),
      status: 'scheduled',
      idempotency_key: `${draftId}:${draft.revision}:${variant.network}:${randomUUID()}`,
      attempts: 0,
      last_error: null,
      external_id: null,
      url: null,
      published_at: null,
      created_at: unit.now.toISOString(),
      created_by: actor.id,
    }));
    await unit.trx.insertInto('publications').values(rows).execute();
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: 'publishing.draft.schedule',
      targetType: 'publishing_draft',
      targetId: draftId,
      detail: { revision: draft.revision, at: due.toISOString(), networks: rows.map((row) => row.network) },
    });
    return rows.map((row) => view(row));
  });
}

/** Cancels what is still waiting for a draft (an edit after scheduling, or a person's choice). */
export async function cancelPending(
  trx: Parameters<Parameters<typeof inUnit>[1]>[0]['trx'],
  draftId: string,
  reason: string,
): Promise<number> {
  const result = await trx
    .updateTable('publications')
    .set({ status: 'cancelled', last_error: reason })
    .where('draft_id', '=', draftId)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function view(row: Row<'publications'>, metrics?: Row<'publication_metrics'>): PublicationView {
  return {
    id: row.id,
    network: row.network,
    revision: row.revision,
    scheduledAt: row.scheduled_at,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    url: row.url,
    publishedAt: row.published_at,
    metrics:
      metrics === undefined
        ? null
        : {
            likes: metrics.likes,
            shares: metrics.shares,
            comments: metrics.comments,
            impressions: metrics.impressions,
            collectedAt: metrics.collected_at,
          },
  };
}
