import { randomUUID } from 'node:crypto';
import { type AppContext, inUnit } from '../http/context.js';
import { badRequest, conflict, notFound } from '../http/problem.js';
import { drawAtRandom } from './quiz-draw.js';
import {
  deleteAttempt,
  dropStaleAttempts,
  findAttempt,
  findResult,
  insertAttempt,
  recordAnswer,
  saveResult,
} from './quiz-repository.js';
import { QUIZ_LENGTH, QUIZ_STATEMENTS, type QuizStatement } from './quiz-statements.js';

/** Long enough to read every explanation on a phone; an attempt left open longer starts again. */
export const ATTEMPT_LIFETIME_MS = 60 * 60_000;

const BY_ID = new Map(QUIZ_STATEMENTS.map((statement) => [statement.id, statement]));

export interface AttemptView {
  readonly id: string;
  readonly expiresAt: string;
  /** The statements only: the answers stay on the server until each one is given. */
  readonly questions: { readonly id: string; readonly statement: string }[];
}

export interface AnswerView {
  readonly questionId: string;
  readonly correct: boolean;
  readonly answer: boolean;
  readonly explanation: string;
  readonly basis: string;
  readonly answered: number;
  readonly total: number;
  /** Right answers so far. */
  readonly score: number;
  readonly finished: boolean;
}

export interface QuizResultView {
  readonly score: number;
  readonly total: number;
  readonly takenAt: string;
}

/** A new attempt: QUIZ_LENGTH statements drawn at random, replacing any unfinished one. */
export async function startAttempt(
  context: AppContext,
  establishmentId: string,
  userId: string,
): Promise<AttemptView> {
  const drawn = drawAtRandom(QUIZ_STATEMENTS, QUIZ_LENGTH);
  return inUnit(context, async (unit) => {
    const now = unit.now;
    await dropStaleAttempts(unit.trx, establishmentId, userId, now.toISOString());
    const id = randomUUID();
    const expiresAt = new Date(now.getTime() + ATTEMPT_LIFETIME_MS).toISOString();
    await insertAttempt(unit.trx, {
      id,
      user_id: userId,
      establishment_id: establishmentId,
      question_ids: JSON.stringify(drawn.map((statement) => statement.id)),
      answered_ids: '[]',
      correct: 0,
      started_at: now.toISOString(),
      expires_at: expiresAt,
    });
    return {
      id,
      expiresAt,
      questions: drawn.map((statement) => ({ id: statement.id, statement: statement.statement })),
    };
  });
}

/**
 * Checks one answer and says at once whether it was right, and why. Each question is answered
 * once per attempt. The last answer ends the attempt: the score replaces the person's previous
 * one and the attempt is deleted, so that which questions they got wrong is not kept.
 */
export async function answerQuestion(
  context: AppContext,
  establishmentId: string,
  userId: string,
  attemptId: string,
  answer: { readonly questionId: string; readonly answer: boolean },
): Promise<AnswerView> {
  return inUnit(context, async (unit) => {
    const attempt = await findAttempt(unit.trx, establishmentId, userId, attemptId);
    if (attempt === undefined) throw notFound('Ce questionnaire n’existe pas ou n’est plus en cours.');
    if (attempt.expires_at <= unit.now.toISOString())
      throw conflict(
        'questionnaire_expire',
        'Ce questionnaire a expiré (plus d’une heure sans le finir) : recommencez-en un.',
      );
    const questionIds = JSON.parse(attempt.question_ids) as string[];
    const answered = JSON.parse(attempt.answered_ids) as string[];
    const statement: QuizStatement | undefined = questionIds.includes(answer.questionId)
      ? BY_ID.get(answer.questionId)
      : undefined;
    if (statement === undefined)
      throw badRequest('question_inconnue', 'Cette question ne fait pas partie de ce questionnaire.');
    if (answered.includes(answer.questionId))
      throw conflict('deja_repondu', 'Vous avez déjà répondu à cette question.');
    const correct = statement.answer === answer.answer;
    const score = Number(attempt.correct) + (correct ? 1 : 0);
    const nowAnswered = [...answered, answer.questionId];
    const recorded = await recordAnswer(unit.trx, attempt.id, attempt.answered_ids, {
      answered_ids: JSON.stringify(nowAnswered),
      correct: score,
    });
    if (!recorded) throw conflict('deja_repondu', 'Vous avez déjà répondu à cette question.');
    const finished = nowAnswered.length === questionIds.length;
    if (finished) {
      await saveResult(unit.trx, {
        user_id: userId,
        establishment_id: establishmentId,
        score,
        total: questionIds.length,
        taken_at: unit.now.toISOString(),
      });
      await deleteAttempt(unit.trx, attempt.id);
    }
    return {
      questionId: statement.id,
      correct,
      answer: statement.answer,
      explanation: statement.explanation,
      basis: statement.basis,
      answered: nowAnswered.length,
      total: questionIds.length,
      score,
      finished,
    };
  });
}

export async function lastResult(
  context: AppContext,
  establishmentId: string,
  userId: string,
): Promise<QuizResultView | null> {
  const row = await findResult(context.storage.db, establishmentId, userId);
  return row === undefined
    ? null
    : { score: Number(row.score), total: Number(row.total), takenAt: row.taken_at };
}
