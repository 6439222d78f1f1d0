import type { MemberFacts } from './member-repository.js';

/**
 * Rates per service, without singling anyone out. A service with fewer than MIN_GROUP members
 * is never shown on its own: it joins « autres services (moins de 3 personnes) », with the
 * members who have not said their service when they are too few as well. When that group itself
 * has fewer than MIN_GROUP members, the smallest shown service joins it, so that its figures can
 * neither be read nor worked out as the total minus the other rows (complementary suppression).
 * A group still too small (an establishment of two) shows its head count and no figure.
 */
export const MIN_GROUP = 3;

export type GroupKind = 'service' | 'unassigned' | 'others' | 'total';

export interface RateGroup {
  readonly kind: GroupKind;
  /** The service's name, for kind 'service'. */
  readonly service: string | null;
  readonly members: number;
  /** Null when the group is too small to show figures. */
  readonly acknowledged: number | null;
  readonly quizTaken: number | null;
  /**
   * Average of the last scores, in percent, rounded; null when fewer than MIN_GROUP took the quiz
   * (one person's score would be shown as an average).
   */
  readonly averageScore: number | null;
  /** Figures withheld: the group has fewer than MIN_GROUP members. */
  readonly suppressed: boolean;
}

export function rateGroups(facts: readonly MemberFacts[]): { groups: RateGroup[]; total: RateGroup } {
  const byService = new Map<string | null, MemberFacts[]>();
  for (const fact of facts) {
    const list = byService.get(fact.service) ?? [];
    list.push(fact);
    byService.set(fact.service, list);
  }
  const shown: { key: string | null; facts: MemberFacts[] }[] = [];
  const others: MemberFacts[] = [];
  for (const [key, list] of byService) {
    if (list.length >= MIN_GROUP) shown.push({ key, facts: list });
    else others.push(...list);
  }
  if (others.length > 0 && others.length < MIN_GROUP && shown.length > 0) {
    shown.sort((a, b) => a.facts.length - b.facts.length);
    const smallest = shown.shift();
    if (smallest !== undefined) others.push(...smallest.facts);
  }
  shown.sort((a, b) =>
    a.key === null ? 1 : b.key === null ? -1 : a.key.localeCompare(b.key, 'fr', { sensitivity: 'base' }),
  );
  const groups = shown.map((group) =>
    summarise(group.key === null ? 'unassigned' : 'service', group.key, group.facts),
  );
  if (others.length > 0) groups.push(summarise('others', null, others));
  return { groups, total: summarise('total', null, facts) };
}

function summarise(kind: GroupKind, service: string | null, facts: readonly MemberFacts[]): RateGroup {
  if (facts.length < MIN_GROUP)
    return {
      kind,
      service,
      members: facts.length,
      acknowledged: null,
      quizTaken: null,
      averageScore: null,
      suppressed: true,
    };
  const scored = facts.filter((fact) => fact.score !== null && fact.total !== null && fact.total > 0);
  const average =
    scored.length < MIN_GROUP
      ? null
      : Math.round(
          (100 * scored.reduce((sum, fact) => sum + (fact.score as number) / (fact.total as number), 0)) /
            scored.length,
        );
  return {
    kind,
    service,
    members: facts.length,
    acknowledged: facts.filter((fact) => fact.acknowledged).length,
    quizTaken: scored.length,
    averageScore: average,
    suppressed: false,
  };
}
