import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';
import type { IncidentDetail, IncidentState } from '../api/types';
import { useSignedIn } from '../session/session-context';
import { incidentKeys } from './incident-paths';

/**
 * One change to the incident (qualify, move, decide, assign, dates). The server answers with
 * the new state: it is merged into the page at once, and the history is refetched. A 409 means
 * someone else changed the incident meanwhile: the page reloads it so the next try sends the
 * fresh version, and the panel shows the server's French message.
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
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: detailKey });
    },
  });
}
