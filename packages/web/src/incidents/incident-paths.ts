/** The incident's API address; every id is encoded, they come from the address bar. */
export function incidentPath(establishmentId: string, incidentId: string, rest = ''): string {
  return `/api/establishments/${encodeURIComponent(establishmentId)}/incidents/${encodeURIComponent(incidentId)}${rest}`;
}

/** The path parameters of the incident's API routes, for the typed client. */
export const incidentParams = (establishmentId: string, incidentId: string) => ({
  params: { path: { establishmentId, incidentId } },
});

/** Query keys shared by the panels, so a change refreshes exactly what it touched. */
export const incidentKeys = {
  detail: (establishmentId: string, incidentId: string) => ['incident', establishmentId, incidentId],
  timeline: (establishmentId: string, incidentId: string) => [
    'incident-timeline',
    establishmentId,
    incidentId,
  ],
  evidence: (establishmentId: string, incidentId: string) => [
    'incident-evidence',
    establishmentId,
    incidentId,
  ],
};
