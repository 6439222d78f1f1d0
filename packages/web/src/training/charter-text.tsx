import { Anchor, Blockquote, Code, Divider, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { type Block, type Inline, parseMarkdown } from './markdown';

/**
 * A charter's Markdown as React elements (markdown.ts): every string goes through React, which
 * escapes it, so the text cannot carry markup. Its headings start at level 2: the page has the h1.
 */
export function CharterText({ markdown, label }: { markdown: string; label: string }) {
  return (
    <Stack component="article" aria-label={label} gap="sm" style={{ overflowWrap: 'anywhere' }}>
      {parseMarkdown(markdown).map((block, index) => renderBlock(block, index))}
    </Stack>
  );
}

function renderBlock(block: Block, key: number): ReactNode {
  switch (block.kind) {
    case 'heading': {
      const order = Math.min(block.level + 1, 6) as 2 | 3 | 4 | 5 | 6;
      return (
        <Title key={key} order={order} size={order === 2 ? 'h3' : 'h4'}>
          {renderInline(block.content)}
        </Title>
      );
    }
    case 'paragraph':
      return <Text key={key}>{renderInline(block.content)}</Text>;
    case 'list':
      return (
        <List key={key} type={block.ordered ? 'ordered' : 'unordered'} spacing={4} withPadding>
          {block.items.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the items of a static text, never reordered.
            <List.Item key={index}>{renderInline(item)}</List.Item>
          ))}
        </List>
      );
    case 'quote':
      return (
        <Blockquote key={key} color="blue" p="sm">
          <Stack gap="xs">{block.blocks.map((inner, index) => renderBlock(inner, index))}</Stack>
        </Blockquote>
      );
    case 'rule':
      return <Divider key={key} />;
  }
}

function renderInline(content: readonly Inline[]): ReactNode[] {
  return content.map((part, index) => renderPart(part, index));
}

/** One part of a line; `key` is its place in the line (a static text, never reordered). */
function renderPart(part: Inline, key: number): ReactNode {
  switch (part.kind) {
    case 'text':
      return part.text;
    case 'strong':
      return <strong key={key}>{renderInline(part.children)}</strong>;
    case 'em':
      return <em key={key}>{renderInline(part.children)}</em>;
    case 'code':
      return <Code key={key}>{part.text}</Code>;
    case 'link':
      return (
        <Anchor key={key} href={part.href} target="_blank" rel="noopener noreferrer">
          {renderInline(part.children)}
        </Anchor>
      );
  }
}
