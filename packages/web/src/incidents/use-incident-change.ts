import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { IncidentDetail, IncidentState } from '../api/types';
import { useSignedIn } from '../session/session-context';
import { incidentKeys } from './incident-paths';

/**
 * One change to the incident (qualify, move, decide, assign, dates). The server answers with
 * the new state: it is merged into the page at once, and the history is refetched. A 409 means
 * someone else changed the incident meanwhile: the page keeps what the person typed and the
 * panel shows the server's French message with a « Recharger » button (ChangeError); reloading
 * is their choice, since it replaces their input with the other person's values.
 */
export function useIncidentChange<Vars>(
  incident: IncidentDetail,
  run: (vars: Vars) => Promise<IncidentState>,
) {
  const queryClient = useQueryClient();
  const { membership } = useSignedIn();
  const detailKey = incidentKeys.detail(membership.establishmentId, incident.id);
  return useMutation({
    mutationFn: run,
    onSuccess: (state) => {
      queryClient.setQueryData<IncidentDetail>(detailKey, (old) => (old ? { ...old, ...state } : old));
      void queryClient.invalidateQueries({
        queryKey: incidentKeys.timeline(membership.establishmentId, incident.id),
      });
      void queryClient.invalidateQueries({ queryKey: ['incidents'] });
    },
  });
}

/** Refetches the incident and its history: what « Recharger » does after a 409. */
export function useReloadIncident(incidentId: string) {
  const queryClient = useQueryClient();
  const { membership } = useSignedIn();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({
        queryKey: incidentKeys.detail(membership.establishmentId, incidentId),
      }),
      queryClient.invalidateQueries({
        queryKey: incidentKeys.timeline(membership.establishmentId, incidentId),
      }),
    ]);
  };
}
