export { SpikeDetector } from './detector.js';
export { explain, formatFr } from './explain.js';
export { TIME_ZONES, type TimeZone } from './local-clock.js';
export { BuzzOptionsError, type DetectorOptions, resolveOptions } from './options.js';
export { WINDOWS } from './recent-windows.js';
export { type DetectorSnapshot, readSnapshot, SNAPSHOT_VERSION } from './snapshot.js';
export { surprise } from './tail-probability.js';
export { type BuzzExplanation, BuzzInputError, type BuzzLevel, type BuzzPoint } from './types.js';
