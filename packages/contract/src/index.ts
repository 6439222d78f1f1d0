/**
 * The shared vocabulary of Blouse: data both the server (titles, letters, messages) and the web
 * app (badges, lists, history) read, so that a status or a network has one name everywhere.
 * No dependencies, no runtime behaviour beyond looking words up.
 */
export * from './events.js';
export * from './listening.js';
export * from './localized.js';
export * from './networks.js';
export * from './severities.js';
export * from './statuses.js';
