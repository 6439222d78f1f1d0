import type { AppContext } from '../../http/context.js';
import { conflict, notFound, Problem, unprocessable } from '../../http/problem.js';
import { ConnectorError } from '../connectors/connector.js';
import type { ConnectorRegistry } from '../connectors/registry.js';
import { collectMetrics } from './collect-metrics.js';
import { listPublications, type PublicationView } from './publication-service.js';

/**
 * Between two readings asked by hand: each one spends the network's quota (X charges per read),
 * and figures a few minutes apart say nothing new.
 */
export const MANUAL_REFRESH_GAP_MS = 5 * 60_000;

/**
 * Reads a published post's engagement now, at the desk's request, between the scheduled readings.
 * Refused when the figures are a few minutes old, when the network gives none, or when it no
 * longer has the post; a network that does not answer is a 503 to try again later.
 */
export async function refreshMetrics(
  context: AppContext,
  establishmentId: string,
  draftId: string,
  publicationId: string,
  registry: ConnectorRegistry,
): Promise<PublicationView> {
  const db = context.storage.db;
  const publication = await db
    .selectFrom('publications')
    .leftJoin('publication_metrics', 'publication_metrics.publication_id', 'publications.id')
    .select(['publications.status as status', 'publication_metrics.collected_at as collectedAt'])
    .where('publications.id', '=', publicationId)
    .where('publications.draft_id', '=', draftId)
    .where('publications.establishment_id', '=', establishmentId)
    .executeTakeFirst();
  if (publication === undefined) throw notFound();
  if (publication.status !== 'published')
    throw conflict('pas_publiee', 'Seule une publication en ligne a des statistiques.');
  const age =
    publication.collectedAt === null
      ? Infinity
      : context.clock().getTime() - Date.parse(publication.collectedAt);
  if (age < MANUAL_REFRESH_GAP_MS) {
    const minutes = Math.ceil((MANUAL_REFRESH_GAP_MS - age) / 60_000);
    throw new Problem(
      429,
      'releve_recent',
      `Les statistiques viennent d’être relevées : réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
    );
  }
  let outcome: Awaited<ReturnType<typeof collectMetrics>>;
  try {
    outcome = await collectMetrics(context, publicationId, registry);
  } catch (error) {
    if (error instanceof ConnectorError)
      throw new Problem(
        503,
        'reseau_indisponible',
        `Le réseau ne répond pas (${error.message}) : réessayez plus tard.`,
      );
    throw error;
  }
  if (outcome.kind === 'unsupported')
    throw unprocessable(
      'statistiques_indisponibles',
      'Ce réseau ne donne pas de statistiques pour ce compte.',
    );
  if (outcome.kind === 'refused')
    throw conflict(
      'statistiques_refusees',
      `Le réseau refuse de donner les statistiques : ${outcome.reason}.`,
    );
  const view = (await listPublications(context, establishmentId, draftId)).find(
    (p) => p.id === publicationId,
  );
  if (view === undefined) throw notFound();
  return view;
}
