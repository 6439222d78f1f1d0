import type { GuardDocument } from '../text/document.js';
import { allegationCues, hearsayCues } from './allegation-cues.js';
import { toneWeights } from './category-cues.js';
import {
  blamesStaff,
  comesWithPicture,
  mentionsColleague,
  mentionsConsent,
  saysTagged,
  soundsCritical,
  takenUnawares,
} from './colleague-cues.js';
import { speaksAsProfessional, speaksAsStaff } from './conduct-text.js';
import { unsourcedClaim } from './deonto-claims.js';
import { exposureCues, soundsGrateful } from './exposure-cues.js';
import { hostilityOf } from './hostility.js';
import { incitementCues } from './incitement-cues.js';
import { discriminationCues, insultCues, negativeClaimCues } from './insult-cues.js';
import {
  condescensionWeight,
  contemptCues,
  derisionWeight,
  laughsAtBlunder,
  soundsWarm,
} from './mockery-cues.js';
import {
  bodyMentions,
  institutions,
  patientReferences,
  singlePeople,
  staffGroups,
  staffMentions,
  studentMentions,
} from './people-cues.js';
import { threatCues } from './threat-cues.js';

/**
 * The signs the hand-written rules look for, each on its own, as names for the learned layer:
 * an insult, a patient spoken of, a colleague blamed, a threat, a claim without a source…
 * A rule fires only when its signs come together in the way it was written for; the model sees
 * every sign, so it can learn the combinations people really write (a mockery with no named
 * patient, a grievance against a colleague who is only described). Every function here is the
 * rules' own, memoised on the post, so the signs cost little more than the rules already paid.
 */
export function forEachCueFeature(doc: GuardDocument, add: (name: string) => void): void {
  const folded = doc.folded;
  const flag = (name: string, present: boolean): void => {
    if (present) add(`q:${name}`);
  };
  for (const label of new Set(threatCues(folded).map((hit) => hit.label))) add(`q:threat:${label}`);
  for (const label of new Set(incitementCues(folded).map((hit) => hit.label))) add(`q:incite:${label}`);
  for (const kind of new Set(exposureCues(folded).map((hit) => hit.kind))) add(`q:exposure:${kind}`);
  const insults = insultCues(folded);
  flag(
    'insult',
    insults.some((hit) => !hit.mild && !hit.plural),
  );
  flag(
    'insult:plural',
    insults.some((hit) => hit.plural),
  );
  flag(
    'insult:mild',
    insults.some((hit) => hit.mild),
  );
  flag('discrimination', discriminationCues(folded).length > 0);
  flag('negative-claim', negativeClaimCues(folded).length > 0);
  flag('contempt', contemptCues(folded).length > 0);
  flag('derision', derisionWeight(doc) > 0);
  flag('condescension', condescensionWeight(folded) > 0);
  flag('laughs-at-blunder', laughsAtBlunder(folded));
  flag('warm', soundsWarm(folded));
  flag('grateful', soundsGrateful(folded));
  flag('people:staff', staffMentions(folded).length > 0);
  flag('people:staff-group', staffGroups(folded).length > 0);
  flag('people:single', singlePeople(folded).length > 0);
  flag('people:patient', patientReferences(folded).length > 0);
  flag('people:student', studentMentions(folded).length > 0);
  flag('people:body', bodyMentions(folded).length > 0);
  flag('people:institution', institutions(folded).length > 0);
  flag('allegation', allegationCues(folded).length > 0);
  flag('hearsay', hearsayCues(folded).length > 0);
  const hostility = hostilityOf(folded);
  flag('grievance', hostility.grievance);
  flag('innuendo', hostility.innuendo);
  flag('colleague', mentionsColleague(folded));
  flag('critical', soundsCritical(folded));
  flag('blames-staff', blamesStaff(folded));
  flag('picture', comesWithPicture(folded));
  flag('unawares', takenUnawares(folded));
  flag('tagged', saysTagged(folded));
  flag('consent', mentionsConsent(folded));
  flag('as-staff', speaksAsStaff(folded));
  flag('as-professional', speaksAsProfessional(folded));
  flag('unsourced-claim', unsourcedClaim(folded) !== null);
  const tone = toneWeights(folded);
  for (const [kind, weight] of Object.entries(tone))
    flag(`tone:${kind}`, typeof weight === 'number' && weight > 0);
}
