import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../api/client';
import { useSignedIn } from '../session/session-context';
import { incidentKeys, incidentParams } from './incident-paths';

/** The history (an audited read): shared by the comments and the timeline, fetched once. */
export function useTimeline(incidentId: string) {
  const { membership } = useSignedIn();
  return useQuery({
    queryKey: incidentKeys.timeline(membership.establishmentId, incidentId),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/incidents/{incidentId}/timeline', {
          ...incidentParams(membership.establishmentId, incidentId),
          signal,
        }),
      ),
    staleTime: 60_000,
  });
}
