import type { AppContext } from '../http/context.js';
import type { AuthorKind, SourceKind } from './incoming-post.js';

/** A guard finding as listening keeps it: never the spans, which would copy the post's words. */
export interface MentionFinding {
  readonly rule: string;
  readonly severity: 'warn' | 'block';
  readonly explanation: string;
  /**
   * Who raised it: a written rule, or the learned model reading the whole post. Null for the
   * mentions stored before it was kept.
   */
  readonly raisedBy: 'rule' | 'model' | null;
}

/** A mention just stored (committed), as the alerting stage receives it. */
export interface NewMention {
  readonly id: string;
  readonly establishmentId: string;
  readonly postId: string;
  readonly source: SourceKind;
  readonly url: string | null;
  readonly authorHandle: string | null;
  readonly authorKind: AuthorKind | null;
  readonly reach: number | null;
  readonly text: string;
  readonly publishedAt: string;
  /** The watch terms found, as the establishment wrote them. */
  readonly matchedTerms: readonly string[];
  /** The guard's category for a public post, lower-cased: complaint, rumor, threat, defamation,
   * doxxing, privacy_breach, praise, question, info. */
  readonly category: string;
  readonly verdict: 'ok' | 'warn' | 'block';
  readonly findings: readonly MentionFinding[];
}

/** Called once the mentions of a batch are committed (alerts are computed and sent from here). */
export type NewMentionsListener = (context: AppContext, mentions: readonly NewMention[]) => Promise<void>;
