export { analyze } from './analyze.js';
export type { Lexicon } from './lexicon/lexicon.js';
export { loadLexicon } from './lexicon/load.js';
export { PLACEHOLDERS, redact } from './redact.js';
export * from './types.js';
