import type { AnalyticsIncidentTable, Row } from '../../db/schema.js';
import type { EventRow } from '../../incidents/repository.js';
import { analyticsIncidentRow } from '../incident-row.js';
import type { KeysetSource } from './keyset.js';
import { afterPosition } from './keyset-where.js';

/**
 * Incidents changed since the watermark are rewritten whole in analytics_incidents: their status,
 * severity and milestones are current states. Every change of an incident (its events included)
 * goes through incidents/repository.ts, which bumps updated_at.
 */
export const INCIDENTS: KeysetSource<Row<'incidents'>> = {
  name: 'incidents',
  mode: 'replace',
  read: (db, after, until, limit) =>
    db
      .selectFrom('incidents')
      .selectAll()
      .where((eb) => afterPosition(eb, 'updated_at', 'id', after, until))
      .orderBy('updated_at')
      .orderBy('id')
      .limit(limit)
      .execute(),
  positionOf: (row) => ({ at: row.updated_at, id: row.id }),
  async apply(trx, rows) {
    const events = await trx
      .selectFrom('incident_events')
      .select(['id', 'incident_id', 'at', 'kind', 'detail'])
      .where(
        'incident_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('incident_id')
      .orderBy('at')
      .orderBy('id')
      .execute();
    const byIncident = new Map<string, EventRow[]>();
    for (const event of events) {
      const list = byIncident.get(event.incident_id) ?? [];
      list.push({
        id: event.id,
        incidentId: event.incident_id,
        at: event.at,
        actorId: null,
        actorName: null,
        kind: event.kind,
        detail: event.detail,
      });
      byIncident.set(event.incident_id, list);
    }
    const values: AnalyticsIncidentTable[] = rows.map((row) =>
      analyticsIncidentRow(row, byIncident.get(row.id) ?? []),
    );
    // 17 parameters a row: 200 rows a statement stays under SQLite's and PostgreSQL's limits.
    for (let start = 0; start < values.length; start += 200) {
      await trx
        .insertInto('analytics_incidents')
        .values(values.slice(start, start + 200))
        .onConflict((oc) =>
          oc.columns(['establishment_id', 'opened_day', 'incident_id']).doUpdateSet((eb) => ({
            opened_at: eb.ref('excluded.opened_at'),
            severity: eb.ref('excluded.severity'),
            category: eb.ref('excluded.category'),
            status: eb.ref('excluded.status'),
            qualify_minutes: eb.ref('excluded.qualify_minutes'),
            qualify_due_at: eb.ref('excluded.qualify_due_at'),
            qualify_within: eb.ref('excluded.qualify_within'),
            first_action_minutes: eb.ref('excluded.first_action_minutes'),
            first_action_due_at: eb.ref('excluded.first_action_due_at'),
            first_action_within: eb.ref('excluded.first_action_within'),
            next_due_at: eb.ref('excluded.next_due_at'),
            closed_at: eb.ref('excluded.closed_at'),
            source_updated_at: eb.ref('excluded.source_updated_at'),
          })),
        )
        .execute();
    }
  },
};
