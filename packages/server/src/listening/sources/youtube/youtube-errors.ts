import { z } from 'zod';
import { errorForStatus, type JsonAnswer } from '../http-json.js';
import { SourceError } from '../source-error.js';

/** https://developers.google.com/youtube/v3/docs/errors — the Google API error payload. */
const googleError = z.object({
  error: z.object({
    code: z.number(),
    message: z.string(),
    errors: z.array(z.object({ reason: z.string(), domain: z.string().optional() })).default([]),
  }),
});

const FIX = 'Reconnectez la chaîne YouTube de l’établissement, ou vérifiez la clé d’API.';

export function youtubeError(answer: JsonAnswer, service: string, now: Date): SourceError {
  const payload = googleError.safeParse(answer.body);
  if (!payload.success) return errorForStatus(answer, service, now, FIX);
  const reasons = new Set(payload.data.error.errors.map((error) => error.reason));
  const cause = payload.data.error;
  if (reasons.has('quotaExceeded') || reasons.has('dailyLimitExceeded')) {
    const wait = secondsUntilPacificMidnight(now);
    return new SourceError(
      'quota_depasse',
      `Le quota quotidien de l’API YouTube est épuisé ; il est renouvelé à minuit, heure du Pacifique (dans ${Math.ceil(wait / 3600)} h).`,
      { retryAfterSeconds: wait, cause },
    );
  }
  if (reasons.has('rateLimitExceeded') || reasons.has('userRateLimitExceeded'))
    return new SourceError(
      'limite_atteinte',
      'L’API YouTube limite le nombre de requêtes ; nouvel essai plus tard.',
      {
        retryAfterSeconds: 60,
        cause,
      },
    );
  if (reasons.has('keyInvalid') || reasons.has('authError') || answer.status === 401)
    return new SourceError(
      'jeton_invalide',
      `L’API YouTube refuse le jeton d’accès ou la clé (expiré, révoqué ou erroné). ${FIX}`,
      {
        cause,
      },
    );
  if (reasons.has('channelNotFound'))
    return new SourceError(
      'introuvable',
      'L’API YouTube ne trouve pas cette chaîne : vérifiez son identifiant (UC…).',
      {
        cause,
      },
    );
  if (reasons.has('commentsDisabled'))
    return new SourceError('acces_refuse', 'Les commentaires sont désactivés sur cette chaîne.', { cause });
  return errorForStatus(answer, service, now, FIX);
}

/** YouTube renews quotas at midnight, Pacific time (https://developers.google.com/youtube/v3/getting-started#quota). */
export function secondsUntilPacificMidnight(now: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/Los_Angeles',
    hourCycle: 'h23',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  return 86_400 - (part('hour') * 3600 + part('minute') * 60 + part('second'));
}
