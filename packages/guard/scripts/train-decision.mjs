#!/usr/bin/env node
// Trains the guard's learned decision layer from the committed data listed in
// train-data/manifest.json and writes data/decision-model.json.gz (see train-data/README.md).
// Deterministic: the same data and code give the same file, byte for byte.
// Usage: node packages/guard/scripts/train-decision.mjs   (after `npx tsc -b`)
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { lemmatizerOf } from '../dist/decision/lemma.js';
import { preparePost } from '../dist/decision/train/examples.js';
import { DEFAULT_TRAINING, figures, trainDecisionModel } from '../dist/decision/train/train-model.js';
import { loadLexicon } from '../dist/lexicon/load.js';
import { loadTrainingPosts } from './training-data.mjs';

const root = new URL('../', import.meta.url);
const lexicon = loadLexicon();
const lemma = lemmatizerOf(lexicon);
const loaded = loadTrainingPosts(lexicon);
const files = loaded.files;
const posts = loaded.posts.map(({ record, inspection }) => preparePost(record, inspection, lemma));
// Experiments only: BLOUSE_TRAIN='{"ftrl":{"l1":0.1}}' overrides options (the shipped file uses the defaults).
const override = JSON.parse(process.env.BLOUSE_TRAIN ?? '{}');
const options = {
  ...DEFAULT_TRAINING,
  ...override,
  ftrl: { ...DEFAULT_TRAINING.ftrl, ...(override.ftrl ?? {}) },
};
const dryRun = process.env.BLOUSE_TRAIN !== undefined;
const started = Date.now();
const { model, crossValidation, outOfFold } = trainDecisionModel(
  posts,
  lemma,
  {
    algorithm: 'logistic regression per head, FTRL-Proximal (McMahan et al. 2013), L1+L2',
    features: 'context, span types, rules fired (with context), lemmas and lemma bigrams, character 4-grams',
    thresholds: `calibrated on ${options.folds}-fold out-of-fold probabilities (F-beta ${options.beta}, false-alarm ceilings ${options.maxFalseAlarmRate} judged ok, ${options.maxOrdinaryAlertRate} ordinary text)`,
    options,
    data: files,
  },
  options,
);
const json = JSON.stringify(model);
const gz = gzipSync(Buffer.from(json), { level: 9 });
if (!dryRun) writeFileSync(new URL('data/decision-model.json.gz', root), gz);
console.log(
  `${posts.length} posts, ${model.features.length} features kept, ${Object.keys(model.heads).length} heads, ${gz.length} bytes gzipped, ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
const show = (label, f) => {
  console.log(
    `${label}: block recall ${f.blockRecall}, flag recall ${f.flagRecall}, ok false alarms ${f.okFalseAlarmRate}, ordinary alerts ${f.ordinaryAlertRate}, category ${f.categoryAccuracy}`,
  );
};
show('cross-validated, rules only ', crossValidation.rulesOnly);
show('cross-validated, with model ', crossValidation.withModel);
for (const family of Object.keys(crossValidation.withModel.families)) {
  const a = crossValidation.rulesOnly.families[family];
  const b = crossValidation.withModel.families[family];
  console.log(
    `  ${family.padEnd(8)} support ${String(b.support).padStart(4)}  rules P ${a.precision} R ${a.recall} F1 ${a.f1}   with model P ${b.precision} R ${b.recall} F1 ${b.f1}`,
  );
}

const vetoes = Object.entries(model.heads)
  .filter(([, head]) => head.veto !== undefined)
  .map(([name, head]) => `${name.slice('family:'.length)} < ${head.veto}`);
console.log(`rules' soft findings set aside when the family scores: ${vetoes.join(', ') || 'never'}`);

// Per file: the authored sets were written apart from the rules, so their rules-only figures say
// how the hand-written layer generalises, and the model's out-of-fold figures what it adds.
let offset = 0;
for (const file of files) {
  const range = [...Array(file.posts).keys()].map((k) => offset + k);
  const subset = range.map((i) => posts[i]);
  if (file.kind === 'labelled') {
    const a = figures(
      subset,
      range.map((i) => outOfFold[i].rulesOnly),
      range.map(() => null),
    );
    const b = figures(
      subset,
      range.map((i) => outOfFold[i].withModel),
      range.map((i) => outOfFold[i].decision),
    );
    console.log(
      `${file.path}: rules block ${a.blockRecall} flag ${a.flagRecall} okFA ${a.okFalseAlarmRate} | model block ${b.blockRecall} flag ${b.flagRecall} okFA ${b.okFalseAlarmRate} category ${b.categoryAccuracy}`,
    );
  } else {
    const b = figures(
      subset,
      range.map((i) => outOfFold[i].withModel),
      range.map(() => null),
    );
    console.log(`${file.path}: ordinary alert rate with model ${b.ordinaryAlertRate}`);
  }
  offset += file.posts;
}
