import type { Lexicon } from '../lexicon/lexicon.js';
import type { PhraseMatcher } from '../lexicon/phrase-matcher.js';
import type { RecognizerContext } from '../recognizers/recognizer.js';
import type { GuardContext, GuardOptions } from '../types.js';

// A matcher that knows no phrase: tests of one recognizer must not depend on the gazetteers.
const emptyMatcher: PhraseMatcher<never> = { match: () => [], size: 0 };

/** An empty lexicon, so that recognizer tests exercise patterns, not word lists. */
export const EMPTY_LEXICON: Lexicon = {
  firstNames: new Map(),
  surnames: new Map(),
  conditions: emptyMatcher,
  drugs: emptyMatcher,
};

/** The recognizer context for tests: a publishing context, options and the empty lexicon. */
export function testContext(context: GuardContext = 'staff', options: GuardOptions = {}): RecognizerContext {
  return { context, options: { ...options, context }, lexicon: EMPTY_LEXICON };
}
