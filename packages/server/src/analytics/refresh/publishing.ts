import type { Kysely } from 'kysely';
import type { AnalyticsApprovalTable, AnalyticsPublicationTable, Database } from '../../db/schema.js';
import { parisDay } from '../paris-day.js';
import { OVERLAP_MS } from './keyset.js';
import { readWatermark, writeWatermark } from './watermark.js';

/**
 * Published posts and approved drafts, rewritten when they changed since the last refresh (a
 * post's engagement is read again for days after it went out). A hospital publishes a few posts a
 * day: these tables stay small, and are read without a dedicated index.
 */
export async function refreshPublishing(db: Kysely<Database>, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const mark = await readWatermark(trx, 'publishing');
    const since = mark.at === '' ? '' : new Date(Date.parse(mark.at) - OVERLAP_MS).toISOString();
    const published = await trx
      .selectFrom('publications')
      .leftJoin('publication_metrics', 'publication_metrics.publication_id', 'publications.id')
      .select([
        'publications.id',
        'publications.establishment_id',
        'publications.network',
        'publications.published_at',
        'publication_metrics.likes',
        'publication_metrics.shares',
        'publication_metrics.comments',
        'publication_metrics.impressions',
      ])
      .where('publications.status', '=', 'published')
      .where('publications.published_at', 'is not', null)
      .where((eb) =>
        eb.or([
          eb('publications.published_at', '>=', since),
          eb('publication_metrics.collected_at', '>=', since),
        ]),
      )
      .execute();
    const posts: AnalyticsPublicationTable[] = published.map((row) => ({
      publication_id: row.id,
      establishment_id: row.establishment_id,
      network: row.network,
      published_day: parisDay(row.published_at as string),
      likes: row.likes ?? 0,
      shares: row.shares ?? 0,
      comments: row.comments ?? 0,
      impressions: row.impressions ?? 0,
    }));
    for (let start = 0; start < posts.length; start += 500) {
      await trx
        .insertInto('analytics_publications')
        .values(posts.slice(start, start + 500))
        .onConflict((oc) =>
          oc.column('publication_id').doUpdateSet((eb) => ({
            likes: eb.ref('excluded.likes'),
            shares: eb.ref('excluded.shares'),
            comments: eb.ref('excluded.comments'),
            impressions: eb.ref('excluded.impressions'),
            published_day: eb.ref('excluded.published_day'),
          })),
        )
        .execute();
    }

    const drafts = await trx
      .selectFrom('publishing_drafts')
      .innerJoin('publishing_approvals', (join) =>
        join
          .onRef('publishing_approvals.draft_id', '=', 'publishing_drafts.id')
          .onRef('publishing_approvals.revision', '=', 'publishing_drafts.revision'),
      )
      .select((eb) => [
        'publishing_drafts.id',
        'publishing_drafts.establishment_id',
        'publishing_drafts.submitted_at',
        eb.fn.max('publishing_approvals.created_at').as('approved_at'),
      ])
      .where('publishing_drafts.status', '=', 'approved')
      .where('publishing_drafts.updated_at', '>=', since)
      .where('publishing_approvals.decision', '=', 'approved')
      .groupBy([
        'publishing_drafts.id',
        'publishing_drafts.establishment_id',
        'publishing_drafts.submitted_at',
      ])
      .execute();
    const approvals: AnalyticsApprovalTable[] = [];
    for (const draft of drafts) {
      if (draft.submitted_at === null || draft.approved_at === null) continue;
      const approvedAt = String(draft.approved_at);
      approvals.push({
        draft_id: draft.id,
        establishment_id: draft.establishment_id,
        approved_day: parisDay(approvedAt),
        lead_minutes: Math.max(
          0,
          Math.round((Date.parse(approvedAt) - Date.parse(draft.submitted_at)) / 60_000),
        ),
      });
    }
    for (let start = 0; start < approvals.length; start += 500) {
      await trx
        .insertInto('analytics_approvals')
        .values(approvals.slice(start, start + 500))
        .onConflict((oc) =>
          oc.column('draft_id').doUpdateSet((eb) => ({
            approved_day: eb.ref('excluded.approved_day'),
            lead_minutes: eb.ref('excluded.lead_minutes'),
          })),
        )
        .execute();
    }
    await writeWatermark(trx, 'publishing', { at: now.toISOString(), id: '' }, now);
    return posts.length + approvals.length;
  });
}
