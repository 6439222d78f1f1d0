import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { foldForSearch } from '../../incidents/search-fold.js';
import type { NewMention } from '../new-mention.js';

/** What a test says of a mention; the rest has ordinary values. */
export type MentionSpec = Partial<Omit<NewMention, 'id' | 'establishmentId' | 'postId'>>;

/**
 * Stores a heard post and its mention the way ingestion does (the core helper's code is not
 * needed for alert tests), and returns the NewMention that ingestion hands to listeners.
 */
export async function storeMention(
  db: Kysely<Database>,
  establishmentId: string,
  now: Date,
  spec: MentionSpec = {},
): Promise<NewMention> {
  const postId = randomUUID();
  const id = randomUUID();
  const mention: NewMention = {
    id,
    establishmentId,
    postId,
    source: spec.source ?? 'bluesky',
    url: spec.url === undefined ? `https://bsky.app/profile/x/post/${postId.slice(0, 8)}` : spec.url,
    authorHandle: spec.authorHandle === undefined ? 'lecteur.bsky.social' : spec.authorHandle,
    authorKind: spec.authorKind ?? 'person',
    reach: spec.reach === undefined ? 120 : spec.reach,
    text: spec.text ?? 'Belle prise en charge aux urgences du CHU de Valmont.',
    publishedAt: spec.publishedAt ?? now.toISOString(),
    matchedTerms: spec.matchedTerms ?? ['CHU de Valmont'],
    category: spec.category ?? 'info',
    verdict: spec.verdict ?? 'ok',
    findings: spec.findings ?? [],
  };
  await db
    .insertInto('heard_posts')
    .values({
      id: postId,
      dedupe_key: `${mention.source}:${postId}`,
      source: mention.source,
      external_id: postId,
      url: mention.url,
      author_handle: mention.authorHandle,
      author_kind: mention.authorKind,
      reach: mention.reach,
      text: mention.text,
      search_text: foldForSearch(`${mention.authorHandle ?? ''} ${mention.text}`),
      published_at: mention.publishedAt,
      received_at: now.toISOString(),
    })
    .execute();
  await db
    .insertInto('mentions')
    .values({
      id,
      establishment_id: establishmentId,
      post_id: postId,
      matched_terms: JSON.stringify(mention.matchedTerms),
      category: mention.category,
      verdict: mention.verdict,
      findings: JSON.stringify(mention.findings),
      source: mention.source,
      published_at: mention.publishedAt,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 90 * 86_400_000).toISOString(),
      incident_id: null,
    })
    .execute();
  return mention;
}

/** A mention that exposes a patient, as the guard would classify it. */
export const BREACH: MentionSpec = {
  text: 'Mme D., 92 ans, chambre 214 au CHU de Valmont, elle ne passera pas la nuit.',
  category: 'privacy_breach',
  verdict: 'block',
  findings: [
    {
      rule: 'SECRET-01',
      severity: 'block',
      explanation: 'La publication permet d’identifier une patiente.',
      raisedBy: 'rule',
    },
  ],
  authorHandle: 'temoin.bsky.social',
  reach: 12_400,
};

export interface RouteSpec {
  readonly tier: 'immediate' | 'volume';
  readonly channel: 'email' | 'webhook';
  readonly target: string;
  readonly secret?: string;
  readonly quietFrom?: string;
  readonly quietUntil?: string;
}

/** A routing rule stored directly (the routes' own HTTP tests go through the API). */
export async function storeRoute(db: Kysely<Database>, establishmentId: string, now: Date, spec: RouteSpec) {
  const id = randomUUID();
  await db
    .insertInto('alert_routes')
    .values({
      id,
      establishment_id: establishmentId,
      tier: spec.tier,
      channel: spec.channel,
      target: spec.target,
      secret: spec.secret ?? null,
      quiet_from: spec.quietFrom ?? null,
      quiet_until: spec.quietUntil ?? null,
      enabled: 1,
      created_at: now.toISOString(),
    })
    .execute();
  return id;
}
