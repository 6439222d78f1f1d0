import { readFileSync } from 'node:fs';
import { colloquialConditionPhrases } from './colloquial-conditions.js';
import { deriveConditionPhrases, parseCim10Rows } from './condition-heads.js';
import { type ConditionStoplist, createConditionStoplist } from './condition-stoplist.js';
import { dataFileUrl, readGzipRows, readGzipText, readWordList } from './data-files.js';
import { deriveDrugPhrases } from './drug-names.js';
import { createOrdinaryDrugWord } from './drug-stoplist.js';
import { frenchWords } from './french-words.js';
import type { HealthTerm, Lexicon } from './lexicon.js';
import { createFoldedPhraseMatcher, type PhraseMatcher } from './phrase-matcher.js';
import { SortedTsvMap } from './sorted-tsv-map.js';
import { parseTable, parseWordList } from './word-lists.js';

let cached: Lexicon | undefined;

function pairs(rows: readonly string[][]): Array<readonly [string, string]> {
  return rows.map((row) => [row[0] ?? '', row[1] ?? ''] as const);
}

/**
 * Loads the committed gazetteers once per process (see data/PROVENANCE.md). The name lists are
 * read at once (~40 ms); the condition matcher (~200 ms: 15,000 CIM-10 labels turned into
 * phrases) and the drug matcher (~50 ms) are built on first use, so that callers that only need
 * names, or no lexicon at all, don't pay for them. The French dictionary (~0.1 s, 440,000 word
 * forms) is read on the first word looked up.
 */
export function loadLexicon(): Lexicon {
  if (cached !== undefined) return cached;
  const firstNames = new SortedTsvMap(readGzipText('firstnames.tsv.gz'));
  const surnames = new SortedTsvMap(readGzipText('surnames.tsv.gz'));
  let conditions: PhraseMatcher<HealthTerm> | undefined;
  let drugs: PhraseMatcher<HealthTerm> | undefined;
  cached = {
    firstNames,
    surnames,
    wordClassesOf: (folded) => frenchWords().wordClassesOf(folded),
    lemmaOf: (folded) => frenchWords().lemmaOf(folded),
    notNames: readWordList('not-names.txt'),
    ambiguousNames: readWordList('ambiguous-names.txt'),
    get conditions(): PhraseMatcher<HealthTerm> {
      // CIM-10 labels are shipped verbatim (CC BY-ND) and turned into phrases here, in memory.
      conditions ??= createFoldedPhraseMatcher([
        ...deriveConditionPhrases(
          parseCim10Rows(readGzipText('cim10-labels.tsv.gz')),
          loadConditionStoplist(),
        ),
        ...colloquialConditionPhrases(
          readDataTable('colloquial-conditions.tsv'),
          readDataTable('condition-descriptors.tsv'),
        ),
      ]);
      return conditions;
    },
    get drugs(): PhraseMatcher<HealthTerm> {
      drugs ??= createFoldedPhraseMatcher(
        deriveDrugPhrases(
          pairs(readGzipRows('drugs.tsv.gz')),
          { firstNames, surnames },
          createOrdinaryDrugWord(readDataList('drug-stoplist.txt')),
        ),
      );
      return drugs;
    },
  };
  return cached;
}

/** A word list the project wrote (data/*.txt): one entry per line, `#` lines are comments. */
export function readDataList(name: string): string[] {
  return parseWordList(readFileSync(dataFileUrl(name), 'utf8'));
}

/** A tab-separated list the project wrote (data/*.tsv), comments left out. */
export function readDataTable(name: string): string[][] {
  return parseTable(readFileSync(dataFileUrl(name), 'utf8'));
}

let conditionStoplist: ConditionStoplist | undefined;

/** The reviewed stop-lists for the heads derived from CIM-10 (data/condition-*.txt). */
export function loadConditionStoplist(): ConditionStoplist {
  conditionStoplist ??= createConditionStoplist({
    blockedHeads: readDataList('condition-blocked-heads.txt'),
    genericHeads: readDataList('condition-generic-heads.txt'),
    bodyParts: readDataList('condition-body-parts.txt'),
    ordinaryWords: readDataList('condition-ordinary-words.txt'),
    ordinaryPhrases: readDataList('condition-ordinary-phrases.txt'),
    functionWords: readDataList('condition-function-words.txt'),
    danglingWords: readDataList('condition-dangling-words.txt'),
  });
  return conditionStoplist;
}
