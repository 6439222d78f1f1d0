import { describe, expect, it } from 'vitest';
import { detectMediaType, looksLikeHtml } from './media-type.js';

const HTML = 'text/html; charset=utf-8';
const TEXT = 'text/plain; charset=utf-8';
const detect = (text: string) => detectMediaType(Buffer.from(text, 'utf8'));

describe('HTML sniffing', () => {
  it('recognises a saved page after a BOM, blanks and leading comments', () => {
    expect(detect('\uFEFF  <!DOCTYPE html><html></html>')).toBe(HTML);
    expect(detect('<!-- saved from url=(0042) -->\n<!-- x --><html lang="fr">')).toBe(HTML);
    expect(detect('<HEAD>\n<title>t</title>')).toBe(HTML);
    expect(detect('<body>')).toBe(HTML);
    expect(detect('<!-- a --> texte <html>')).toBe(TEXT);
    expect(detect('<!--> <html>')).toBe(TEXT);
    expect(detect('<htmlx>')).toBe(TEXT);
    expect(detect('Bonjour <html>')).toBe(TEXT);
  });

  // The former pattern, /^\uFEFF?\s*(<!--[\s\S]*?-->\s*)*<(…)/, backtracked exponentially here:
  // 24 comments took a quarter of a second, 146 never ended. This test would time out with it.
  it('stays linear on any number of empty comments, with or without a tag after them', () => {
    const comments = '<!---->'.repeat(100_000);
    expect(looksLikeHtml(comments)).toBe(false);
    expect(looksLikeHtml(`${comments}<html>`)).toBe(true);
    expect(looksLikeHtml(`${comments}x<html>`)).toBe(false);
    expect(looksLikeHtml('<!---->\n '.repeat(100_000))).toBe(false);
    expect(looksLikeHtml('<!--'.repeat(100_000))).toBe(false);
    expect(detect('<!---->'.repeat(5_000))).toBe(TEXT);
    expect(detect('<!---->'.repeat(45))).toBe(TEXT);
  });
});
