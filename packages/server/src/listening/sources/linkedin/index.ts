export { createLinkedinSource } from './linkedin-source.js';
export { type LinkedinSettings, type LinkedinSettingsInput, linkedinSettingsSchema } from './settings.js';
