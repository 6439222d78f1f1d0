export { createInstagramSource } from './instagram-source.js';
export { type InstagramSettings, type InstagramSettingsInput, instagramSettingsSchema } from './settings.js';
