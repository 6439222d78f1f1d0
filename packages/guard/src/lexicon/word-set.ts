/**
 * A set of the words of a space-separated list, `//` to the end of a line being a comment:
 * keeps long reviewed word lists readable and short (one line per group instead of one per word).
 */
export function wordSet(list: string): Set<string> {
  const text = list.replace(/\/\/.*$/gm, '');
  return new Set(text.split(/\s+/).filter((word) => word.length > 0));
}
