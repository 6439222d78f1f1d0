import { z } from 'zod';
import { errorForStatus, type JsonAnswer } from '../http-json.js';
import { SourceError } from '../source-error.js';

/** LinkedIn's error payload: { status, serviceErrorCode, code, message }. */
const linkedinError = z.object({
  status: z.number(),
  message: z.string(),
  code: z.string().optional(),
  serviceErrorCode: z.number().optional(),
});

const FIX = 'Reconnectez la page LinkedIn de l’établissement (les jetons LinkedIn durent 60 jours).';

export function linkedinErrorFor(answer: JsonAnswer, service: string, now: Date): SourceError {
  const payload = linkedinError.safeParse(answer.body);
  const cause = payload.success ? payload.data : answer.body;
  if (answer.status === 401)
    return new SourceError(
      'jeton_invalide',
      `L’API LinkedIn refuse le jeton d’accès${payload.success && payload.data.code !== undefined ? ` (${payload.data.code})` : ''}. ${FIX}`,
      { cause },
    );
  if (answer.status === 429 && payload.success && /\bDAY\b/.test(payload.data.message)) {
    // Daily application and member limits are reset at midnight UTC.
    const wait = secondsUntilUtcMidnight(now);
    return new SourceError(
      'limite_atteinte',
      `L’API LinkedIn a atteint sa limite quotidienne d’appels ; la lecture reprendra après minuit UTC (dans ${Math.ceil(wait / 3600)} h).`,
      { retryAfterSeconds: wait, cause },
    );
  }
  if (answer.status === 403)
    return new SourceError(
      'acces_refuse',
      'L’API LinkedIn refuse l’accès : le compte connecté doit administrer la page et le jeton avoir le droit r_organization_social.',
      { cause },
    );
  return errorForStatus(answer, service, now, FIX);
}

function secondsUntilUtcMidnight(now: Date): number {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.ceil((midnight - now.getTime()) / 1000);
}
