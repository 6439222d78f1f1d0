import { describe, expect, it } from 'vitest';
import { CONTEXTS } from '../types.js';
import { SAMPLE_POSTS } from './sample-posts.js';

describe('SAMPLE_POSTS', () => {
  it('holds about forty distinct posts of every context', () => {
    expect(SAMPLE_POSTS.length).toBeGreaterThanOrEqual(38);
    expect(new Set(SAMPLE_POSTS.map((post) => post.text)).size).toBe(SAMPLE_POSTS.length);
    for (const context of CONTEXTS) expect(SAMPLE_POSTS.some((post) => post.context === context)).toBe(true);
  });

  it('looks like social-media French: emojis, hashtags, handles, accents and SMS style', () => {
    const all = SAMPLE_POSTS.map((post) => post.text).join('\n');
    expect(all).toMatch(/\p{Extended_Pictographic}/u);
    expect(all).toMatch(/#\p{L}/u);
    expect(all).toMatch(/@\w/);
    expect(all).toMatch(/[éèàç]/);
    expect(all).toMatch(/\bjsuis\b|\bslt\b|\bptdr\b/);
  });
});
