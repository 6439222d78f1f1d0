/**
 * DID → handle, learnt for free from the #identity events of the stream itself (a PDS emits one
 * when an account is created or changes handle; relays pass them on). We never ask a directory
 * per post: that would cost a request per unknown author. Bounded, least recently used out.
 *
 * A handle here is what the author's PDS asserted; it is shown to people, never used to decide
 * that an author is the press or an official account.
 */
export class HandleCache {
  private readonly entries = new Map<string, string>();

  constructor(private readonly capacity = 50_000) {}

  get(did: string): string | null {
    const handle = this.entries.get(did);
    if (handle === undefined) return null;
    // Refresh its place: Map keeps insertion order, the oldest key is evicted first.
    this.entries.delete(did);
    this.entries.set(did, handle);
    return handle;
  }

  /** `handle` absent or invalid: the account lost its handle, forget the old one. */
  learn(did: string, handle: string | undefined): void {
    this.entries.delete(did);
    if (handle === undefined || handle === 'handle.invalid' || !isPlausibleHandle(handle)) return;
    this.entries.set(did, handle.toLowerCase());
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}

/** The atproto handle syntax (a domain name), so a hostile event cannot inject any text. */
function isPlausibleHandle(handle: string): boolean {
  return (
    handle.length <= 253 &&
    /^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/.test(handle)
  );
}
