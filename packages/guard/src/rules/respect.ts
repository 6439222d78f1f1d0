import type { GuardDocument } from '../text/document.js';
import type { Finding, SpanType } from '../types.js';
import {
  comesWithPicture,
  mentionsColleague,
  mentionsConsent,
  personHandles,
  saysTagged,
  soundsCritical,
} from './colleague-cues.js';
import type { RuleEvaluator, RuleInput } from './evaluator.js';
import { makeFinding } from './finding.js';
import { discriminationCues, insultCues, negativeClaimCues } from './insult-cues.js';
import {
  contemptCues,
  coverageLabels,
  derisionWeight,
  patientReferences,
  soundsWarm,
} from './mockery-cues.js';
import { sentenceOf, spansOfType } from './people-cues.js';

/**
 * RESPECT-01 (insults, mockery, discrimination), RESPECT-02 (a colleague named or tagged in a
 * critical post) and IMAGE-03 (colleagues tagged on a photo without being asked).
 *
 * In a carer's post, any insult or mockery aimed at colleagues, students, patients or families
 * breaks RESPECT-01. In a post by the public, a complaint may call a service "une bande
 * d'incapables" without breaking it; an insult aimed at one person, a slur or a discriminatory
 * generalisation does.
 */

/** What shows who is insulted or mocked, when it is one person rather than a group. */
const TARGET: readonly SpanType[] = ['PERSON', 'HANDLE', 'ROOM', 'UNIT', 'PLACE'];

export const respectEvaluator: RuleEvaluator = {
  family: 'RESPECT',
  evaluate(input: RuleInput): Finding[] {
    const findings: Finding[] = [];
    const disrespect = respectBreach(input);
    if (disrespect !== null) findings.push(disrespect);
    if (input.ctx.context === 'staff') findings.push(...colleagueExposure(input));
    return findings;
  },
};

function respectBreach({ doc, spans, ctx }: RuleInput): Finding | null {
  const folded = doc.folded;
  const isPublic = ctx.context === 'public';

  // A public complaint may judge a service harshly ("bande d'incapables"); not one person.
  // Judgements such as "incompétent" or "charlatan" in a post by the public are criticism (or,
  // with a fact, DEFAM-01); crude insults and slurs are not.
  const insults = insultCues(folded).filter((hit) => !isPublic || !hit.mild);
  const discriminatory = discriminationCues(folded).length > 0 || coverageContempt(doc);
  const contempt = contemptCues(folded).length > 0;
  const patients = patientReferences(folded);
  const mockery = !isPublic && patients.length > 0 && derisionWeight(doc) >= 2 && !soundsWarm(folded);
  if (insults.length === 0 && !discriminatory && !contempt && !mockery) return null;

  // A group insulted ("tous des cons", "les patients AME") leaves no one to cite.
  const onePatient = patients.some(
    (hit) => !/^(?:les|des|ces|mes|nos|ceux|celles)\b/u.test(folded.slice(hit.start, hit.end)),
  );
  const individual = insults.some((hit) => !hit.plural) || contempt || (mockery && onePatient);
  return makeFinding('RESPECT-01', individual ? spansOfType(spans, TARGET) : []);
}

/** "La CMU en retard comme d'hab", "les AME, on devrait les facturer": patients reduced to their coverage. */
function coverageContempt(doc: GuardDocument): boolean {
  const labels = coverageLabels(doc);
  if (labels.length === 0) return false;
  const claims = negativeClaimCues(doc.folded);
  const tied = labels.some((label) => {
    const sentence = sentenceOf(doc.text, label);
    return claims.some((claim) => claim.start >= sentence.start && claim.end <= sentence.end);
  });
  return tied || derisionWeight(doc) >= 1;
}

/** RESPECT-02 and IMAGE-03, for carers posting on their own account. */
function colleagueExposure({ doc, spans }: RuleInput): Finding[] {
  const folded = doc.folded;
  const handles = personHandles(doc, spans);
  const people = spansOfType(spans, ['PERSON']);
  const findings: Finding[] = [];

  const tagged = saysTagged(folded);
  if (
    comesWithPicture(folded) &&
    !mentionsConsent(folded) &&
    (tagged || handles.length > 0 || people.length >= 2)
  ) {
    findings.push(makeFinding('IMAGE-03', [...handles, ...people]));
  }

  // A colleague is a tagged account, a titled doctor, or a name beside "ma cadre", "notre collègue".
  const titled = people.filter((span) =>
    /^(?:dr|pr|docteur|professeur)\b/u.test(folded.slice(span.start, span.end)),
  );
  const colleagues = mentionsColleague(folded) ? [...handles, ...people] : [...handles, ...titled];
  if (colleagues.length > 0 && soundsCritical(folded)) findings.push(makeFinding('RESPECT-02', colleagues));
  return findings;
}
