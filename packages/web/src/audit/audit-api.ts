import { api } from '../api/client';
import type { AuditPage } from '../api/types';

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
  const params = new URLSearchParams({ limit: '30' });
  if (cursor !== null) params.set('cursor', String(cursor));
  if (filters.action !== '') params.set('action', filters.action);
  if (filters.actor !== '') params.set('actor', filters.actor);
  if (filters.from !== '') params.set('from', dayStart(filters.from));
  if (filters.to !== '') params.set('to', dayStart(filters.to, 1));
  return api<AuditPage>(`/api/establishments/${encodeURIComponent(establishmentId)}/audit?${params}`, {
    signal,
  });
}
