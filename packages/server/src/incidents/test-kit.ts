import { randomUUID } from 'node:crypto';
import { inUnit } from '../http/context.js';
import type { SignedIn, TestApp } from '../test-support/app.js';
import { openIncidentForReport } from './open-incident.js';

/** Texts the guard classifies surely: a threat (N3/N4) and a plain complaint (N0/N1). */
export const THREAT =
  'L’infirmière Sophie Martin habite au 12 rue des Lilas à Valmont, on va aller lui faire payer, elle va le regretter';
export const COMPLAINT =
  '4 h d’attente aux urgences, c’est honteux, personne ne nous informe. Service lamentable.';

/** Files a report and opens its incident, as the report route does. */
export function openIncident(t: TestApp, establishmentId: string, excerpt: string) {
  const reportId = randomUUID();
  const url = `https://social.example/p/${reportId}`;
  return inUnit(t.context, async (unit) => {
    await unit.trx
      .insertInto('reports')
      .values({
        id: reportId,
        establishment_id: establishmentId,
        reporter_id: null,
        follow_up_hash: null,
        url,
        network: 'Facebook',
        excerpt,
        seen_where: 'groupe local',
        note: '',
        first_published_at: null,
        created_at: unit.now.toISOString(),
      })
      .execute();
    return openIncidentForReport(unit, {
      establishmentId,
      reportId,
      url,
      network: 'Facebook',
      excerpt,
      firstPublishedAt: null,
    });
  });
}

/** Requests on one establishment's incidents as one user. */
export function deskClient(t: TestApp, establishmentId: string) {
  const url = (id = '', suffix = '') =>
    `/api/establishments/${establishmentId}/incidents${id === '' ? '' : `/${id}`}${suffix}`;
  const versionOf = async (id: string) =>
    Number(
      (
        await t.storage.db
          .selectFrom('incidents')
          .select('version')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).version,
    );
  return {
    url,
    versionOf,
    get: (user: SignedIn | null, path: string) => t.as(user, { method: 'GET', url: path }),
    send: (user: SignedIn | null, method: 'POST' | 'PATCH' | 'PUT', path: string, payload: unknown) =>
      t.as(user, { method, url: path, payload: payload as Record<string, unknown> }),
    audits: (action: string, targetId: string) =>
      t.storage.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', action)
        .where('target_id', '=', targetId)
        .execute(),
  };
}
