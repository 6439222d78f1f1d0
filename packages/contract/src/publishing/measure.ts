import twitterText from 'twitter-text';
import type { LengthUnit, PublishingNetwork, TextLimit, VariantField } from './network-rules.js';
import { NETWORK_PUBLISHING_RULES } from './network-rules.js';

const graphemes = new Intl.Segmenter('fr', { granularity: 'grapheme' });
const utf8 = new TextEncoder();

/** The length of a text as a network counts it (see `LengthUnit`). */
export function lengthIn(unit: LengthUnit, text: string): number {
  switch (unit) {
    case 'codepoints': {
      let count = 0;
      for (const _ of text) count++;
      return count;
    }
    case 'graphemes': {
      let count = 0;
      for (const _ of graphemes.segment(text)) count++;
      return count;
    }
    case 'utf16':
      return text.length;
    case 'utf8-bytes':
      return utf8.encode(text).length;
    case 'x-weighted':
      return twitterText.parseTweet(text).weightedLength;
  }
}

export interface VariantContent {
  readonly text: string;
  readonly title?: string | null;
}

export interface LimitMeasure extends TextLimit {
  readonly length: number;
  readonly over: boolean;
}

/** Each of the network's limits, with the variant's length and whether it goes over. */
export function measureVariant(network: PublishingNetwork, content: VariantContent): LimitMeasure[] {
  return NETWORK_PUBLISHING_RULES[network].limits.map((limit) => {
    const value = fieldOf(content, limit.field);
    const length = lengthIn(limit.unit, value);
    return { ...limit, length, over: length > limit.max };
  });
}

function fieldOf(content: VariantContent, field: VariantField): string {
  return field === 'title' ? (content.title ?? '') : content.text;
}
