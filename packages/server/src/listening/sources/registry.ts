import type { z } from 'zod';
import type { SourceKind } from '../incoming-post.js';
import { blueskySettingsSchema, createBlueskySource } from './bluesky/index.js';
import { createFacebookSource, facebookSettingsSchema } from './facebook/index.js';
import { createInstagramSource, instagramSettingsSchema } from './instagram/index.js';
import { createLinkedinSource, linkedinSettingsSchema } from './linkedin/index.js';
import { createMastodonSource, mastodonSettingsSchema } from './mastodon/index.js';
import { createRssSource } from './rss/rss-source.js';
import { rssSettingsSchema } from './rss/settings.js';
import type { PollingSource, Source } from './source.js';
import { createYoutubeSource, youtubeSettingsSchema } from './youtube/index.js';

/**
 * What listening knows of one kind of source: the shape of its settings (checked when an
 * administrator adds or edits a source, and again before it runs) and how to build it.
 */
export interface SourceDefinition<Settings = unknown> {
  readonly settingsSchema: z.ZodType<Settings>;
  create(settings: Settings): Source | PollingSource;
  /** Settings that are secrets (an access token): never sent back to the browser. */
  readonly secretSettings?: readonly string[];
}

export type SourceRegistry = Readonly<Partial<Record<SourceKind, SourceDefinition<never>>>>;

/** A definition with its settings' type checked against its schema, stored in the registry. */
export function defineSource<Settings>(definition: SourceDefinition<Settings>): SourceDefinition<never> {
  return definition as unknown as SourceDefinition<never>;
}

/**
 * The sources this build can run, one line per kind: each source's folder exports its
 * `create<X>Source` and `<x>SettingsSchema`, e.g.
 *   rss: defineSource({ settingsSchema: rssSettingsSchema, create: createRssSource }),
 * A kind absent here cannot be added (the API answers that it is not available).
 */
export const SOURCE_REGISTRY: SourceRegistry = {
  rss: defineSource({ settingsSchema: rssSettingsSchema, create: (settings) => createRssSource(settings) }),
  bluesky: defineSource({
    settingsSchema: blueskySettingsSchema,
    create: (settings) => createBlueskySource(settings),
  }),
  mastodon: defineSource({
    settingsSchema: mastodonSettingsSchema,
    create: (settings) => createMastodonSource(settings),
    secretSettings: ['accessToken'],
  }),
  facebook: defineSource({
    settingsSchema: facebookSettingsSchema,
    create: (settings) => createFacebookSource(settings),
    secretSettings: ['accessToken'],
  }),
  instagram: defineSource({
    settingsSchema: instagramSettingsSchema,
    create: (settings) => createInstagramSource(settings),
    secretSettings: ['accessToken'],
  }),
  youtube: defineSource({
    settingsSchema: youtubeSettingsSchema,
    create: (settings) => createYoutubeSource(settings),
    secretSettings: ['accessToken', 'apiKey'],
  }),
  linkedin: defineSource({
    settingsSchema: linkedinSettingsSchema,
    create: (settings) => createLinkedinSource(settings),
    secretSettings: ['accessToken'],
  }),
};

/** Whether a source polls (the runner spaces the calls) or streams (it runs until stopped). */
export function isPolling(source: Source | PollingSource): source is PollingSource {
  return typeof (source as Partial<PollingSource>).poll === 'function';
}

/** The value shown in place of a secret setting; sent back unchanged, it keeps the stored secret. */
export const SECRET_MASK = '••••••••';
