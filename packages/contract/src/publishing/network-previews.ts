import type { PublishingNetwork } from './network-rules.js';

/** How a network shows a post in its feed, for the desk's previews. */
export interface NetworkPreview {
  /**
   * About how many characters show before « Voir plus » (null: the whole post shows). The
   * networks do not document it and it depends on the screen: these are the values commonly
   * observed in their feeds (2025–2026), to show the author what a reader sees first.
   */
  readonly fold: number | null;
  /** The photo comes before the text (Instagram, YouTube's video, TikTok). */
  readonly mediaFirst: boolean;
  /** Links in the text can be followed (not on Instagram, where only the bio's link can). */
  readonly linksClickable: boolean;
  /** The frame photos are shown in. */
  readonly mediaShape: 'square' | 'wide' | 'tall' | 'free';
}

export const NETWORK_PREVIEWS: Readonly<Record<PublishingNetwork, NetworkPreview>> = {
  facebook: { fold: 480, mediaFirst: false, linksClickable: true, mediaShape: 'free' },
  instagram: { fold: 125, mediaFirst: true, linksClickable: false, mediaShape: 'square' },
  linkedin: { fold: 210, mediaFirst: false, linksClickable: true, mediaShape: 'free' },
  x: { fold: null, mediaFirst: false, linksClickable: true, mediaShape: 'wide' },
  youtube: { fold: 150, mediaFirst: true, linksClickable: true, mediaShape: 'wide' },
  tiktok: { fold: 100, mediaFirst: true, linksClickable: false, mediaShape: 'tall' },
  bluesky: { fold: null, mediaFirst: false, linksClickable: true, mediaShape: 'wide' },
  mastodon: { fold: null, mediaFirst: false, linksClickable: true, mediaShape: 'wide' },
};

/**
 * The part of a post shown before « Voir plus »: cut at the last space before the fold (inside a
 * word only when the fold holds no space at all; never inside an emoji), and whether anything
 * was left out. Counted in code points,
 * as readers see characters.
 */
export function foldText(
  text: string,
  fold: number | null,
): { readonly shown: string; readonly folded: boolean } {
  const characters = [...text];
  if (fold === null || characters.length <= fold) return { shown: text, folded: false };
  const head = characters.slice(0, fold).join('');
  const space = head.search(/\s\S*$/u);
  return { shown: (space > 0 ? head.slice(0, space) : head).trimEnd(), folded: true };
}

export type PostSegment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string }
  | { readonly kind: 'hashtag'; readonly text: string }
  | { readonly kind: 'mention'; readonly text: string };

// A hashtag holds a letter (« #3 » is a number); a mention ends on a letter, digit or underscore.
const MARKED = /https?:\/\/[^\s]+|#(?=[\p{N}_]*\p{L})[\p{L}\p{N}_]+|@[\p{L}\p{N}_.-]*[\p{L}\p{N}_]/gu;

/** A post as the networks colour it: plain text, links, #hashtags and @mentions, in order. */
export function postSegments(text: string): PostSegment[] {
  const segments: PostSegment[] = [];
  let at = 0;
  for (const match of text.matchAll(MARKED)) {
    const start = match.index;
    // A « # » or « @ » glued to what comes before (an e-mail address, « n°#A ») is not a tag.
    if (match[0][0] !== 'h' && start > 0 && !/[\s(["'«]/u.test(text.charAt(start - 1))) continue;
    if (start > at) segments.push({ kind: 'text', text: text.slice(at, start) });
    const first = match[0][0];
    const kind = first === '#' ? 'hashtag' : first === '@' ? 'mention' : 'link';
    // A link's trailing punctuation belongs to the sentence.
    const value = kind === 'link' ? match[0].replace(/[.,;:!?)»]+$/u, '') : match[0];
    segments.push({ kind, text: value });
    at = start + value.length;
  }
  if (at < text.length) segments.push({ kind: 'text', text: text.slice(at) });
  return segments;
}
