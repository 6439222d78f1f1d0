/**
 * Remembers the result for the last text seen. The rule evaluators run one after another on the
 * same post and several of them ask the same question of it (is it hostile? does it expose
 * someone?); without this the guard scanned each post with the same patterns five times.
 * One entry only: no memory grows, and the cache is always right because it keys on the text.
 * Callers must treat the result as read-only.
 */
export function rememberLast<T>(compute: (folded: string) => T): (folded: string) => T {
  let lastText: string | undefined;
  let lastResult: T | undefined;
  return (folded: string): T => {
    if (folded !== lastText || lastResult === undefined) {
      lastResult = compute(folded);
      lastText = folded;
    }
    return lastResult;
  };
}
