import type { Finding, Span, SpanType } from '../types.js';
import type { RuleEvaluator, RuleInput } from './evaluator.js';
import { exposureCues } from './exposure-cues.js';
import { makeFinding } from './finding.js';
import { hostilityOf } from './hostility.js';
import { namedPeople, spansOfType, staffGroups, staffMentions } from './people-cues.js';

/**
 * HARASS-01: threats against carers (or anyone) and calls to go after a person — "je vais le
 * retrouver", "on sait où tu habites", "je fous le feu à ce service", "signalez-la partout",
 * "allez lui dire ce que vous en pensez" (C. pén. 222-33-2-2 for raids, 222-17 and 433-3 for
 * threats).
 *
 * A threat needs no named target: "je reviens avec mes cousins et on retourne les urgences"
 * threatens a whole team. A call to act needs someone to act against (a named person or a
 * singular carer), and a weak call ("faites tourner", "appelez-le") needs a post that already
 * means harm: a grievance, an allegation, or details that let the person be found.
 */

/** Spans that show who is targeted and where they can be found. */
const LOCATING: readonly SpanType[] = ['UNIT', 'PLACE', 'DATE', 'PLATE', 'ADDRESS', 'PHONE', 'EMAIL'];

export const harassmentEvaluator: RuleEvaluator = {
  family: 'HARASS',
  evaluate({ doc, spans }: RuleInput): Finding[] {
    const folded = doc.folded;
    const hostility = hostilityOf(folded);
    const named = namedPeople(spans);
    const staff = staffMentions(folded);
    const target = named.length > 0 || staff.length > 0;

    const exposed = exposureCues(folded).length > 0 || spansOfType(spans, ['PLATE']).length > 0;
    const meansHarm = hostility.grievance || hostility.allegation || exposed;
    const pileOn = target && (hostility.incitement >= 2 || (hostility.incitement >= 1 && meansHarm));
    if (!hostility.threat && !pileOn) return [];

    const cited = targetSpans(spans, named, target || staffGroups(folded).length > 0);
    return [
      makeFinding('HARASS-01', cited, {
        explanation: hostility.threat ? THREAT_EXPLANATION : undefined,
      }),
    ];
  },
};

/** The target's names and accounts, and where they work or can be found once a target is known. */
function targetSpans(spans: readonly Span[], named: readonly Span[], hasTarget: boolean): Span[] {
  if (!hasTarget) return [];
  return [...named, ...spansOfType(spans, LOCATING)];
}

const THREAT_EXPLANATION = {
  fr: "Ce message menace une personne ou une équipe. Menacer un soignant est un délit, puni plus sévèrement quand la victime est chargée d'une mission de service public.",
  en: 'This post threatens a person or a team. Threatening a carer is an offence, punished more heavily when the victim works in a public service.',
};
