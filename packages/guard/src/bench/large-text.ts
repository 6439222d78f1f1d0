const encoder = new TextEncoder();

/**
 * A long text made of posts one after the other, as a thread or a page export would be, grown
 * until it holds at least `minBytes` bytes of UTF-8. Emojis and accents weigh several bytes, so
 * the text has fewer characters than bytes.
 */
export function buildLargeText(posts: readonly string[], minBytes: number): string {
  const usable = posts.filter((post) => post.length > 0);
  if (usable.length === 0 || minBytes <= 0) return '';
  const separator = '\n\n';
  const separatorBytes = encoder.encode(separator).length;
  const sizes = usable.map((post) => encoder.encode(post).length);
  const parts: string[] = [];
  let bytes = 0;
  for (let index = 0; bytes < minBytes; index = (index + 1) % usable.length) {
    if (parts.length > 0) bytes += separatorBytes;
    parts.push(usable[index] as string);
    bytes += sizes[index] as number;
  }
  return parts.join(separator);
}

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}
