import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, WatchTermKind } from '../db/schema.js';
import { foldForSearch } from '../incidents/search-fold.js';
import type { IncomingPost } from './incoming-post.js';
import type { EstablishmentMatch, WatchTerm, WatchTermMatcher } from './watch-terms/matcher.js';

/**
 * A plain matcher for tests of what comes after matching (storage, fan-out, routes): a term
 * matches where its folded form appears between non-letters; an exclusion drops the
 * establishment. The production matcher (one automaton for every term) has its own tests.
 */
export function plainMatcher(terms: readonly WatchTerm[]): WatchTermMatcher {
  return {
    match(text) {
      const folded = ` ${foldForSearch(text)} `;
      const found = new Map<string, WatchTerm[]>();
      const excluded = new Set<string>();
      for (const term of terms) {
        const needle = foldForSearch(term.term);
        const at = folded.indexOf(needle);
        if (at < 0) continue;
        const before = folded[at - 1] ?? ' ';
        const after = folded[at + needle.length] ?? ' ';
        if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
        if (term.kind === 'exclusion') excluded.add(term.establishmentId);
        else found.set(term.establishmentId, [...(found.get(term.establishmentId) ?? []), term]);
      }
      const matches: EstablishmentMatch[] = [];
      for (const [establishmentId, list] of found)
        if (!excluded.has(establishmentId)) matches.push({ establishmentId, terms: list });
      return matches;
    },
  };
}

/** A watch term written straight to the database. */
export async function addTestTerm(
  db: Kysely<Database>,
  establishmentId: string,
  term: string,
  kind: WatchTermKind = 'name',
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('watch_terms')
    .values({
      id,
      establishment_id: establishmentId,
      kind,
      term,
      folded: foldForSearch(term),
      created_at: new Date().toISOString(),
    })
    .execute();
  return id;
}

/** A post as a source would deliver it. */
export function testPost(overrides: Partial<IncomingPost> & { text: string }): IncomingPost {
  const externalId = overrides.externalId ?? randomUUID();
  return {
    source: 'rss',
    externalId,
    url: `https://forum.exemple.fr/sujets/${externalId}`,
    authorHandle: '@quelquun',
    authorKind: 'person',
    reach: null,
    publishedAt: '2026-11-02T08:00:00.000Z',
    ...overrides,
  };
}
