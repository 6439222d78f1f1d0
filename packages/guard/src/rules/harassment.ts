import type { Finding, Span, SpanType } from '../types.js';
import type { RuleEvaluator, RuleInput } from './evaluator.js';
import { exposureCues } from './exposure-cues.js';
import { makeFinding } from './finding.js';
import { hostilityOf } from './hostility.js';
import { derisionWeight } from './mockery-cues.js';
import { namedPeople, singlePeople, spansOfType, staffGroups } from './people-cues.js';

/**
 * HARASS-01: threats against carers (or anyone) and calls to go after a person — "je vais le
 * retrouver", "on sait où tu habites", "elle va m'entendre", "je fous le feu à ce service",
 * "signalez-la partout", "tout le monde met 1 étoile au Dr X", "on y va ce soir ?" (C. pén.
 * 222-33-2-2 for raids, 222-17 and 433-3 for threats).
 *
 * A threat needs no named target: "je reviens avec mes cousins et on retourne les urgences"
 * threatens a whole team. A call to act needs someone to act against (a named person, a singular
 * carer or anyone spoken of singly: "le type qui a agressé…"), and a weak call ("faites tourner",
 * "appelez-le", "allez lui dire bonjour de ma part") needs a post that already means harm: a
 * grievance, an allegation, or details that let the person be found.
 */

/** Spans that show who is targeted and where they can be found. */
const LOCATING: readonly SpanType[] = ['UNIT', 'PLACE', 'DATE', 'PLATE', 'ADDRESS', 'PHONE', 'EMAIL'];

export const harassmentEvaluator: RuleEvaluator = {
  family: 'HARASS',
  evaluate({ doc, spans }: RuleInput): Finding[] {
    const folded = doc.folded;
    const hostility = hostilityOf(folded);
    if (!hostility.threat && hostility.incitement === 0) return [];
    const named = namedPeople(spans);
    const target = named.length > 0 || singlePeople(folded).length > 0;

    let pileOn = false;
    if (!hostility.threat && target) {
      const meansHarm =
        hostility.grievance ||
        hostility.allegation ||
        exposureCues(folded).length > 0 ||
        spansOfType(spans, ['PLATE']).length > 0 ||
        // Shared for laughs ("la vidéo de la stagiaire qui pleure 😂😂"): the crowd is sent to mock.
        derisionWeight(doc) >= 2;
      pileOn = hostility.incitement >= 2 || (hostility.incitement >= 1 && meansHarm);
    }
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
