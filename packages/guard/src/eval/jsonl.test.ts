import { describe, expect, it } from 'vitest';
import { parseEvalSet } from './jsonl.js';

function line(id: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id,
    context: 'public',
    text: 'bonjour 👋',
    spans: [],
    rules: [],
    verdict: 'ok',
    category: 'INFO',
    ...extra,
  });
}

describe('parseEvalSet', () => {
  it('reads every good line and numbers the bad ones as an editor does', () => {
    const content = [
      `\uFEFF${line('a')}`,
      '',
      '{"id": "b", "text": ',
      line('c', { verdict: 'maybe' }),
      '   ',
      line('a'),
      `${line('d')}\r`,
      '',
    ].join('\n');
    const parsed = parseEvalSet(content);
    expect(parsed.records.map((record) => record.id)).toEqual(['a', 'd']);
    expect(parsed.invalid.map((bad) => bad.line)).toEqual([3, 4, 6]);
    expect(parsed.invalid[0]?.problem).toMatch(/^JSON invalide/);
    expect(parsed.invalid[1]?.problem).toContain('« verdict »');
    expect(parsed.invalid[2]?.problem).toBe('identifiant « a » déjà vu ligne 1');
  });

  it('handles Windows line ends and an empty file', () => {
    expect(parseEvalSet(`${line('a')}\r\n${line('b')}\r\n`).records).toHaveLength(2);
    expect(parseEvalSet('')).toEqual({ records: [], invalid: [] });
  });

  it('reports binary garbage without throwing', () => {
    const parsed = parseEvalSet('\u0000\u0001\uFFFD\uD800garbage\n[1,2]\nnull');
    expect(parsed.records).toEqual([]);
    expect(parsed.invalid).toHaveLength(3);
  });
});
