export * from './health-calendar.js';
export * from './measure.js';
export * from './network-previews.js';
export * from './network-rules.js';
export * from './network-services.js';
