/**
 * The project's own word lists (packages/guard/data/*.txt and *.tsv): one entry per line, lines
 * starting with `#` are comments (header, provenance, groups), blank lines are skipped. Lists are
 * data, not code, so that reviewing or extending one never means editing TypeScript.
 */

/** The entries of a list, trimmed, comments and blank lines left out. */
export function parseWordList(text: string): string[] {
  const entries: string[] = [];
  for (const line of text.split('\n')) {
    const entry = line.trim();
    if (entry.length > 0 && !entry.startsWith('#')) entries.push(entry);
  }
  return entries;
}

/** The rows of a tab-separated list (columns trimmed), comments and blank lines left out. */
export function parseTable(text: string): string[][] {
  return parseWordList(text).map((line) => line.split('\t').map((cell) => cell.trim()));
}
