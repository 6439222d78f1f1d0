import { describe, expect, it } from 'vitest';
import type { MemberFacts } from './member-repository.js';
import { MIN_GROUP, rateGroups } from './rates.js';

const member = (service: string | null, acknowledged = true, score: number | null = 8): MemberFacts => ({
  service,
  acknowledged,
  score,
  total: score === null ? null : 10,
});
const many = (count: number, service: string | null, acknowledged = true, score: number | null = 8) =>
  Array.from({ length: count }, () => member(service, acknowledged, score));

describe('rates per service', () => {
  it('shows each service of three or more, in French alphabetical order, then the rest', () => {
    const { groups, total } = rateGroups([
      ...many(3, 'Urgences'),
      ...many(4, 'Cardiologie', false, null),
      ...many(3, null),
      ...many(3, 'Éducation thérapeutique'),
    ]);
    expect(groups.map((group) => [group.kind, group.service, group.members])).toEqual([
      ['service', 'Cardiologie', 4],
      ['service', 'Éducation thérapeutique', 3],
      ['service', 'Urgences', 3],
      ['unassigned', null, 3],
    ]);
    expect(groups[0]).toMatchObject({ acknowledged: 0, quizTaken: 0, averageScore: null, suppressed: false });
    expect(total).toMatchObject({
      kind: 'total',
      members: 13,
      acknowledged: 9,
      quizTaken: 9,
      averageScore: 80,
    });
  });

  it('puts services under three people together, and never leaves that group under three', () => {
    // Two small services make a group of three: it is shown.
    expect(
      rateGroups([...many(5, 'Urgences'), ...many(2, 'Pharmacie'), member('Cuisine')]).groups.map((g) => [
        g.kind,
        g.members,
      ]),
    ).toEqual([
      ['service', 5],
      ['others', 3],
    ]);
    // One person alone would be read as the total minus the rest: the smallest service joins them.
    const { groups } = rateGroups([
      ...many(5, 'Urgences'),
      ...many(3, 'Pédiatrie'),
      member('Pharmacie', false, 2),
    ]);
    expect(groups.map((g) => [g.kind, g.service, g.members])).toEqual([
      ['service', 'Urgences', 5],
      ['others', null, 4],
    ]);
    for (const group of groups) expect(group.members).toBeGreaterThanOrEqual(MIN_GROUP);
  });

  it('withholds every figure of an establishment too small, and an average of fewer than three scores', () => {
    const tiny = rateGroups([member('Urgences'), member(null)]);
    expect(tiny.groups).toEqual([
      {
        kind: 'others',
        service: null,
        members: 2,
        acknowledged: null,
        quizTaken: null,
        averageScore: null,
        suppressed: true,
      },
    ]);
    expect(tiny.total.suppressed).toBe(true);
    const fewScores = rateGroups([...many(2, 'Urgences', true, 3), ...many(2, 'Urgences', true, null)]);
    expect(fewScores.groups[0]).toMatchObject({ members: 4, quizTaken: 2, averageScore: null });
    expect(rateGroups([]).groups).toEqual([]);
  });
});
