import { crisisEvaluator } from './crisis.js';
import { defamationEvaluator } from './defamation.js';
import { deontoEvaluator } from './deonto.js';
import { discretionEvaluator } from './discretion.js';
import { doxxingEvaluator } from './doxxing.js';
import type { RuleEvaluator } from './evaluator.js';
import { geolocationEvaluator } from './geolocation.js';
import { harassmentEvaluator } from './harassment.js';
import { imageEvaluator } from './image.js';
import { moderationEvaluator } from './moderation.js';
import { reserveEvaluator } from './reserve.js';
import { respectEvaluator } from './respect.js';
import { roleEvaluator } from './role.js';
import { secretEvaluator } from './secret.js';
import { workOrganisationEvaluator } from './work-organisation.js';

/** One evaluator per rule family. */
export const EVALUATORS: readonly RuleEvaluator[] = [
  secretEvaluator,
  imageEvaluator,
  moderationEvaluator,
  roleEvaluator,
  reserveEvaluator,
  discretionEvaluator,
  deontoEvaluator,
  crisisEvaluator,
  workOrganisationEvaluator,
  respectEvaluator,
  defamationEvaluator,
  harassmentEvaluator,
  doxxingEvaluator,
  geolocationEvaluator,
];
