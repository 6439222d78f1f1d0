export * from './measure.js';
export * from './network-rules.js';
