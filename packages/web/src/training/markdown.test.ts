import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown';

describe('the charter’s Markdown', () => {
  it('reads headings, paragraphs, lists, quotes and rules', () => {
    const blocks = parseMarkdown(
      '# Charte\n\n> Sur les réseaux aussi,\n> je porte une blouse.\n\n## 1. Le secret\n\nUne phrase\nsur deux lignes.\n\n- un\n- deux\n  suite\n\n1. premier\n2. second\n\n---\n',
    );
    expect(blocks.map((block) => block.kind)).toEqual([
      'heading',
      'quote',
      'heading',
      'paragraph',
      'list',
      'list',
      'rule',
    ]);
    expect(blocks[1]).toEqual({
      kind: 'quote',
      blocks: [
        {
          kind: 'paragraph',
          content: [{ kind: 'text', text: 'Sur les réseaux aussi, je porte une blouse.' }],
        },
      ],
    });
    expect(blocks[3]).toEqual({
      kind: 'paragraph',
      content: [{ kind: 'text', text: 'Une phrase sur deux lignes.' }],
    });
    expect(blocks[4]).toEqual({
      kind: 'list',
      ordered: false,
      items: [[{ kind: 'text', text: 'un' }], [{ kind: 'text', text: 'deux suite' }]],
    });
    expect(blocks[5]).toMatchObject({ kind: 'list', ordered: true });
  });

  it('reads bold, italics, code and safe links', () => {
    expect(parseInline('**Ne** *jamais* `SECRET-01` [aide](https://chu.fr/aide) _ici_')).toEqual([
      { kind: 'strong', children: [{ kind: 'text', text: 'Ne' }] },
      { kind: 'text', text: ' ' },
      { kind: 'em', children: [{ kind: 'text', text: 'jamais' }] },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'SECRET-01' },
      { kind: 'text', text: ' ' },
      { kind: 'link', href: 'https://chu.fr/aide', children: [{ kind: 'text', text: 'aide' }] },
      { kind: 'text', text: ' ' },
      { kind: 'em', children: [{ kind: 'text', text: 'ici' }] },
    ]);
    // An underscore inside a word is not emphasis.
    expect(parseInline('mot_de_passe')).toEqual([{ kind: 'text', text: 'mot_de_passe' }]);
  });

  it('keeps HTML and unsafe links as text', () => {
    expect(parseMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)>')).toEqual([
      {
        kind: 'paragraph',
        content: [{ kind: 'text', text: '<script>alert(1)</script> <img src=x onerror=alert(1)>' }],
      },
    ]);
    for (const href of ['javascript:alert(1)', 'data:text/html,x', '/admin', 'JaVaScRiPt:x']) {
      const inline = parseInline(`[clic](${href})`);
      expect(inline).toEqual([{ kind: 'text', text: `[clic](${href})` }]);
    }
  });

  it('cuts a heading’s closing hashes, not those glued to a word', () => {
    const text = (source: string) => (parseMarkdown(source)[0] as { content: unknown }).content;
    expect(text('## Le secret ##')).toEqual([{ kind: 'text', text: 'Le secret' }]);
    expect(text('## C#')).toEqual([{ kind: 'text', text: 'C#' }]);
    expect(text('# ###')).toEqual([]);
  });

  it('nests quotes three deep, and keeps deeper « > » as text', () => {
    const [outer] = parseMarkdown('>>>> fin');
    const third = (outer as { blocks: { blocks: { blocks: unknown[] }[] }[] }).blocks[0]?.blocks[0]?.blocks;
    expect(third).toEqual([{ kind: 'paragraph', content: [{ kind: 'text', text: '> fin' }] }]);
  });

  // A charter is up to 50,000 characters, published by one person and read by everyone: no line
  // of it may hold a reader's page. Each shape below took cubic or worse time in some parser.
  it.each([
    ['a heading ending in spaces', `# a${' '.repeat(49_000)}x`],
    ['nested quotes', `${'>'.repeat(49_000)} x`],
    ['open emphasis', '*a'.repeat(24_000)],
    ['open strong', '**a'.repeat(16_000)],
    ['open links', '[a]('.repeat(12_000)],
    ['open brackets', '['.repeat(49_000)],
    ['brackets and stars', '[*'.repeat(24_000)],
    ['open code', '`a'.repeat(24_000)],
    ['a rule that is not one', `${'- '.repeat(24_000)}x`],
  ])('reads %s of 49,000 characters at once', (_name, source) => {
    const started = performance.now();
    parseMarkdown(source);
    // Not a timing assertion of speed, a guard against a hang: linear parsing takes milliseconds.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
