import { describe, expect, it } from 'vitest';
import { SAMPLE_POSTS } from '../bench/sample-posts.js';
import { inspect } from '../inspect.js';
import { loadLexicon } from '../lexicon/load.js';
import type { GuardContext } from '../types.js';
import { extractFeatures, type FeatureInput, postScale } from './features.js';
import { lemmatizerOf } from './lemma.js';
import { assembleModel, type DecisionModel, loadShippedModel } from './model.js';
import { indexPost, locateWords } from './post-indexer.js';

const lexicon = loadLexicon();
const lemma = lemmatizerOf(lexicon);

function inputOf(text: string, context: GuardContext): FeatureInput {
  const { input, ruleFindings } = inspect(text, { context }, lexicon);
  return { doc: input.doc, context, spans: input.spans, findings: ruleFindings };
}

/** What the trainer sees: feature names, of which the model knows some. */
function byNames(model: DecisionModel, input: FeatureInput): { indices: number[]; scale: number } {
  const names = extractFeatures(input, lemma).map((feature) => feature.name);
  return {
    indices: names.flatMap((name) => model.featureIndex.get(name) ?? []),
    scale: postScale(input),
  };
}

const EDGE_POSTS: ReadonlyArray<{ text: string; context: GuardContext }> = [
  { text: '', context: 'staff' },
  { text: 'ok', context: 'public' },
  { text: `${'a'.repeat(5000)} chambre 12 ${'é'.repeat(3000)}`, context: 'staff' },
  { text: 'MME DURAND CHAMBRE 214 OPÉRÉE HIER, chambre 214, Mme Durand opérée', context: 'reply' },
];

describe('indexPost', () => {
  const model = loadShippedModel();

  it.skipIf(model === null)('gives the trainer’s known features and scale, bias and context first', () => {
    const shipped = model as DecisionModel;
    for (const post of [...SAMPLE_POSTS, ...EDGE_POSTS]) {
      const input = inputOf(post.text, post.context);
      const expected = byNames(shipped, input);
      // Twice: the second read comes from the per-word memo.
      for (let round = 0; round < 2; round++) {
        const indexed = indexPost(shipped, input, lemma);
        expect(indexed.indices.slice(0, 2)).toEqual(expected.indices.slice(0, 2));
        expect([...indexed.indices].sort((a, b) => a - b)).toEqual(
          [...expected.indices].sort((a, b) => a - b),
        );
        expect(indexed.scale).toBeCloseTo(expected.scale, 12);
      }
    }
  });

  it('skips what the model does not know, and weighs each feature less in a longer post', () => {
    const tiny: DecisionModel = assembleModel(
      new Map([
        ['bias', 0],
        ['c:staff', 1],
        ['w:genou', 2],
      ]),
      [],
      {},
    );
    const short = indexPost(tiny, inputOf('le genou en vrac', 'staff'), lemma);
    const long = indexPost(
      tiny,
      inputOf('le genou en vrac après le match de dimanche au stade', 'staff'),
      lemma,
    );
    expect(short.indices).toEqual([0, 1, 2]);
    expect(long.indices).toEqual([0, 1, 2]);
    expect(long.scale).toBeLessThan(short.scale);
  });
});

describe('locateWords', () => {
  const model = loadShippedModel();

  it.skipIf(model === null)(
    'gives the trainer’s located features the model knows, at their first place',
    () => {
      const shipped = model as DecisionModel;
      for (const post of [...SAMPLE_POSTS, ...EDGE_POSTS]) {
        const input = inputOf(post.text, post.context);
        const expected = extractFeatures(input, lemma).flatMap((feature) => {
          const index = shipped.featureIndex.get(feature.name);
          return feature.start === undefined || index === undefined
            ? []
            : [{ index, start: feature.start, end: feature.end }];
        });
        for (let round = 0; round < 2; round++) expect(locateWords(shipped, input, lemma)).toEqual(expected);
      }
    },
  );
});
