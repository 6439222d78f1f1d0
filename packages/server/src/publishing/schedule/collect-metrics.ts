import { isPublishingNetwork } from '@blouse/contract';
import { sql } from 'kysely';
import type { AppContext } from '../../http/context.js';
import { SecretError } from '../../platform/secrets/secret-box.js';
import { accountForPublishing } from '../accounts/account-service.js';
import { ConnectorError } from '../connectors/connector.js';
import type { ConnectorRegistry } from '../connectors/registry.js';

/**
 * When to read a post's engagement, counted from its publication: most of it comes in the first
 * hours, then it slows. After the last reading the figures stay as they were.
 */
export const METRICS_READINGS_AFTER_MS: readonly number[] = [
  3_600_000, // 1 h
  6 * 3_600_000, // 6 h
  24 * 3_600_000, // 1 day
  3 * 24 * 3_600_000, // 3 days
  7 * 24 * 3_600_000, // 1 week
  30 * 24 * 3_600_000, // 1 month
];

export type MetricsOutcome =
  /** Read and stored; `next` is when to read again, null after the last reading. */
  | { readonly kind: 'collected'; readonly next: Date | null }
  /** The network's API gives no figures, or the account is gone: nothing to read. */
  | { readonly kind: 'unsupported' }
  /** The network no longer has the post, or refuses for good (a token revoked). */
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'not_published' };

/**
 * Reads a published post's engagement from its network and keeps the latest figures. A failure
 * for now (the network down, a rate limit) is thrown, for the job engine to retry.
 */
export async function collectMetrics(
  context: AppContext,
  publicationId: string,
  registry: ConnectorRegistry,
): Promise<MetricsOutcome> {
  const db = context.storage.db;
  const publication = await db
    .selectFrom('publications')
    .select(['establishment_id', 'network', 'status', 'external_id', 'published_at'])
    .where('id', '=', publicationId)
    .executeTakeFirst();
  if (
    publication === undefined ||
    publication.status !== 'published' ||
    publication.external_id === null ||
    publication.published_at === null
  )
    return { kind: 'not_published' };
  const connector = isPublishingNetwork(publication.network) ? registry.get(publication.network) : undefined;
  if (connector?.readMetrics === undefined) return { kind: 'unsupported' };
  let account: Awaited<ReturnType<typeof accountForPublishing>>;
  try {
    account = await accountForPublishing(context, publication.establishment_id, publication.network);
  } catch (error) {
    if (error instanceof SecretError) return { kind: 'refused', reason: error.message };
    throw error;
  }
  if (account === null) return { kind: 'unsupported' };
  let metrics: Awaited<ReturnType<NonNullable<typeof connector.readMetrics>>>;
  try {
    metrics = await connector.readMetrics({ account, externalId: publication.external_id });
  } catch (error) {
    if (error instanceof ConnectorError && error.permanent) return { kind: 'refused', reason: error.message };
    throw error;
  }
  const now = context.clock();
  const at = now.toISOString();
  await db
    .insertInto('publication_metrics')
    .values({ publication_id: publicationId, ...metrics, collected_at: at, collections: 1 })
    .onConflict((oc) =>
      oc.column('publication_id').doUpdateSet({
        ...metrics,
        collected_at: at,
        // In SQL: two readings at once both count.
        collections: sql<number>`publication_metrics.collections + 1`,
      }),
    )
    .execute();
  return { kind: 'collected', next: nextReading(new Date(publication.published_at), now) };
}

/**
 * The next scheduled reading after `now`, by the clock and not by how many readings were made:
 * readings asked by hand in between neither shift nor end the schedule.
 */
export function nextReading(publishedAt: Date, now: Date): Date | null {
  for (const after of METRICS_READINGS_AFTER_MS) {
    const due = new Date(publishedAt.getTime() + after);
    if (due.getTime() > now.getTime()) return due;
  }
  return null;
}
