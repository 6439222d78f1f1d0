/**
 * Whether a post is out to hurt someone: it threatens, calls others to act against a person,
 * airs a grievance against a carer ("l'interne qui a renvoyé ma fille") or alleges a
 * dishonourable fact. The same schedule is a doxxing in a hostile post and a staff portrait in a
 * friendly one, so DOXX-01 and GEO-01 both ask this question.
 */
import { allegationCues } from './allegation-cues.js';
import { hasGrievance, hasInnuendo, incitementWeight } from './incitement-cues.js';
import { singlePeople, staffGroups } from './people-cues.js';
import { rememberLast } from './remember-last.js';
import { isThreat } from './threat-cues.js';

export interface Hostility {
  readonly threat: boolean;
  /** Sum of the weights of the calls to act against someone. */
  readonly incitement: number;
  readonly grievance: boolean;
  readonly allegation: boolean;
  /** "au cas où", "je dis ça je dis rien": a hint at what a published detail is for. */
  readonly innuendo: boolean;
}

function computeHostilityOf(folded: string): Hostility {
  return {
    threat: isThreat(folded, () => [...singlePeople(folded), ...staffGroups(folded)]),
    incitement: incitementWeight(folded),
    grievance: hasGrievance(folded),
    allegation: allegationCues(folded).length > 0,
    innuendo: hasInnuendo(folded),
  };
}

/** Memoised on the last text: several rules ask the same question of one post. */
export const hostilityOf = rememberLast(computeHostilityOf);

export function isHostile(hostility: Hostility): boolean {
  // A lone weak call ("envoyez-leur…", "appelez-le") is too often kind to count.
  return (
    hostility.threat ||
    hostility.incitement >= 2 ||
    hostility.grievance ||
    hostility.allegation ||
    hostility.innuendo
  );
}
