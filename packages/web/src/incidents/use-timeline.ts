import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { TimelineEntry } from '../api/types';
import { useSignedIn } from '../session/session-context';
import { incidentKeys, incidentPath } from './incident-paths';

/** The history (an audited read): shared by the comments and the timeline, fetched once. */
export function useTimeline(incidentId: string) {
  const { membership } = useSignedIn();
  return useQuery({
    queryKey: incidentKeys.timeline(membership.establishmentId, incidentId),
    queryFn: ({ signal }) =>
      api<{ items: TimelineEntry[] }>(incidentPath(membership.establishmentId, incidentId, '/timeline'), {
        signal,
      }),
    staleTime: 60_000,
  });
}
