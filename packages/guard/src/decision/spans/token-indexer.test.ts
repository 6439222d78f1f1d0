import { describe, expect, it } from 'vitest';
import { SAMPLE_POSTS } from '../../bench/sample-posts.js';
import { inspect } from '../../inspect.js';
import { loadLexicon } from '../../lexicon/load.js';
import type { GuardContext } from '../../types.js';
import { lemmatizerOf } from '../lemma.js';
import { type DecisionModel, loadShippedTagger } from '../model.js';
import { type TokenFeatureInput, tokenFeatures } from './token-features.js';
import { indexWords } from './token-indexer.js';

const lexicon = loadLexicon();
const lemma = lemmatizerOf(lexicon);
const classesOf = lexicon.wordClassesOf;

function inputOf(text: string, context: GuardContext): TokenFeatureInput {
  const { input, ruleFindings } = inspect(text, { context }, lexicon);
  return { doc: input.doc, context, spans: input.spans, findings: ruleFindings };
}

const EDGE_POSTS: ReadonlyArray<{ text: string; context: GuardContext }> = [
  { text: '', context: 'staff' },
  { text: 'Mme D. chambre 214. Elle a le genou en vrac', context: 'staff' },
  { text: `${'b'.repeat(4000)} @kevin #réa fin.`, context: 'public' },
];

describe('indexWords', () => {
  const tagger = loadShippedTagger();

  it.skipIf(tagger === null)(
    'gives, word by word, the features the trainer names that the tagger knows',
    () => {
      const model = tagger as DecisionModel;
      for (const post of [...SAMPLE_POSTS, ...EDGE_POSTS]) {
        const input = inputOf(post.text, post.context);
        const expected = tokenFeatures(input, lemma, classesOf).map((names) =>
          names.flatMap((name) => model.featureIndex.get(name) ?? []).sort((a, b) => a - b),
        );
        for (let round = 0; round < 2; round++) {
          const indexed = indexWords(model, input, lemma, classesOf).map((ids) =>
            [...ids].sort((a, b) => a - b),
          );
          expect(indexed).toEqual(expected);
        }
      }
    },
  );
});
