export { type YoutubeSettings, type YoutubeSettingsInput, youtubeSettingsSchema } from './settings.js';
export { createYoutubeSource } from './youtube-source.js';
