/**
 * The shared vocabulary of Blouse: data both the server (titles, letters, messages) and the web
 * app (badges, lists, history) read, so that a status or a network has one name everywhere.
 * One dependency, twitter-text: X counts a post's length its own way, and the editor must show
 * the count the server will enforce. No runtime behaviour beyond looking words up and counting.
 */
export * from './events.js';
export * from './listening.js';
export * from './localized.js';
export * from './networks.js';
export * from './publishing/index.js';
export * from './severities.js';
export * from './statuses.js';
export * from './training.js';
