/** The Bluesky listening source: what the runner and the administration need. */
export { type BlueskySourceOptions, createBlueskySource } from './bluesky-source.js';
export { BlueskySourceError, type BlueskySourceErrorCode } from './errors.js';
export { type BlueskySettings, type BlueskySettingsInput, blueskySettingsSchema } from './settings.js';
