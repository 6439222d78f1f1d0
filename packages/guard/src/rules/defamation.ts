import type { Finding, SpanType } from '../types.js';
import { allegationCues, hearsayCues } from './allegation-cues.js';
import type { RuleEvaluator, RuleInput } from './evaluator.js';
import { makeFinding } from './finding.js';
import {
  type Hit,
  institutions,
  namedPeople,
  spansOfType,
  staffMentions,
  studentMentions,
} from './people-cues.js';

/**
 * DEFAM-01: a precise fact that harms someone's honour, alleged about a person who is named or
 * can be recognised (loi 1881 art. 29, 31, 32). "Le pédiatre de garde samedi soir aux urgences a
 * tué mon neveu" names nobody and still points at one doctor; "on dit que" or "tout le monde le
 * sait" does not excuse it.
 *
 * The target is a named person or account, a single carer spoken of with a determiner ("le
 * chef des urgences", "cette aide-soignante", "la stagiaire"), or an establishment ("le CH de X
 * revend les dossiers de ses patients"), which has an honour of its own in law. A whole
 * profession ("les médecins étrangers") is not one person, and an insult without a fact is
 * RESPECT-01's business.
 */

/** What identifies the person accused: their name, account, service, place, shift. */
const IDENTIFYING: readonly SpanType[] = ['PERSON', 'HANDLE', 'UNIT', 'PLACE', 'DATE'];

export const defamationEvaluator: RuleEvaluator = {
  family: 'DEFAM',
  evaluate({ doc, spans }: RuleInput): Finding[] {
    const folded = doc.folded;
    const allegations = allegationCues(folded);
    if (allegations.length === 0) return [];
    const person =
      namedPeople(spans).length > 0 || staffMentions(folded).length > 0 || studentMentions(folded).length > 0;
    // An establishment is the one accused only when it is the subject: named just before the
    // fact, in the same sentence ("le CH revend les dossiers", not "mon papy à l'hôpital qui…").
    if (
      !person &&
      !institutions(folded).some((place) => allegations.some((fact) => accuses(folded, place, fact)))
    ) {
      return [];
    }

    const first = allegations[0];
    const seen = first === undefined ? '' : doc.text.slice(first.start, first.end).trim();
    const hearsay = hearsayCues(folded).length > 0;
    return [
      makeFinding('DEFAM-01', spansOfType(spans, IDENTIFYING), {
        explanation: {
          fr: `Ce message accuse une personne reconnaissable d'un fait grave (« ${seen} »)${hearsay ? ', même présenté comme une rumeur' : ''}. C'est de la diffamation si ce n'est pas prouvé, et la personne peut porter plainte.`,
          en: `This post accuses a recognisable person of a serious fact ("${seen}")${hearsay ? ', even framed as hearsay' : ''}. It is defamation unless proven, and the person can sue.`,
        },
      }),
    ];
  },
};

/** The establishment is named before the fact, close, with no sentence end between them. */
function accuses(folded: string, place: Hit, fact: Hit): boolean {
  return (
    place.end <= fact.start &&
    fact.start - place.end <= 80 &&
    !/[.!?\n]/.test(folded.slice(place.end, fact.start))
  );
}
