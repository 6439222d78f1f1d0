// Placeholder signature; implemented by the lexicon work (see lexicon/README in the issue notes).
import type { GuardDocument } from '../text/document.js';

export interface PhraseMatch<T> {
  readonly start: number;
  readonly end: number;
  readonly value: T;
}

export interface PhraseMatcher<T> {
  /** Longest matches of the phrases over the document's folded tokens, left to right, non-overlapping. */
  match(doc: GuardDocument): PhraseMatch<T>[];
  readonly size: number;
}
