import { isPublishingNetwork } from '@blouse/contract';
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
  const now = context.clock().toISOString();
  const previous = await db
    .selectFrom('publication_metrics')
    .select('collections')
    .where('publication_id', '=', publicationId)
    .executeTakeFirst();
  const collections = (previous?.collections ?? 0) + 1;
  await db
    .insertInto('publication_metrics')
    .values({ publication_id: publicationId, ...metrics, collected_at: now, collections })
    .onConflict((oc) =>
      oc.column('publication_id').doUpdateSet({ ...metrics, collected_at: now, collections }),
    )
    .execute();
  const after = METRICS_READINGS_AFTER_MS[collections];
  return {
    kind: 'collected',
    next: after === undefined ? null : new Date(new Date(publication.published_at).getTime() + after),
  };
}
