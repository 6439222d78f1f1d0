import type { WatchTermKind } from '../../db/schema.js';

export interface WatchTerm {
  readonly id: string;
  readonly establishmentId: string;
  readonly kind: WatchTermKind;
  /** As the establishment wrote it (« CHU de Valmont », « #ChuValmont »). */
  readonly term: string;
}

/** An establishment concerned by a post, with the terms found (exclusions already applied). */
export interface EstablishmentMatch {
  readonly establishmentId: string;
  readonly terms: readonly WatchTerm[];
}

/**
 * Every watch term of every establishment compiled once and matched in one pass over a post's
 * folded text, with word boundaries: a group or national deployment reads one firehose and fans
 * each post out to the establishments it concerns.
 */
export interface WatchTermMatcher {
  match(text: string): EstablishmentMatch[];
}
