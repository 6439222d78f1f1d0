import { randomUUID } from 'node:crypto';
import type { WatchTermKind } from '../db/schema.js';
import type { AppContext } from '../http/context.js';
import type { IncomingPost } from '../listening/incoming-post.js';
import { ingestBatch } from '../listening/ingest/ingest-batch.js';
import { foldForMatching } from '../listening/watch-terms/fold-for-matching.js';
import { termsChanged } from '../listening/watch-terms/matcher-cache.js';

const DEMO_TERMS: readonly [WatchTermKind, string][] = [
  ['name', 'CHU de Démonstration'],
  ['alias', 'CHU Démo'],
  ['hashtag', '#CHUDemo'],
  ['service', 'urgences'],
];

/** Fictitious public posts about the demo hospital (every name, handle and address is invented). */
const DEMO_POSTS: readonly (Omit<IncomingPost, 'publishedAt' | 'externalId'> & { hoursAgo: number })[] = [
  {
    source: 'mastodon',
    url: 'https://social.exemple.invalid/@lucie_d/1001',
    authorHandle: '@lucie_d@social.exemple.invalid',
    authorKind: 'person',
    reach: 340,
    text: 'Un grand merci à l’équipe de la maternité du CHU de Démonstration, accueil formidable ! #CHUDemo',
    hoursAgo: 30,
  },
  {
    source: 'bluesky',
    url: 'https://bsky.app/profile/demoville.bsky.social/post/3kdemo1',
    authorHandle: '@demoville.bsky.social',
    authorKind: 'person',
    reach: 85,
    text: '5 heures d’attente aux urgences du CHU Démo ce soir, aucune information. Inadmissible.',
    hoursAgo: 20,
  },
  {
    source: 'rss',
    url: 'https://journal.exemple.invalid/sante/chu-demonstration-nouveau-scanner',
    authorHandle: 'Le Journal de Démoville',
    authorKind: 'press',
    reach: null,
    text: 'Le CHU de Démonstration inaugure un nouveau scanner pour réduire les délais d’examen.',
    hoursAgo: 12,
  },
  {
    source: 'mastodon',
    url: 'https://social.exemple.invalid/@marc_b/1002',
    authorHandle: '@marc_b@social.exemple.invalid',
    authorKind: 'person',
    reach: 120,
    text: 'Quels sont les horaires de visite au CHU de Démonstration le dimanche ?',
    hoursAgo: 6,
  },
  {
    source: 'bluesky',
    url: 'https://bsky.app/profile/voisin-demo.bsky.social/post/3kdemo2',
    authorHandle: '@voisin-demo.bsky.social',
    authorKind: 'person',
    reach: 60,
    text: 'Ma voisine Mme Lebrun, 84 ans, est au CHU Démo chambre 312 pour une chimiothérapie, pensez à elle.',
    hoursAgo: 2,
  },
];

/**
 * The demo hospital's watch terms and a few mentions heard about it (stored through the real
 * ingestion, so checked by the guard), so that « Veille » has something to show at first start.
 */
export async function seedDemoListening(context: AppContext, establishmentId: string): Promise<void> {
  const now = context.clock();
  await context.storage.db
    .insertInto('watch_terms')
    .values(
      DEMO_TERMS.map(([kind, term]) => ({
        id: randomUUID(),
        establishment_id: establishmentId,
        kind,
        term,
        folded: foldForMatching(term),
        created_at: now.toISOString(),
      })),
    )
    .onConflict((oc) => oc.columns(['establishment_id', 'kind', 'folded']).doNothing())
    .execute();
  termsChanged(context);
  const posts: IncomingPost[] = DEMO_POSTS.map(({ hoursAgo, ...post }, index) => ({
    ...post,
    externalId: `demo-${index + 1}`,
    publishedAt: new Date(now.getTime() - hoursAgo * 3_600_000).toISOString(),
  }));
  await ingestBatch(context, { sourceId: null, establishmentId }, posts, null, []);
}
