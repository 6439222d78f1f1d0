import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../api/client';
import { useSignedIn } from '../session/session-context';

/** The establishment's desk members (id, name, handle), to assign an incident or mention someone. */
export function useDeskMembers() {
  const { membership } = useSignedIn();
  const establishmentId = membership.establishmentId;
  return useQuery({
    queryKey: ['desk-members', establishmentId],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/establishments/{establishmentId}/desk-members', {
          params: { path: { establishmentId } },
          signal,
        }),
      ),
    staleTime: 5 * 60_000,
    select: (data) => data.items,
  });
}
