export { analyze } from './analyze.js';
export * from './bench/index.js';
/** The deterministic generator the training uses; the image guard's evaluation set is built with it too. */
export { mulberry32 } from './decision/train/ftrl.js';
export * from './eval/index.js';
export type { Lexicon } from './lexicon/lexicon.js';
export { loadLexicon } from './lexicon/load.js';
export { PLACEHOLDERS, redact } from './redact.js';
export { saferVersion } from './rewrite/safer-version.js';
export { type ComposedText, composeForAnalysis } from './text/compose.js';
export { fold } from './text/fold.js';
export * from './types.js';
