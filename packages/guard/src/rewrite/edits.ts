/**
 * Edits on the text as given: a stretch replaced by other words (empty to drop it). The rewrite
 * decides each edit from the span and the words around it, then applies them all at once.
 */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly replacement: string;
}

/**
 * Applies edits in text order. An edit that overlaps one already applied keeps only its part
 * after it (an edit that grew leftwards over a comma must not eat what the previous one wrote).
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const ordered = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let cursor = 0;
  for (const edit of ordered) {
    const start = Math.max(edit.start, cursor);
    if (edit.end <= start && edit.end <= cursor) continue;
    out += text.slice(cursor, start) + edit.replacement;
    cursor = Math.max(cursor, edit.end);
  }
  return out + text.slice(cursor);
}
