import type { Role } from '../../db/schema.js';
import type { AppContext } from '../../http/context.js';
import { forbidden, notFound } from '../../http/problem.js';
import type { DashboardScope } from '../dashboard-service.js';
import { establishmentScope, groupScopeFor, readDashboard } from '../dashboard-service.js';
import { DASHBOARD_ROLES } from '../policy.js';
import * as repository from '../repository.js';
import type { DashboardReader, ReportScope } from './monthly-report-service.js';

/**
 * Who reads which monthly report. The report holds every section of the dashboard, so it goes to
 * the roles that read the whole dashboard (admin, direction, communication); the legal service,
 * which reads the incidents only, gets 403 here and keeps its incidents dashboard.
 */
export interface ReportView {
  readonly scope: ReportScope;
  readonly name: string;
  /** The reader reads every establishment counted: the archived report is theirs to download. */
  readonly whole: boolean;
  readonly readDashboard: DashboardReader;
}

const reader =
  (context: AppContext, scope: DashboardScope): DashboardReader =>
  (range) =>
    readDashboard(context, scope, range);

export async function establishmentReportView(
  context: AppContext,
  roles: ReadonlyMap<string, Role>,
  establishmentId: string,
): Promise<ReportView> {
  const role = roles.get(establishmentId);
  if (role === undefined) throw notFound();
  if (!DASHBOARD_ROLES.includes(role))
    throw forbidden(
      'Le rapport mensuel est réservé à la direction, à l’administration et à la communication.',
    );
  const scope = await establishmentScope(context, establishmentId, 'full');
  return {
    scope: { kind: 'establishment', id: establishmentId },
    name: scope.name,
    whole: true,
    readDashboard: reader(context, scope),
  };
}

/** A group's report: whole when the reader reads each of its establishments, else their part. */
export async function groupReportView(
  context: AppContext,
  roles: ReadonlyMap<string, Role>,
  groupId: string,
): Promise<ReportView> {
  const scope = await groupScopeFor(context, roles, groupId);
  return {
    scope: { kind: 'group', id: groupId },
    name: scope.name,
    whole: scope.excludedEstablishments === 0,
    readDashboard: reader(context, scope),
  };
}

/** The whole dashboard of a scope, for the monthly job (every establishment of a group). */
export function wholeDashboard(context: AppContext): (scope: ReportScope) => DashboardReader {
  return (reportScope) => async (range) => {
    if (reportScope.kind === 'establishment')
      return readDashboard(context, await establishmentScope(context, reportScope.id, 'full'), range);
    const group = await repository.groupWithEstablishments(context.storage.db, reportScope.id);
    if (group === undefined) throw notFound();
    const scope: DashboardScope = {
      kind: 'group',
      id: reportScope.id,
      name: group.name,
      establishments: group.establishments,
      excludedEstablishments: 0,
      view: 'full',
    };
    return readDashboard(context, scope, range);
  };
}
