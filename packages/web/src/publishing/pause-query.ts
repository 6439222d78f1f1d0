import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../api/client';

export const pauseKey = (establishmentId: string) => ['publishing', establishmentId, 'pause'];

/** « Tout suspendre » for the establishment; every member may read it (it shows as a banner). */
export function usePause(establishmentId: string | null) {
  return useQuery({
    queryKey: pauseKey(establishmentId ?? ''),
    enabled: establishmentId !== null,
    // The switch is a crisis tool: a banner that lags a minute behind is acceptable, none is not.
    refetchInterval: 60_000,
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/publishing/pause', {
          params: { path: { establishmentId: establishmentId ?? '' } },
          signal,
        }),
      ),
  });
}
