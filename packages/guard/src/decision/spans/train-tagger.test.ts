import { describe, expect, it } from 'vitest';
import { gold, goldRecord } from '../../eval/test-records.js';
import { inspect } from '../../inspect.js';
import { loadLexicon } from '../../lexicon/load.js';
import { IDENTITY_LEMMA } from '../features.js';
import { modelFromJson, weightOf } from '../model.js';
import { trainSpanTagger } from './train-tagger.js';

const lexicon = loadLexicon();

/** Posts where an invented condition word, « zorglubite », is always the health detail. */
function records() {
  const out = [];
  for (let i = 0; i < 40; i++) {
    const text = `Le monsieur du lit ${i + 1} a une zorglubite depuis hier soir, on en parle au staff`;
    const start = text.indexOf('zorglubite');
    out.push(
      goldRecord(`t${i % 2}-${i}`, {
        text,
        verdict: 'block',
        rules: ['SECRET-01'],
        spans: [gold('HEALTH', start, start + 'zorglubite'.length)],
      }),
    );
  }
  // Judged ok posts carry no span: their words must not teach the tagger anything.
  out.push(goldRecord('t0-ok', { text: 'Une zorglubite ? Jamais entendu parler.', verdict: 'ok' }));
  return out.map((record) => ({
    record,
    inspection: inspect(record.text, { context: record.context }, lexicon),
  }));
}

describe('trainSpanTagger', () => {
  it('learns a health word from annotated posts, with thresholds chosen out of fold', () => {
    const { model, figures } = trainSpanTagger(records(), IDENTITY_LEMMA, () => new Set(), { note: 'test' });
    expect(model.format).toBe('blouse-span-tagger/1');
    expect(figures.posts).toBe(40);
    const loaded = modelFromJson(model, 'blouse-span-tagger/1');
    const health = loaded.heads.get('span:HEALTH');
    expect(health).toBeDefined();
    const word = loaded.featureIndex.get('w:zorglubite');
    expect(word).toBeDefined();
    expect(weightOf(loaded, health as NonNullable<typeof health>, word as number)).toBeGreaterThan(0);
    expect(figures.byType.HEALTH.withTagger.recall).toBe(1);
    expect(Object.keys(figures.byGroup).sort()).toEqual(['t0', 't1']);
    expect(model.provenance).toMatchObject({ note: 'test' });
  });

  it('refuses a file of another format', () => {
    const { model } = trainSpanTagger(records().slice(0, 10), IDENTITY_LEMMA, () => new Set(), {});
    expect(() => modelFromJson(model)).toThrow(/format/);
  });
});
