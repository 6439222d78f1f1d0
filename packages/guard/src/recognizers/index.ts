import { addressRecognizer } from './address.js';
import { ageRecognizer } from './age.js';
import { dateRecognizer } from './date.js';
import { emailRecognizer } from './email.js';
import { handleRecognizer } from './handle.js';
import { healthRecognizer } from './health.js';
import { hospitalIdRecognizer } from './hospital-id.js';
import { nirRecognizer } from './nir.js';
import { personRecognizer } from './person.js';
import { phoneRecognizer } from './phone.js';
import { placeRecognizer } from './place.js';
import { plateRecognizer } from './plate.js';
import type { Recognizer } from './recognizer.js';
import { roomRecognizer } from './room.js';
import { unitRecognizer } from './unit.js';

/** Every recognizer the guard runs, in no particular order (resolution sorts things out). */
export const RECOGNIZERS: readonly Recognizer[] = [
  personRecognizer,
  handleRecognizer,
  unitRecognizer,
  placeRecognizer,
  healthRecognizer,
  nirRecognizer,
  phoneRecognizer,
  emailRecognizer,
  hospitalIdRecognizer,
  plateRecognizer,
  addressRecognizer,
  ageRecognizer,
  dateRecognizer,
  roomRecognizer,
];
