import type { AppContext } from '../http/context.js';
import { RetryLater } from '../http/problem.js';

/**
 * Dashboard reads in progress per person. A read is a handful of aggregate queries (tens of
 * milliseconds at 100,000 incidents, see `blouse bench analytics`), but a year of a large group
 * is heavier: one person holding reloading pages or scripted exports must not occupy the
 * database's connections for everyone else. Four at once is more than a page ever needs.
 */
export const READS_PER_PERSON = 4;

const inFlight = new WeakMap<AppContext, Map<string, number>>();

/** Takes a place for `who`, or throws a 429; call the result when the read is done. */
export function enterDashboardRead(context: AppContext, who: string): () => void {
  const running = inFlight.get(context) ?? new Map<string, number>();
  inFlight.set(context, running);
  const count = running.get(who) ?? 0;
  if (count >= READS_PER_PERSON)
    throw new RetryLater(
      429,
      'lectures_simultanees',
      'Plusieurs tableaux de bord sont déjà en cours de calcul pour vous : réessayez dans un instant.',
      1,
    );
  running.set(who, count + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (running.get(who) ?? 1) - 1;
    if (left <= 0) running.delete(who);
    else running.set(who, left);
  };
}
