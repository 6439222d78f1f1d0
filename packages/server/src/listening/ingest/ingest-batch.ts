import { randomUUID } from 'node:crypto';
import { DEFAULT_MENTION_RETENTION_DAYS } from '../../config/config.js';
import { type AppContext, inUnit } from '../../http/context.js';
import { foldForSearch } from '../../incidents/search-fold.js';
import type { IncomingPost } from '../incoming-post.js';
import { heardKeys, insertHeardPost, insertMention } from '../mentions/mention-repository.js';
import type { NewMention, NewMentionsListener } from '../new-mention.js';
import { updateSource } from '../sources/source-repository.js';
import type { EstablishmentMatch } from '../watch-terms/matcher.js';
import { type CompileWatchTerms, termMatcher } from '../watch-terms/matcher-cache.js';
import { dedupeKey } from './dedupe-key.js';
import { checkMention, type MentionCheck } from './mention-check.js';

/** Where a batch comes from: its source (null for a one-off import) and the establishment it serves. */
export interface IngestTarget {
  readonly sourceId: string | null;
  /** Null: a shared source, fanned out to every establishment whose terms match. */
  readonly establishmentId: string | null;
}

export interface IngestResult {
  /** Posts delivered. */
  readonly received: number;
  /** Posts stored (each with at least one mention). */
  readonly stored: number;
  /** Posts already heard (from this source before a restart, or from another source). */
  readonly duplicates: number;
  /** Posts that concern no establishment: not kept (minimal storage). */
  readonly unmatched: number;
  /** Posts refused, by their position in the batch, with the reason in French. */
  readonly rejected: readonly { readonly index: number; readonly message: string }[];
  readonly mentions: readonly NewMention[];
}

/** A stored post's text beyond this is cut: a mention is a post, not a whole page. */
export const STORED_TEXT_LIMIT = 20_000;

/** A post checked and matched before the transaction, ready to store. */
interface Prepared {
  readonly post: IncomingPost;
  readonly key: string;
  readonly text: string;
  readonly publishedAt: string;
  readonly matches: readonly EstablishmentMatch[];
  readonly check: MentionCheck;
}

// Lone surrogates and NUL: what PostgreSQL refuses in text and what would not read back the same.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what is looked for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/**
 * Stores a batch a source delivered, and the cursor after it, in one transaction: a source
 * killed at any moment resumes from the last stored cursor, and the posts it delivers again are
 * recognised by their dedupe key and skipped, so nothing is lost and nothing is stored twice.
 *
 * The work that takes time (matching every establishment's terms, the guard's analysis in public
 * context) is done before the transaction opens, for the posts not already heard; the
 * transaction only writes. Two sources delivering the same post at once both pass that first
 * check, then insert-or-ignore keeps one. Posts that concern no establishment are not kept.
 * The listeners (alerts) receive the new mentions once they are committed.
 */
export async function ingestBatch(
  context: AppContext,
  target: IngestTarget,
  posts: readonly IncomingPost[],
  cursorAfter: string | null,
  listeners: readonly NewMentionsListener[],
  compile?: CompileWatchTerms,
): Promise<IngestResult> {
  const rejected: { index: number; message: string }[] = [];
  const byKey = new Map<string, { post: IncomingPost; text: string; publishedAt: string }>();
  let duplicates = 0;
  posts.forEach((post, index) => {
    const problem = invalidPost(post);
    if (problem !== null) {
      rejected.push({ index, message: problem });
      return;
    }
    const text = post.text.replace(UNSTORABLE, '\uFFFD').slice(0, STORED_TEXT_LIMIT);
    const key = dedupeKey({ url: post.url, authorHandle: post.authorHandle, text });
    if (byKey.has(key)) duplicates++;
    else byKey.set(key, { post, text, publishedAt: new Date(post.publishedAt).toISOString() });
  });

  const already = await heardKeys(context.storage.db, [...byKey.keys()]);
  const matcher = await termMatcher(context, compile);
  const prepared: Prepared[] = [];
  let unmatched = 0;
  for (const [key, { post, text, publishedAt }] of byKey) {
    if (already.has(key)) {
      duplicates++;
      continue;
    }
    const matches = matcher
      .match(text)
      .filter((match) => target.establishmentId === null || match.establishmentId === target.establishmentId);
    if (matches.length === 0) {
      unmatched++;
      continue;
    }
    prepared.push({ post, key, text, publishedAt, matches, check: checkMention(text) });
  }

  // Inserted in key order: two transactions storing overlapping batches wait for each other on
  // the same keys in the same order instead of deadlocking (PostgreSQL).
  prepared.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const retentionDays = context.config.mentionRetentionDays ?? DEFAULT_MENTION_RETENTION_DAYS;
  return inUnit(context, async (unit) => {
    const now = unit.now.toISOString();
    const expiresAt = new Date(unit.now.getTime() + retentionDays * 86_400_000).toISOString();
    const mentions: NewMention[] = [];
    let stored = 0;
    for (const item of prepared) {
      const postId = randomUUID();
      const inserted = await insertHeardPost(unit.trx, {
        id: postId,
        dedupe_key: item.key,
        source: item.post.source,
        external_id: item.post.externalId.slice(0, 1_000),
        url: item.post.url,
        author_handle: item.post.authorHandle,
        author_kind: item.post.authorKind,
        // An integer column on PostgreSQL: a reach beyond it is « more than two billion » anyway.
        reach: item.post.reach === null ? null : Math.min(item.post.reach, 2_147_483_647),
        text: item.text,
        published_at: item.publishedAt,
        received_at: now,
        search_text: foldForSearch(`${item.post.authorHandle ?? ''} ${item.text}`),
      });
      if (!inserted) {
        duplicates++;
        continue;
      }
      stored++;
      for (const match of item.matches) {
        const matchedTerms = [...new Set(match.terms.map((term) => term.term))];
        const id = randomUUID();
        await insertMention(unit.trx, {
          id,
          establishment_id: match.establishmentId,
          post_id: postId,
          matched_terms: JSON.stringify(matchedTerms),
          category: item.check.category,
          verdict: item.check.verdict,
          findings: JSON.stringify(item.check.findings),
          source: item.post.source,
          published_at: item.publishedAt,
          created_at: now,
          expires_at: expiresAt,
          incident_id: null,
        });
        mentions.push({
          id,
          establishmentId: match.establishmentId,
          postId,
          source: item.post.source,
          url: item.post.url,
          authorHandle: item.post.authorHandle,
          authorKind: item.post.authorKind,
          reach: item.post.reach,
          text: item.text,
          publishedAt: item.publishedAt,
          matchedTerms,
          category: item.check.category,
          verdict: item.check.verdict,
          findings: item.check.findings,
        });
      }
    }
    if (target.sourceId !== null) {
      await updateSource(unit.trx, target.sourceId, { cursor: cursorAfter, last_read_at: now });
    }
    if (mentions.length > 0) {
      for (const listener of listeners) unit.afterCommit((ctx) => listener(ctx, mentions));
    }
    return { received: posts.length, stored, duplicates, unmatched, rejected, mentions };
  });
}

/** Why a delivered post cannot be stored, in French; null when it can. */
function invalidPost(post: IncomingPost): string | null {
  if (typeof post.text !== 'string' || post.text.trim() === '') return 'message sans texte';
  if (typeof post.externalId !== 'string' || post.externalId === '') return 'message sans identifiant';
  if (typeof post.publishedAt !== 'string' || Number.isNaN(Date.parse(post.publishedAt)))
    return 'date de publication illisible';
  if (post.reach !== null && (!Number.isSafeInteger(post.reach) || post.reach < 0))
    return 'audience invalide (entier positif attendu)';
  return null;
}
