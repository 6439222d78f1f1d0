import type { AppContext } from '../../http/context.js';
import { type PhotoCheck, parsePhotoCheck } from './photo-check.js';

/** SQL of the photos attached to drafts (what the draft views and the connectors read). */

export interface MediaView {
  readonly id: string;
  readonly position: number;
  readonly mediaType: string;
  readonly byteSize: number;
  readonly altText: string;
  /** What the image guard saw in it; null for a video. */
  readonly check: PhotoCheck | null;
}

/** What a connector sends: the bytes as stored (metadata already stripped) and the alt text. */
export interface MediaContent {
  readonly id: string;
  readonly mediaType: string;
  readonly bytes: Buffer;
  readonly altText: string;
  readonly check: PhotoCheck | null;
}

export async function listMedia(context: AppContext, draftId: string): Promise<MediaView[]> {
  return (await listMediaOf(context, [draftId])).get(draftId) ?? [];
}

/** The photos of each of these drafts, in order (one query for a page of drafts). */
export async function listMediaOf(
  context: AppContext,
  draftIds: readonly string[],
): Promise<Map<string, MediaView[]>> {
  const byDraft = new Map<string, MediaView[]>();
  if (draftIds.length === 0) return byDraft;
  const rows = await context.storage.db
    .selectFrom('publishing_media')
    .select(['id', 'draft_id', 'position', 'media_type', 'byte_size', 'alt_text', 'image_check'])
    .where('draft_id', 'in', [...draftIds])
    .orderBy('draft_id')
    .orderBy('position')
    .execute();
  for (const row of rows) {
    const list = byDraft.get(row.draft_id) ?? [];
    list.push({
      id: row.id,
      position: row.position,
      mediaType: row.media_type,
      byteSize: row.byte_size,
      altText: row.alt_text,
      check: parsePhotoCheck(row.image_check),
    });
    byDraft.set(row.draft_id, list);
  }
  return byDraft;
}

export async function mediaForPublishing(context: AppContext, draftId: string): Promise<MediaContent[]> {
  const rows = await context.storage.db
    .selectFrom('publishing_media')
    .select(['id', 'media_type', 'content', 'alt_text', 'image_check'])
    .where('draft_id', '=', draftId)
    .orderBy('position')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    mediaType: row.media_type,
    bytes: Buffer.from(row.content),
    altText: row.alt_text,
    check: parsePhotoCheck(row.image_check),
  }));
}
