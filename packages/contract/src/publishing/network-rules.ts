import type { Localized } from '../localized.js';
import type { Network } from '../networks.js';

/** The networks an establishment publishes on from the desk (a subset of the networks we know). */
export const PUBLISHING_NETWORKS = [
  'facebook',
  'instagram',
  'linkedin',
  'x',
  'youtube',
  'tiktok',
  'bluesky',
  'mastodon',
] as const satisfies readonly Network[];
export type PublishingNetwork = (typeof PUBLISHING_NETWORKS)[number];

export const isPublishingNetwork = (value: string): value is PublishingNetwork =>
  (PUBLISHING_NETWORKS as readonly string[]).includes(value);

/**
 * How a network counts a text: Unicode code points (what people call characters), user-perceived
 * characters (graphemes: « 👩‍⚕️ » is one), UTF-16 code units, UTF-8 bytes, or X's weighted count
 * (most Latin text 1, CJK and emoji 2, any link 23), computed by twitter-text as X does.
 */
export type LengthUnit = 'codepoints' | 'graphemes' | 'utf16' | 'utf8-bytes' | 'x-weighted';

export const LENGTH_UNIT_LABELS: Readonly<Record<LengthUnit, Localized>> = {
  codepoints: { fr: 'caractères', en: 'characters' },
  graphemes: { fr: 'caractères (emoji compris)', en: 'characters (emoji included)' },
  utf16: { fr: 'caractères (UTF-16)', en: 'characters (UTF-16)' },
  'utf8-bytes': { fr: 'octets', en: 'bytes' },
  'x-weighted': { fr: 'caractères pondérés', en: 'weighted characters' },
};

/** The field of a variant a limit applies to: its text (caption, description) or its title. */
export type VariantField = 'text' | 'title';

export interface TextLimit {
  readonly field: VariantField;
  readonly unit: LengthUnit;
  readonly max: number;
}

/** What a post must carry: nothing, an image or a video, or a video. */
export type MediaRequirement = 'none' | 'image-or-video' | 'video';

export interface NetworkPublishingRules {
  readonly network: PublishingNetwork;
  /** Every limit must hold: Bluesky counts both graphemes and bytes. */
  readonly limits: readonly TextLimit[];
  /** A title is asked for (YouTube): the variant has no title elsewhere. */
  readonly hasTitle: boolean;
  readonly media: {
    readonly required: MediaRequirement;
    readonly maxImages: number;
    readonly maxVideos: number;
    /**
     * The largest image the network takes, in bytes; null where our reference
     * (shared/reference/social-networks.md §5) gives no figure: the server's upload limit applies.
     */
    readonly maxImageBytes: number | null;
  };
  /** Where the figures come from, for whoever checks them when a network changes them. */
  readonly source: string;
  /** What an editor should know beyond the figures. */
  readonly note: Localized;
}

/**
 * Per-network publishing rules, as data read by the server (validation before submission and
 * publication) and the web app (counters and previews), never as branches in generic code.
 * Figures from the networks' API references as summarised in shared/reference/social-networks.md
 * §5 (read 2026-12); they change, so each names its source.
 */
export const NETWORK_PUBLISHING_RULES: Readonly<Record<PublishingNetwork, NetworkPublishingRules>> = {
  facebook: {
    network: 'facebook',
    limits: [{ field: 'text', unit: 'codepoints', max: 63_206 }],
    hasTitle: false,
    media: { required: 'none', maxImages: 10, maxVideos: 1, maxImageBytes: null },
    source:
      'Graph API, Page feed: message up to 63,206 characters; the 10 photos are our own cap (multi-photo posts), not a documented limit',
    note: {
      fr: 'Les premières lignes seules s’affichent avant « Voir plus ».',
      en: 'Only the first lines show before “See more”.',
    },
  },
  instagram: {
    network: 'instagram',
    limits: [{ field: 'text', unit: 'codepoints', max: 2_200 }],
    hasTitle: false,
    media: { required: 'image-or-video', maxImages: 10, maxVideos: 1, maxImageBytes: null },
    source: 'Instagram Graph API: caption 2,200 characters, carousel up to 10 items, media required',
    note: {
      fr: 'Une image ou une vidéo est obligatoire ; les liens ne sont pas cliquables.',
      en: 'An image or a video is required; links are not clickable.',
    },
  },
  linkedin: {
    network: 'linkedin',
    limits: [{ field: 'text', unit: 'codepoints', max: 3_000 }],
    hasTitle: false,
    media: { required: 'none', maxImages: 9, maxVideos: 1, maxImageBytes: null },
    source:
      'LinkedIn Posts API: commentary 3,000 characters; the 9 images are our own cap, not a documented limit',
    note: {
      fr: 'Ton professionnel : la page de l’établissement parle au nom de la direction.',
      en: 'Professional tone: the establishment’s page speaks for its management.',
    },
  },
  x: {
    network: 'x',
    limits: [{ field: 'text', unit: 'x-weighted', max: 280 }],
    hasTitle: false,
    media: { required: 'none', maxImages: 4, maxVideos: 1, maxImageBytes: null },
    source: 'X API v2: 280 weighted characters (a link counts 23), up to 4 images or 1 video',
    note: {
      fr: 'Un lien compte pour 23 caractères, un emoji pour 2.',
      en: 'A link counts as 23 characters, an emoji as 2.',
    },
  },
  youtube: {
    network: 'youtube',
    limits: [
      { field: 'title', unit: 'codepoints', max: 100 },
      { field: 'text', unit: 'utf8-bytes', max: 5_000 },
    ],
    hasTitle: true,
    media: { required: 'video', maxImages: 0, maxVideos: 1, maxImageBytes: null },
    source: 'YouTube Data API v3, videos.insert: title 100 characters, description 5,000 bytes',
    note: {
      fr: 'Une vidéo est obligatoire ; le titre est limité à 100 caractères.',
      en: 'A video is required; the title is limited to 100 characters.',
    },
  },
  tiktok: {
    network: 'tiktok',
    limits: [{ field: 'text', unit: 'utf16', max: 2_200 }],
    hasTitle: false,
    media: { required: 'video', maxImages: 0, maxVideos: 1, maxImageBytes: null },
    source: 'TikTok Content Posting API: post_info.title up to 2,200 UTF-16 runes',
    note: { fr: 'Une vidéo est obligatoire.', en: 'A video is required.' },
  },
  bluesky: {
    network: 'bluesky',
    limits: [
      { field: 'text', unit: 'graphemes', max: 300 },
      { field: 'text', unit: 'utf8-bytes', max: 3_000 },
    ],
    hasTitle: false,
    media: { required: 'none', maxImages: 4, maxVideos: 1, maxImageBytes: 1_000_000 },
    source:
      'AT Protocol app.bsky.feed.post: text ≤ 300 graphemes and 3,000 bytes, up to 4 images of 1,000,000 bytes',
    note: {
      fr: 'Un emoji composé compte pour un seul caractère.',
      en: 'A composed emoji counts as one character.',
    },
  },
  mastodon: {
    network: 'mastodon',
    limits: [{ field: 'text', unit: 'codepoints', max: 500 }],
    hasTitle: false,
    media: { required: 'none', maxImages: 4, maxVideos: 1, maxImageBytes: null },
    source: 'Mastodon POST /api/v1/statuses: 500 characters and 4 attachments by default (per instance)',
    note: { fr: 'Chaque instance peut fixer une autre limite.', en: 'Each instance may set another limit.' },
  },
};
