import type { Deadline, IncidentSummary } from '../api/types';

/** The deadline the list shows: the earliest one not yet met (the server's nextDueAt). */
export function nearestDeadline(incident: IncidentSummary): Deadline | null {
  const open = incident.deadlines.filter((d) => d.state !== 'met');
  const byNext = open.find((d) => d.dueAt === incident.nextDueAt);
  if (byNext) return byNext;
  return open.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0] ?? null;
}
