import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { DIALECTS } from '../test-support/databases.js';
import { currentCharter } from '../training/charter-service.js';
import { trainingSection } from './training-section.js';

describe.each(DIALECTS)('the dashboard’s training rates on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  async function acknowledge(userId: string, establishmentId: string, version: number, sha256: string) {
    await t.storage.db
      .insertInto('charter_acknowledgements')
      .values({
        user_id: userId,
        establishment_id: establishmentId,
        version,
        sha256,
        acknowledged_at: t.clock.now().toISOString(),
        channel: 'web',
        language: 'fr',
      })
      .execute();
  }
  async function quiz(userId: string, establishmentId: string, score: number, total: number) {
    await t.storage.db
      .insertInto('quiz_results')
      .values({
        user_id: userId,
        establishment_id: establishmentId,
        score,
        total,
        taken_at: t.clock.now().toISOString(),
      })
      .execute();
  }

  it('counts the version in force only, the quiz takers and their average, over every establishment read', async () => {
    const a = await t.establishment('CH Alpha');
    const b = await t.establishment('CH Bêta');
    const charter = await currentCharter(t.context, a);
    const people = await Promise.all([
      t.user({ [a]: 'agent' }),
      t.user({ [a]: 'agent' }),
      t.user({ [a]: 'legal' }),
      t.user({ [b]: 'agent' }),
    ]);
    const [p1, p2, p3, p4] = people.map((person) => person.userId) as [string, string, string, string];
    await acknowledge(p1, a, charter.version, charter.sha256);
    // An acknowledgement of another text (an older version) does not count for the one in force.
    await acknowledge(p2, a, charter.version + 1, 'autre-texte');
    const charterB = await currentCharter(t.context, b);
    await acknowledge(p4, b, charterB.version, charterB.sha256);
    await quiz(p1, a, 8, 10);
    await quiz(p2, a, 5, 10);
    await quiz(p4, b, 9, 12);
    await t.storage.db.updateTable('users').set({ disabled: 1 }).where('id', '=', p3).execute();

    expect(await trainingSection(t.context, [a, b])).toEqual({
      staff: 3,
      charterAcknowledgedPercent: 66.7,
      quizTakenPercent: 100,
      // (0.8 + 0.5 + 0.75) / 3
      quizAverageScorePercent: 68.3,
    });
    // Two staff: the head count, no rate (it would be one person's answer).
    expect(await trainingSection(t.context, [a])).toEqual({
      staff: 2,
      charterAcknowledgedPercent: null,
      quizTakenPercent: null,
      quizAverageScorePercent: null,
    });
    expect(await trainingSection(t.context, [])).toBeNull();
  });
});
