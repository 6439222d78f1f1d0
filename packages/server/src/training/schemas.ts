import { z } from 'zod';
import { component } from '../http/openapi.js';
import { safeId, safeLine, safeText } from '../http/safe-text.js';

/** Request and response shapes of « Formation », for validation and OpenAPI. */

/** A charter of a few pages; a whole handbook pasted by mistake is refused. */
export const MAX_CHARTER_CHARS = 50_000;

export const establishmentParams = z.object({ establishmentId: safeId });
export const attemptParams = establishmentParams.extend({ attemptId: safeId });
export const memberParams = establishmentParams.extend({ userId: safeId });

const sha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/u, { message: 'empreinte SHA-256 attendue (64 caractères hexadécimaux)' });

export const acknowledgeBody = z.strictObject({
  version: z.number().int().min(1).max(1_000_000),
  sha256,
  language: z.enum(['fr', 'en']).default('fr'),
});

export const publishBody = z.strictObject({
  body: safeText(1, MAX_CHARTER_CHARS).refine((value) => value.trim() !== '', { message: 'texte vide' }),
});

export const answerBody = z.strictObject({ questionId: safeId, answer: z.boolean() });

export const serviceBody = z.strictObject({ service: safeLine(1, 200).nullable() });

export const remindersBody = z.strictObject({ optedOut: z.boolean() });

export const optOutBody = z.strictObject({ token: safeLine(1, 300) });

const charterShape = z.object({
  version: z.number().int(),
  body: z.string(),
  sha256: z.string(),
  publishedAt: z.string().nullable(),
  isDefault: z.boolean(),
});

export const charterSchema = component(charterShape, 'TrainingCharter');
export const charterStatusSchema = component(
  charterShape.extend({
    acknowledgedAt: z.string().nullable(),
    previousVersion: z.number().int().nullable(),
  }),
  'TrainingCharterStatus',
);

export const quizResultSchema = component(
  z.object({ score: z.number().int(), total: z.number().int(), takenAt: z.string() }),
  'TrainingQuizResult',
);

export const reminderStateSchema = component(
  z.object({ optedOut: z.boolean(), lastSentAt: z.string().nullable() }),
  'TrainingReminders',
);

export const myTrainingSchema = component(
  z.object({
    service: z.string().nullable(),
    services: z.array(z.string()),
    quiz: quizResultSchema.nullable(),
    reminders: reminderStateSchema,
  }),
  'MyTraining',
);

export const attemptSchema = component(
  z.object({
    id: z.string(),
    expiresAt: z.string(),
    questions: z.array(z.object({ id: z.string(), statement: z.string() })),
  }),
  'TrainingQuizAttempt',
);

export const answerSchema = component(
  z.object({
    questionId: z.string(),
    correct: z.boolean(),
    answer: z.boolean(),
    explanation: z.string(),
    basis: z.string(),
    answered: z.number().int(),
    total: z.number().int(),
    score: z.number().int(),
    finished: z.boolean(),
  }),
  'TrainingQuizAnswer',
);

const rateGroupSchema = component(
  z.object({
    kind: z.enum(['service', 'unassigned', 'others', 'total']),
    service: z.string().nullable(),
    members: z.number().int(),
    acknowledged: z.number().int().nullable(),
    quizTaken: z.number().int().nullable(),
    averageScore: z.number().int().nullable(),
    suppressed: z.boolean(),
  }),
  'TrainingRateGroup',
);

export const ratesSchema = component(
  z.object({ charterVersion: z.number().int(), groups: z.array(rateGroupSchema), total: rateGroupSchema }),
  'TrainingRates',
);

export const serviceSchema = z.object({ service: z.string().nullable() });
