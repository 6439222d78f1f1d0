import { client, unwrap } from '../api/client';

/** The establishment's audit trail (packages/server/src/audit/routes.ts), for admin and legal. */
export interface AuditFilters {
  action: string;
  actor: string;
  /** Days, yyyy-mm-dd, in the browser's time zone; `to` included. */
  from: string;
  to: string;
}

export const auditKey = (establishmentId: string, filters: AuditFilters) =>
  ['audit', establishmentId, filters] as const;

/** A day's start in the browser's time zone, as an ISO instant. */
const dayStart = (day: string, plusDays = 0) => {
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + plusDays);
  return date.toISOString();
};

export function fetchAudit(
  establishmentId: string,
  filters: AuditFilters,
  cursor: number | null,
  signal?: AbortSignal,
) {
  const query = {
    limit: 30,
    ...(cursor !== null ? { cursor } : {}),
    ...(filters.action !== '' ? { action: filters.action } : {}),
    ...(filters.actor !== '' ? { actor: filters.actor } : {}),
    ...(filters.from !== '' ? { from: dayStart(filters.from) } : {}),
    ...(filters.to !== '' ? { to: dayStart(filters.to, 1) } : {}),
  };
  return unwrap(
    client.GET('/api/establishments/{establishmentId}/audit', {
      params: { path: { establishmentId }, query },
      signal,
    }),
  );
}
