import type { AppContext } from '../../http/context.js';
import { compileWatchTerms } from './compile.js';
import type { WatchTerm, WatchTermMatcher } from './matcher.js';
import { listAllTerms } from './term-repository.js';

export type CompileWatchTerms = (terms: readonly WatchTerm[]) => WatchTermMatcher;

/**
 * Another process (several workers on PostgreSQL) may change the terms: a compiled matcher is
 * used at most this long before the terms are read again. This process's own changes invalidate
 * it at once.
 */
export const MATCHER_MAX_AGE_MS = 30_000;

interface Cached {
  readonly compiledAt: number;
  readonly matcher: Promise<WatchTermMatcher>;
}

const cache = new WeakMap<AppContext, Cached>();

/**
 * The matcher of every establishment's terms, compiled once and kept per context (compiling
 * 10,000 terms takes far longer than matching a post against them).
 */
export function termMatcher(
  context: AppContext,
  compile: CompileWatchTerms = compileWatchTerms,
): Promise<WatchTermMatcher> {
  const now = context.clock().getTime();
  const cached = cache.get(context);
  if (cached !== undefined && now - cached.compiledAt < MATCHER_MAX_AGE_MS && now >= cached.compiledAt) {
    return cached.matcher;
  }
  const matcher = listAllTerms(context.storage.db).then((rows) =>
    compile(
      rows.map((row) => ({
        id: row.id,
        establishmentId: row.establishment_id,
        kind: row.kind,
        term: row.term,
      })),
    ),
  );
  cache.set(context, { compiledAt: now, matcher });
  // A failed read must not be kept: the next batch tries again.
  matcher.catch(() => {
    if (cache.get(context)?.matcher === matcher) cache.delete(context);
  });
  return matcher;
}

/** The terms changed (added, removed): the next match compiles them again. */
export function termsChanged(context: AppContext): void {
  cache.delete(context);
}
