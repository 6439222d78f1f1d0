import { MonthlyReportsPanel } from './monthly/monthly-reports-panel';

/**
 * The place of « Télécharger le rapport du mois (PDF) » on the dashboard: the monthly report's
 * panel (analytics/monthly), for the scope the page shows.
 */
export interface DashboardReportScope {
  readonly kind: 'establishment' | 'group';
  readonly id: string;
}

export function DashboardReportSlot({ scope }: { scope: DashboardReportScope }) {
  return <MonthlyReportsPanel scope={scope} />;
}
