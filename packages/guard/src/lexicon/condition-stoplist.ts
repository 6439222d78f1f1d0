/**
 * Reviewed stop-lists for the condition heads derived from CIM-10 (folded words), read from the
 * data files named below (see data/PROVENANCE.md) and reviewed against the full list of derived
 * heads (about 1,000 words, most frequent first).
 */

export interface ConditionStoplistWords {
  /**
   * Heads of CIM-10 labels that are not conditions at all (mostly chapter Z and O/P labels about
   * people rather than illnesses): a phrase starting with one is never kept
   * (data/condition-blocked-heads.txt).
   */
  readonly blockedHeads: readonly string[];
  /** Medical but too unspecific alone ("syndrome"): data/condition-generic-heads.txt. */
  readonly genericHeads: readonly string[];
  /** Body parts heading labels ("main bote"): data/condition-body-parts.txt. */
  readonly bodyParts: readonly string[];
  /** Everyday words CIM-10 uses as heads ("goutte", "rage"): data/condition-ordinary-words.txt. */
  readonly ordinaryWords: readonly string[];
  /** Whole CIM-10 phrases that read as everyday French: data/condition-ordinary-phrases.txt. */
  readonly ordinaryPhrases: readonly string[];
  /** Articles and prepositions: data/condition-function-words.txt. */
  readonly functionWords: readonly string[];
  /** Words that leave a prefix hanging ("due (a …)"): data/condition-dangling-words.txt. */
  readonly danglingWords: readonly string[];
}

export interface ConditionStoplist {
  /** A phrase starting with this word is not a condition. */
  isBlockedHead(word: string): boolean;
  /** This word heads condition phrases but is too unspecific alone. */
  isGenericHead(word: string): boolean;
  /** This phrase (folded, space-joined keys) is everyday French. */
  isOrdinaryPhrase(phrase: string): boolean;
  /** This word is mostly an everyday word when it stands alone. */
  isOrdinaryWord(word: string): boolean;
  /** An article or preposition: not content, never the start or end of a phrase. */
  isFunctionWord(word: string): boolean;
  /** A prefix ending with this word is cut mid-phrase ("troubles lies"). */
  isDangling(word: string): boolean;
}

export function createConditionStoplist(words: ConditionStoplistWords): ConditionStoplist {
  const blocked = new Set(words.blockedHeads);
  const generic = new Set([...words.genericHeads, ...words.bodyParts]);
  const ordinary = new Set(words.ordinaryWords);
  const phrases = new Set(words.ordinaryPhrases);
  const functionWords = new Set(words.functionWords);
  const dangling = new Set(words.danglingWords);
  return {
    isBlockedHead: (word) => blocked.has(word),
    isGenericHead: (word) => generic.has(word),
    isOrdinaryPhrase: (phrase) => phrases.has(phrase),
    isOrdinaryWord: (word) => ordinary.has(word),
    isFunctionWord: (word) => functionWords.has(word),
    isDangling: (word) => dangling.has(word),
  };
}
