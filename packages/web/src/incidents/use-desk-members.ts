import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { DeskMember } from '../api/types';
import { useSignedIn } from '../session/session-context';

/** The establishment's desk members (id, name, handle), to assign an incident or mention someone. */
export function useDeskMembers() {
  const { membership } = useSignedIn();
  const establishmentId = membership.establishmentId;
  return useQuery({
    queryKey: ['desk-members', establishmentId],
    queryFn: ({ signal }) =>
      api<{ items: DeskMember[] }>(
        `/api/establishments/${encodeURIComponent(establishmentId)}/desk-members`,
        {
          signal,
        },
      ),
    staleTime: 5 * 60_000,
    select: (data) => data.items,
  });
}
