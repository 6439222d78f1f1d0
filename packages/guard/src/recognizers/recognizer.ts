import type { Lexicon } from '../lexicon/lexicon.js';
import type { GuardDocument } from '../text/document.js';
import type { GuardContext, GuardOptions, Span } from '../types.js';

/** What every recognizer may read besides the text. */
export interface RecognizerContext {
  readonly context: GuardContext;
  readonly options: GuardOptions;
  readonly lexicon: Lexicon;
}

/**
 * Finds spans of one kind of identifier. Pure: the same document and context always give the
 * same spans. Offsets must lie inside the text.
 */
export interface Recognizer {
  readonly name: string;
  find(doc: GuardDocument, ctx: RecognizerContext): Span[];
}
