/**
 * Text folded for the desk's search: lower case, accents and ligatures removed, quotes and
 * spaces made plain. The same function folds the stored column and the query, so « Épidémie »,
 * « epidemie » and « ÉPIDÉMIE » meet on SQLite and PostgreSQL alike, whatever their collations.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/œ/giu, 'oe')
    .replace(/æ/giu, 'ae')
    .replace(/ß/gu, 'ss')
    .replace(/[\u2018\u2019\u02bc`´]/gu, "'")
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/** A LIKE pattern matching the folded query anywhere, with LIKE's wildcards taken literally. */
export function containsPattern(query: string): string {
  return `%${foldForSearch(query).replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
}
