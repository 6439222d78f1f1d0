export { analyze } from './analyze.js';
export * from './bench/index.js';
export * from './eval/index.js';
export type { Lexicon } from './lexicon/lexicon.js';
export { loadLexicon } from './lexicon/load.js';
export { PLACEHOLDERS, redact } from './redact.js';
export { saferVersion } from './rewrite/safer-version.js';
export * from './types.js';
