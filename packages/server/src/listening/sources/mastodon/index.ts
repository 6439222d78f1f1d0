export { createMastodonSource, type MastodonSourceOptions } from './mastodon-source.js';
export { type MastodonSettings, type MastodonSettingsInput, mastodonSettingsSchema } from './settings.js';
