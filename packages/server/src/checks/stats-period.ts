import { badRequest } from '../http/problem.js';

const DAY_MS = 86_400_000;
/** A default window of thirty days, and at most a little over a year per query. */
export const DEFAULT_DAYS = 30;
export const MAX_DAYS = 366;

/**
 * The UTC days a statistics query covers, both included: `to` defaults to today, `from` to 29
 * days before `to`. Refuses an inverted or overlong period in French.
 */
export function statsPeriod(now: Date, from?: string, to?: string): { from: string; to: string } {
  const end = to ?? now.toISOString().slice(0, 10);
  const start = from ?? new Date(Date.parse(end) - (DEFAULT_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
  if (start > end) throw badRequest('periode_invalide', 'La date de début doit précéder la date de fin.');
  if ((Date.parse(end) - Date.parse(start)) / DAY_MS + 1 > MAX_DAYS)
    throw badRequest('periode_trop_longue', `La période ne peut dépasser ${MAX_DAYS} jours.`);
  return { from: start, to: end };
}
