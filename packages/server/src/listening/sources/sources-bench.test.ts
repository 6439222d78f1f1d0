import { describe, expect, it } from 'vitest';
import { parseMentionImport } from './import/parse-mention-import.js';
import { frenchExport, measureSources } from './sources-bench.js';

describe('sources benchmark', () => {
  it('imports every generated row and polls every generated item (small sizes here)', async () => {
    const figures = await measureSources(200, 20, 2);
    expect(figures.import).toMatchObject({ rows: 200 });
    expect(figures.import.rowsPerSecond).toBeGreaterThan(0);
    expect(figures.feed).toMatchObject({ items: 20 });
    expect(figures.feed.msPerPoll).toBeGreaterThan(0);
  });

  it('generates an export that reads back without rejection', () => {
    const result = parseMentionImport(frenchExport(30), 'csv', {
      now: () => new Date('2026-12-05T12:00:00Z'),
    });
    expect(result.rejected).toEqual([]);
    expect(result.posts[29]).toMatchObject({
      authorHandle: '@compte_29',
      reach: 29,
      publishedAt: '2026-11-02T13:29:00.000Z',
    });
  });
});
