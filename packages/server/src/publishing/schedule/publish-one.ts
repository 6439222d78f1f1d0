import { isPublishingNetwork, type PublishingNetwork } from '@blouse/contract';
import type { AppContext } from '../../http/context.js';
import { inUnit } from '../../http/context.js';
import { deliver } from '../../mail/deliver.js';
import { SecretError } from '../../platform/secrets/secret-box.js';
import { accountForPublishing } from '../accounts/account-service.js';
import { ConnectorError } from '../connectors/connector.js';
import type { ConnectorRegistry } from '../connectors/registry.js';
import { anonymousPeopleReason, consentedNames, peopleProblems } from '../consents/consent-rules.js';
import { establishmentDay } from '../consents/establishment-day.js';
import { findDraft, listVariants } from '../draft-repository.js';
import { draftConsents } from '../draft-service.js';
import { readVariant } from '../guard-gate.js';
import { mediaForPublishing } from '../media/media-repository.js';
import { PUBLIC_MEDIA_LIFETIME_MS, publicMediaLink } from '../media/public-media-link.js';
import { wakeMetrics } from './metrics-jobs.js';
import { isPaused } from './pause-service.js';

/**
 * What one run did: published (or found published), held by the pause, nothing to do, failed
 * for good, or failed for now (the caller retries with back-off).
 */
export type PublishOutcome = 'published' | 'paused' | 'done' | 'failed' | 'retry';

/**
 * Publishes one due publication, at least once and never twice. The row is the truth: a run
 * claims it (status `publishing`, one more attempt), calls the network with the publication's
 * idempotency key, and records the network's id and address. A run that dies after the network
 * accepted the post leaves the row `publishing`; the next run calls again with the same key and
 * the connector finds the post it already made.
 *
 * At publication time, as at submission and approval, the draft must still be approved at the
 * same revision and the guard must not block its text; the establishment must not be paused.
 */
export async function publishOne(
  context: AppContext,
  publicationId: string,
  registry: ConnectorRegistry,
  options: { readonly lastAttempt: boolean } = { lastAttempt: false },
): Promise<PublishOutcome> {
  const db = context.storage.db;
  const publication = await db
    .selectFrom('publications')
    .selectAll()
    .where('id', '=', publicationId)
    .executeTakeFirst();
  if (publication === undefined || !['scheduled', 'publishing'].includes(publication.status)) return 'done';
  if (new Date(publication.scheduled_at).getTime() > context.clock().getTime()) return 'done';
  const establishmentId = publication.establishment_id;
  if (await isPaused(context, establishmentId)) return 'paused';

  const fail = (reason: string) => recordFailure(context, publicationId, reason);
  const draft = await findDraft(db, establishmentId, publication.draft_id);
  if (draft === undefined || draft.status !== 'approved' || draft.revision !== publication.revision) {
    await fail('la publication n’est plus approuvée dans cette version');
    return 'failed';
  }
  const variant = (await listVariants(db, [draft.id])).find((v) => v.network === publication.network);
  const connector = isPublishingNetwork(publication.network) ? registry.get(publication.network) : undefined;
  if (variant === undefined || connector === undefined) {
    await fail('aucun connecteur ni variante pour ce réseau');
    return 'failed';
  }
  // The people in the post must still consent today: a withdrawal stops what was scheduled.
  const consents = await draftConsents(context, draft.id);
  const day = establishmentDay(context.clock());
  const media = await mediaForPublishing(context, draft.id);
  const missing = peopleProblems({
    consents,
    networks: [publication.network as PublishingNetwork],
    media: media.map((item) => item.check),
    nobodyShown: draft.nobody_shown === 1,
    day,
  });
  if (missing.length > 0) {
    // No name here: the reason goes to the audit log and by e-mail.
    await fail(anonymousPeopleReason(missing));
    return 'failed';
  }
  if (media.some((item) => item.mediaType.startsWith('video/')) && connector.supportsVideo !== true) {
    await fail('vidéo pas encore publiée sur ce réseau par Blouse');
    return 'failed';
  }
  const reading = await readVariant(
    context,
    establishmentId,
    variant,
    consentedNames(consents, publication.network as PublishingNetwork, day),
  );
  if (reading.verdict === 'block') {
    await fail(`le garde bloque désormais ce texte (${reading.findings.map((f) => f.rule).join(', ')})`);
    return 'failed';
  }
  let account: Awaited<ReturnType<typeof accountForPublishing>>;
  try {
    account = await accountForPublishing(context, establishmentId, publication.network);
  } catch (error) {
    await fail(error instanceof SecretError ? error.message : 'compte illisible');
    return 'failed';
  }
  if (account === null) {
    await fail('aucun compte connecté pour ce réseau');
    return 'failed';
  }

  const claimed = await inUnit(context, async (unit) => {
    const moved = await unit.trx
      .updateTable('publications')
      .set({ status: 'publishing', attempts: publication.attempts + 1 })
      .where('id', '=', publicationId)
      .where('status', 'in', ['scheduled', 'publishing'])
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) return false;
    // The consents it goes out with, kept with it: a withdrawal finds this post even if the
    // draft's people change later. From here on, a withdrawal flags it (consent-service.ts).
    if (consents.length > 0)
      await unit.trx
        .insertInto('publication_consents')
        .values(consents.map((consent) => ({ publication_id: publicationId, consent_id: consent.id })))
        .onConflict((oc) => oc.columns(['publication_id', 'consent_id']).doNothing())
        .execute();
    return true;
  });
  if (!claimed) return 'done';

  try {
    const result = await connector.publish({
      account,
      text: variant.text,
      title: variant.title,
      idempotencyKey: publication.idempotency_key,
      scheduledAt: new Date(publication.scheduled_at),
      // A run before this one claimed the row: it may have reached the network before it died.
      mayAlreadyExist: publication.attempts > 0,
      media: connector.needsPublicMedia
        ? media.map((item) => ({
            ...item,
            publicUrl: publicMediaLink(
              context,
              item.id,
              new Date(context.clock().getTime() + PUBLIC_MEDIA_LIFETIME_MS),
            ),
          }))
        : media,
    });
    await inUnit(context, async (unit) => {
      await unit.trx
        .updateTable('publications')
        .set({
          status: 'published',
          external_id: result.externalId,
          url: result.url,
          published_at: unit.now.toISOString(),
          last_error: null,
        })
        .where('id', '=', publicationId)
        .execute();
      await unit.audit({
        establishmentId,
        actorId: null,
        action: 'publishing.publication.published',
        targetType: 'publication',
        targetId: publicationId,
        detail: { network: publication.network, url: result.url, draftId: draft.id },
      });
      const publishedAt = unit.now;
      unit.afterCommit((ctx) => wakeMetrics(ctx, publicationId, publishedAt));
    });
    return 'published';
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const permanent = error instanceof ConnectorError && error.permanent;
    if (permanent || options.lastAttempt) {
      await fail(reason);
      return 'failed';
    }
    // Back to scheduled, with the reason: the job is retried with back-off.
    await db
      .updateTable('publications')
      .set({ status: 'scheduled', last_error: reason })
      .where('id', '=', publicationId)
      .execute();
    return 'retry';
  }
}

/** Marks a publication failed, audits it, and tells whoever scheduled it by e-mail. */
async function recordFailure(context: AppContext, publicationId: string, reason: string): Promise<void> {
  await inUnit(context, async (unit) => {
    const row = await unit.trx
      .selectFrom('publications')
      .innerJoin('users', 'users.id', 'publications.created_by')
      .innerJoin('publishing_drafts', 'publishing_drafts.id', 'publications.draft_id')
      .select([
        'publications.establishment_id as establishmentId',
        'publications.network as network',
        'users.email as email',
        'publishing_drafts.title as title',
      ])
      .where('publications.id', '=', publicationId)
      .executeTakeFirst();
    await unit.trx
      .updateTable('publications')
      .set({ status: 'failed', last_error: reason })
      .where('id', '=', publicationId)
      .execute();
    if (row === undefined) return;
    await unit.audit({
      establishmentId: row.establishmentId,
      actorId: null,
      action: 'publishing.publication.failed',
      targetType: 'publication',
      targetId: publicationId,
      detail: { network: row.network, reason },
    });
    unit.afterCommit((ctx) =>
      deliver(ctx, {
        to: [row.email],
        subject: `Publication non publiée : ${row.title}`,
        text: `La publication « ${row.title} » n’a pas pu être publiée sur ${row.network}.\n\nRaison : ${reason}\n\nOuvrez le bureau de publication pour la corriger ou la reprogrammer : ${ctx.config.publicUrl}/publier\n`,
      }).then(() => undefined),
    );
  });
}
