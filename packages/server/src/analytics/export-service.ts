import { forbidden } from '../http/problem.js';
import { toCsv } from './csv.js';
import type { DashboardData } from './dashboard-data.js';
import { type ExportTable, TABLES } from './export-tables.js';
import type { DashboardView } from './policy.js';

/**
 * One table of a dashboard as CSV. A reader who sees incidents only (legal) may not export the
 * other sections (403); a section absent for the scope (no listening set up) gives the header alone.
 */
export function exportCsv(data: DashboardData, table: ExportTable, view: DashboardView): string {
  const spec = TABLES[table];
  if (view === 'incidents' && spec.section !== 'incidents' && spec.section !== 'summary') throw forbidden();
  return toCsv(spec.header, spec.rows(data));
}

/** « blouse-incidents_by_severity-2026-10-01-2026-10-31.csv ». */
export const exportFileName = (data: DashboardData, table: ExportTable): string =>
  `blouse-${table}-${data.range.from}-${data.range.to}.csv`;
