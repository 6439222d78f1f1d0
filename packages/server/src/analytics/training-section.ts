import type { AppContext } from '../http/context.js';
import { currentCharter } from '../training/charter-service.js';
import { MIN_GROUP } from '../training/rates.js';
import type { TrainingSection } from './dashboard-data.js';
import { percent } from './median.js';

/**
 * The training rates of the establishments read, as they stand now (not over the range: a
 * charter acknowledged in March still counts in June). Counts only, from the training tables;
 * fewer than MIN_GROUP staff gives no percentage, as on the training page, so that a small
 * establishment's rate never reads as one person's answer.
 */
export async function trainingSection(
  context: AppContext,
  establishmentIds: readonly string[],
): Promise<TrainingSection | null> {
  if (establishmentIds.length === 0) return null;
  const db = context.storage.db;
  const perEstablishment = await Promise.all(
    establishmentIds.map(async (establishmentId) => {
      const charter = await currentCharter(context, establishmentId);
      const staff = db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .where('memberships.establishment_id', '=', establishmentId)
        .where('users.disabled', '=', 0);
      const [members, acknowledged, quiz] = await Promise.all([
        staff.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst(),
        staff
          .innerJoin('charter_acknowledgements as ack', (join) =>
            join
              .onRef('ack.user_id', '=', 'memberships.user_id')
              .onRef('ack.establishment_id', '=', 'memberships.establishment_id'),
          )
          .where('ack.version', '=', charter.version)
          .where('ack.sha256', '=', charter.sha256)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirst(),
        staff
          .innerJoin('quiz_results as quiz', (join) =>
            join
              .onRef('quiz.user_id', '=', 'memberships.user_id')
              .onRef('quiz.establishment_id', '=', 'memberships.establishment_id'),
          )
          .select((eb) => [
            eb.fn.countAll<number | string>().as('n'),
            // Each score as a share of its own quiz's length: lengths may change between versions.
            eb.fn
              .sum<number | string | null>(eb(eb.cast('quiz.score', 'real'), '/', eb.ref('quiz.total')))
              .as('shares'),
          ])
          .executeTakeFirst(),
      ]);
      return {
        members: Number(members?.n ?? 0),
        acknowledged: Number(acknowledged?.n ?? 0),
        quizTaken: Number(quiz?.n ?? 0),
        scoreShares: Number(quiz?.shares ?? 0),
      };
    }),
  );
  const total = perEstablishment.reduce(
    (sum, row) => ({
      members: sum.members + row.members,
      acknowledged: sum.acknowledged + row.acknowledged,
      quizTaken: sum.quizTaken + row.quizTaken,
      scoreShares: sum.scoreShares + row.scoreShares,
    }),
    { members: 0, acknowledged: 0, quizTaken: 0, scoreShares: 0 },
  );
  const shown = total.members >= MIN_GROUP;
  return {
    staff: total.members,
    charterAcknowledgedPercent: shown ? percent(total.acknowledged, total.members) : null,
    quizTakenPercent: shown ? percent(total.quizTaken, total.members) : null,
    quizAverageScorePercent:
      total.quizTaken >= MIN_GROUP ? Math.round((total.scoreShares / total.quizTaken) * 1000) / 10 : null,
  };
}
