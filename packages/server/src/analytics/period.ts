import { badRequest } from '../http/problem.js';
import { addDays, daysBetween, isDay, parisDay } from './paris-day.js';

/** The default window, and the longest one a dashboard reads (a year and some margin). */
export const DEFAULT_DAYS = 30;
export const MAX_DAYS = 400;

export interface DayRange {
  readonly from: string;
  readonly to: string;
}

/**
 * The Paris days a dashboard covers, both included: `to` defaults to today (Paris), `from` to 29
 * days before `to`. Refuses a day that does not exist, an inverted or an overlong range, in French.
 */
export function dashboardRange(now: Date, from?: string, to?: string): DayRange {
  for (const day of [from, to])
    if (day !== undefined && !isDay(day))
      throw badRequest('date_invalide', `« ${day.slice(0, 20)} » n’est pas une date (AAAA-MM-JJ).`);
  const end = to ?? parisDay(now.toISOString());
  const start = from ?? addDays(end, -(DEFAULT_DAYS - 1));
  if (start > end) throw badRequest('periode_invalide', 'La date de début doit précéder la date de fin.');
  if (daysBetween(start, end) > MAX_DAYS)
    throw badRequest('periode_trop_longue', `La période ne peut dépasser ${MAX_DAYS} jours.`);
  return { from: start, to: end };
}
