import { randomBytes } from 'node:crypto';

let counter = 0;

/**
 * Ids for incident events that sort in the order they were written: events of one transaction
 * share the same time, and the timeline orders by (at, id). Time in milliseconds, then a
 * process-wide counter, then randomness against collisions between processes.
 */
export function eventId(at: Date): string {
  counter = (counter + 1) % 0xffffffff;
  const time = at.getTime().toString(16).padStart(12, '0');
  return `${time}-${counter.toString(16).padStart(8, '0')}-${randomBytes(8).toString('hex')}`;
}
