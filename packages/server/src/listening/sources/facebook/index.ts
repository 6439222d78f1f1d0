export { createFacebookSource } from './facebook-source.js';
export { type FacebookSettings, type FacebookSettingsInput, facebookSettingsSchema } from './settings.js';
