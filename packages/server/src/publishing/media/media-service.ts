import { randomUUID } from 'node:crypto';
import { stripImageMetadata } from '../../evidence/strip-metadata.js';
import { type AppContext, inUnit } from '../../http/context.js';
import { notFound, Problem } from '../../http/problem.js';
import { sniffScreenshotType } from '../../reports/media-type.js';
import { type Actor, newRevision } from '../draft-service.js';

/** Four photos: what Bluesky, X and Mastodon take in one post (Instagram's carousel takes ten). */
export const MAX_MEDIA_PER_DRAFT = 4;

/** One photo's bytes, for the desk's previews (the draft must be the establishment's). */
export async function readMediaContent(
  context: AppContext,
  establishmentId: string,
  draftId: string,
  mediaId: string,
): Promise<{ mediaType: string; bytes: Buffer }> {
  const row = await context.storage.db
    .selectFrom('publishing_media')
    .innerJoin('publishing_drafts', 'publishing_drafts.id', 'publishing_media.draft_id')
    .select(['publishing_media.media_type as mediaType', 'publishing_media.content as content'])
    .where('publishing_drafts.establishment_id', '=', establishmentId)
    .where('publishing_media.draft_id', '=', draftId)
    .where('publishing_media.id', '=', mediaId)
    .executeTakeFirst();
  if (row === undefined) throw notFound();
  return { mediaType: row.mediaType, bytes: Buffer.from(row.content) };
}

/**
 * Attaches a photo: read by its first bytes (PNG, JPEG or WebP; anything else, SVG included,
 * is refused), re-encoded without metadata (the phone's GPS position, its owner, its date never
 * reach a network), with its alternative text. A new revision of the draft: approvals reset.
 */
export async function addMedia(
  context: AppContext,
  establishmentId: string,
  actor: Actor,
  draftId: string,
  input: { readonly content: Buffer; readonly altText: string; readonly revision: number },
): Promise<void> {
  const type = sniffScreenshotType(input.content);
  if (type === undefined) throw new Problem(415, 'image_attendue', 'Joignez une photo PNG, JPEG ou WebP.');
  const stripped = await stripImageMetadata(input.content, type);
  await inUnit(context, async (unit) => {
    const count = Number(
      (
        await unit.trx
          .selectFrom('publishing_media')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('draft_id', '=', draftId)
          .executeTakeFirst()
      )?.n ?? 0,
    );
    const { revision } = await newRevision(unit, establishmentId, actor, draftId, input.revision);
    if (count >= MAX_MEDIA_PER_DRAFT)
      throw new Problem(
        422,
        'trop_de_photos',
        `Une publication porte au plus ${MAX_MEDIA_PER_DRAFT} photos.`,
      );
    const id = randomUUID();
    await unit.trx
      .insertInto('publishing_media')
      .values({
        id,
        draft_id: draftId,
        position: count,
        media_type: type,
        content: stripped.bytes,
        byte_size: stripped.bytes.length,
        alt_text: input.altText.trim(),
        created_at: unit.now.toISOString(),
      })
      .execute();
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: 'publishing.media.add',
      targetType: 'publishing_draft',
      targetId: draftId,
      detail: { mediaId: id, mediaType: type, byteSize: stripped.bytes.length, revision },
    });
  });
}

export async function removeMedia(
  context: AppContext,
  establishmentId: string,
  actor: Actor,
  draftId: string,
  mediaId: string,
  expectedRevision: number,
): Promise<void> {
  await inUnit(context, async (unit) => {
    const { revision } = await newRevision(unit, establishmentId, actor, draftId, expectedRevision);
    const removed = await unit.trx
      .deleteFrom('publishing_media')
      .where('draft_id', '=', draftId)
      .where('id', '=', mediaId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw notFound();
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: 'publishing.media.remove',
      targetType: 'publishing_draft',
      targetId: draftId,
      detail: { mediaId, revision },
    });
  });
}
