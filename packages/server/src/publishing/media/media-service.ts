import { randomUUID } from 'node:crypto';
import { checkAndCopyImage } from '@blouse/guard-image';
import { stripImageMetadata } from '../../evidence/strip-metadata.js';
import { type AppContext, inUnit } from '../../http/context.js';
import { notFound, Problem } from '../../http/problem.js';
import { sniffScreenshotType } from '../../reports/media-type.js';
import { type Actor, newRevision } from '../draft-service.js';
import { blankMp4Metadata, inspectMp4, looksLikeMp4 } from './mp4.js';
import { checkPhoto, type PhotoCheck } from './photo-check.js';

/** Four photos: what Bluesky, X and Mastodon take in one post (Instagram's carousel takes ten). */
export const MAX_MEDIA_PER_DRAFT = 4;
const VIDEO = 'video/mp4';
/** The longest video taken: TikTok's and Instagram Reels' upper bounds are far above what a hospital posts. */
export const MAX_VIDEO_SECONDS = 10 * 60;

/**
 * A photo or a video read by its bytes and stripped of what the device wrote about its owner:
 * photos re-encoded without metadata, MP4 videos with their metadata boxes blanked (mp4.ts).
 * Anything else (SVG, HTML, another video format) is refused.
 */
async function cleanMedia(content: Buffer): Promise<{ type: string; bytes: Buffer }> {
  if (looksLikeMp4(content)) {
    let summary: ReturnType<typeof inspectMp4>;
    try {
      summary = inspectMp4(content);
    } catch (error) {
      throw new Problem(
        415,
        'video_illisible',
        `Cette vidéo MP4 est illisible : ${(error as Error).message}.`,
      );
    }
    if (!summary.hasVideo)
      throw new Problem(415, 'video_illisible', 'Ce fichier MP4 ne contient pas d’image vidéo.');
    if (summary.durationSeconds > MAX_VIDEO_SECONDS)
      throw new Problem(
        422,
        'video_trop_longue',
        `Une vidéo dure au plus ${MAX_VIDEO_SECONDS / 60} minutes.`,
      );
    return { type: VIDEO, bytes: blankMp4Metadata(content) };
  }
  const type = sniffScreenshotType(content);
  if (type === undefined)
    throw new Problem(
      415,
      'media_non_pris_en_charge',
      'Joignez une photo PNG, JPEG ou WebP, ou une vidéo MP4.',
    );
  return { type, bytes: (await stripImageMetadata(content, type)).bytes };
}

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
  const { type, bytes } = await cleanMedia(input.content);
  // Read before the transaction: the image guard takes a second or two on a large photo.
  const check = type === VIDEO ? null : await checkPhoto(input.content);
  await inUnit(context, async (unit) => {
    const present = await unit.trx
      .selectFrom('publishing_media')
      .select('media_type')
      .where('draft_id', '=', draftId)
      .execute();
    const { revision } = await newRevision(unit, establishmentId, actor, draftId, input.revision);
    // Photos or one video: no network here takes both in one post.
    if (type === VIDEO && present.length > 0)
      throw new Problem(422, 'video_seule', 'Une vidéo se publie seule : retirez d’abord les photos.');
    if (present.some((item) => item.media_type === VIDEO))
      throw new Problem(422, 'video_seule', 'Cette publication porte déjà une vidéo : elle se publie seule.');
    if (present.length >= MAX_MEDIA_PER_DRAFT)
      throw new Problem(
        422,
        'trop_de_photos',
        `Une publication porte au plus ${MAX_MEDIA_PER_DRAFT} photos.`,
      );
    const count = present.length;
    const stripped = { bytes };
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
        image_check: check === null ? null : JSON.stringify(check),
      })
      .execute();
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: 'publishing.media.add',
      targetType: 'publishing_draft',
      targetId: draftId,
      detail: { mediaId: id, mediaType: type, byteSize: stripped.bytes.length, revision, check },
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

/**
 * Replaces a photo by its safe copy: the faces and the words the image guard objects to
 * pixelated, nothing else changed (alt text, place among the photos); the copy gets a new id. The copy is read again, and what the gate knows of the photo
 * is what the guard sees in the copy. A new revision: approvals reset.
 */
export async function replaceWithSafeCopy(
  context: AppContext,
  establishmentId: string,
  actor: Actor,
  draftId: string,
  mediaId: string,
  expectedRevision: number,
): Promise<{ id: string; check: PhotoCheck }> {
  const { mediaType, bytes } = await readMediaContent(context, establishmentId, draftId, mediaId);
  if (mediaType === VIDEO)
    throw new Problem(
      422,
      'video_sans_copie_sure',
      'La copie sûre vaut pour les photos, pas pour les vidéos.',
    );
  const { copy } = await checkAndCopyImage(bytes, 'institutional');
  const check = await checkPhoto(copy.bytes);
  const replacementId = randomUUID();
  await inUnit(context, async (unit) => {
    const { revision } = await newRevision(unit, establishmentId, actor, draftId, expectedRevision);
    // A new photo, under a new id, in the old one's place: every address of the old one (a
    // browser's cache, a preview) stops showing the picture that was replaced.
    const old = await unit.trx
      .selectFrom('publishing_media')
      .select(['position', 'alt_text', 'created_at'])
      .where('draft_id', '=', draftId)
      .where('id', '=', mediaId)
      .executeTakeFirst();
    if (old === undefined) throw notFound();
    await unit.trx.deleteFrom('publishing_media').where('id', '=', mediaId).execute();
    await unit.trx
      .insertInto('publishing_media')
      .values({
        id: replacementId,
        draft_id: draftId,
        position: old.position,
        media_type: copy.mediaType,
        content: copy.bytes,
        byte_size: copy.bytes.length,
        alt_text: old.alt_text,
        created_at: unit.now.toISOString(),
        image_check: JSON.stringify(check),
      })
      .execute();
    await unit.audit({
      establishmentId,
      actorId: actor.id,
      action: 'publishing.media.safe_copy',
      targetType: 'publishing_draft',
      targetId: draftId,
      detail: { mediaId, replacedBy: replacementId, revision, check },
    });
  });
  return { id: replacementId, check };
}
