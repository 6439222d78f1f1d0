export * from './health-calendar.js';
export * from './measure.js';
export * from './network-rules.js';
