/**
 * An author as an alert names them: « @handle » for a handle, but a Bluesky DID (« did:plc:… »,
 * when the source could not learn the handle) or a newspaper's name is written as it is: an
 * « @ » in front would make it look like a handle that does not exist.
 */
export function displayHandle(handle: string): string {
  const bare = handle.replace(/^@/, '');
  if (bare.startsWith('did:') || /\s/u.test(bare)) return bare;
  return `@${bare}`;
}
