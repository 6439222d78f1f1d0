import type { Role } from '../db/schema.js';
import type { AppContext } from '../http/context.js';
import type { DashboardEstablishment } from './dashboard-data.js';
import { GROUP_DASHBOARD_ROLES } from './policy.js';

export interface ReadableGroup {
  readonly id: string;
  readonly name: string;
  /** The group's establishments the reader's roll-up counts. */
  readonly establishments: readonly DashboardEstablishment[];
}

/** The groups of the establishments where the reader holds a group-dashboard role. */
export async function readableGroups(
  context: AppContext,
  roles: ReadonlyMap<string, Role>,
): Promise<ReadableGroup[]> {
  const ids = [...roles].filter(([, role]) => GROUP_DASHBOARD_ROLES.includes(role)).map(([id]) => id);
  if (ids.length === 0) return [];
  const rows = await context.storage.db
    .selectFrom('establishments')
    .innerJoin('establishment_groups', 'establishment_groups.id', 'establishments.group_id')
    .select([
      'establishment_groups.id as groupId',
      'establishment_groups.name as groupName',
      'establishments.id',
      'establishments.name',
    ])
    .where('establishments.id', 'in', ids)
    .orderBy('establishment_groups.name')
    .orderBy('establishments.name')
    .execute();
  const groups = new Map<string, { id: string; name: string; establishments: DashboardEstablishment[] }>();
  for (const row of rows) {
    const group = groups.get(row.groupId) ?? { id: row.groupId, name: row.groupName, establishments: [] };
    group.establishments.push({ id: row.id, name: row.name });
    groups.set(row.groupId, group);
  }
  return [...groups.values()];
}
