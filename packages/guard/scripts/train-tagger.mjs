#!/usr/bin/env node
// Trains the guard's span tagger (PERSON and HEALTH spans described or paraphrased) from the
// committed data listed in train-data/manifest.json and writes data/span-tagger.json.gz.
// Deterministic: the same data and code give the same file.
// Usage: node packages/guard/scripts/train-tagger.mjs   (after `npx tsc -b`)
// BLOUSE_TRAIN='{"minCount":2}' overrides options for an experiment and writes nothing.
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { lemmatizerOf } from '../dist/decision/lemma.js';
import { DEFAULT_TAGGER_TRAINING, trainSpanTagger } from '../dist/decision/spans/train-tagger.js';
import { loadLexicon } from '../dist/lexicon/load.js';
import { loadTrainingPosts } from './training-data.mjs';

const root = new URL('../', import.meta.url);
const lexicon = loadLexicon();
const lemma = lemmatizerOf(lexicon);
const classesOf = (folded) => lexicon.wordClassesOf?.(folded) ?? new Set();
const { files, posts } = loadTrainingPosts(lexicon);
const override = JSON.parse(process.env.BLOUSE_TRAIN ?? '{}');
const options = {
  ...DEFAULT_TAGGER_TRAINING,
  ...override,
  ftrl: { ...DEFAULT_TAGGER_TRAINING.ftrl, ...(override.ftrl ?? {}) },
};
const started = Date.now();
const { model, figures } = trainSpanTagger(
  posts,
  lemma,
  classesOf,
  {
    algorithm: 'logistic regression per word and span type, FTRL-Proximal (McMahan et al. 2013), L1+L2',
    features:
      'word, lemma, neighbours, spelling, lexicon word classes, recognizer spans around the word, rule families raised',
    thresholds: `chosen on ${options.folds}-fold out-of-fold probabilities for the best span F1 (overlap) with the recognizers' spans kept`,
    options,
    data: files,
  },
  options,
);
const gz = gzipSync(Buffer.from(JSON.stringify(model)), { level: 9 });
if (process.env.BLOUSE_TRAIN === undefined) writeFileSync(new URL('data/span-tagger.json.gz', root), gz);
console.log(
  `${figures.posts} annotated posts, ${figures.words} words, ${model.features.length} features, ${gz.length} bytes gzipped, ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
for (const [type, f] of Object.entries(figures.byType)) {
  console.log(
    `${type.padEnd(7)} keep ${f.keep} threshold ${f.threshold}  recognizers P ${f.recognizers.precision} R ${f.recognizers.recall} F1 ${f.recognizers.f1}  with tagger P ${f.withTagger.precision} R ${f.withTagger.recall} F1 ${f.withTagger.f1}`,
  );
}
for (const [group, byType] of Object.entries(figures.byGroup)) {
  const line = Object.entries(byType)
    .map(
      ([type, f]) =>
        `${type} F1 ${f.recognizers.f1} → ${f.withTagger.f1} (P ${f.withTagger.precision} R ${f.withTagger.recall})`,
    )
    .join('   ');
  console.log(`  ${group.padEnd(6)} ${line}`);
}
