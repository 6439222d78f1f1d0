import { handleRecognizer } from './handle.js';
import { healthRecognizer } from './health.js';
import { personRecognizer } from './person.js';
import { placeRecognizer } from './place.js';
import type { Recognizer } from './recognizer.js';
import { unitRecognizer } from './unit.js';

/** Every recognizer the guard runs, in no particular order (resolution sorts things out). */
export const RECOGNIZERS: readonly Recognizer[] = [
  personRecognizer,
  handleRecognizer,
  unitRecognizer,
  placeRecognizer,
  healthRecognizer,
];
