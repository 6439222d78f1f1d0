import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { ApiError, client, setCsrfToken, unwrap } from '../api/client';
import type { Session } from '../api/types';
import { SessionContext, type SessionState } from './session-context';

const SESSION_KEY = ['session'] as const;
const ESTABLISHMENT_KEY = 'blouse.establishment';

/** The current session, or null when the server says 401 (signed out or expired). */
async function fetchSession(): Promise<Session | null> {
  try {
    const session = await unwrap(client.GET('/api/session'));
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

function readStoredEstablishment(): string | null {
  try {
    return localStorage.getItem(ESTABLISHMENT_KEY);
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 5 * 60_000 });
  const [chosen, setChosen] = useState<string | null>(readStoredEstablishment);

  const session = query.isPending ? undefined : (query.data ?? null);
  const memberships = session?.memberships ?? [];
  // A stored choice that is no longer one of the person's establishments falls back to the first.
  const membership = memberships.find((m) => m.establishmentId === chosen) ?? memberships[0] ?? null;

  const chooseEstablishment = useCallback(
    (establishmentId: string) => {
      setChosen(establishmentId);
      try {
        localStorage.setItem(ESTABLISHMENT_KEY, establishmentId);
      } catch {
        // Not remembered across visits; still switched now.
      }
      // Data from one establishment must never show under another.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    },
    [queryClient],
  );

  const signIn = useCallback(
    async (email: string, password: string) => {
      const signedIn = await unwrap(client.POST('/api/session', { body: { email, password } }));
      setCsrfToken(signedIn.csrfToken);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, signedIn);
      return signedIn;
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await unwrap(client.DELETE('/api/session'));
    } finally {
      setCsrfToken(null);
      // Keep the session query (clear() would detach the page from it, which then never learns
      // it is signed out); drop every other cached answer, which belonged to the signed-in user.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, null);
    }
  }, [queryClient]);

  const value = useMemo<SessionState>(
    () => ({
      session,
      membership,
      role: membership?.role ?? null,
      chooseEstablishment,
      signIn,
      signOut,
    }),
    [session, membership, chooseEstablishment, signIn, signOut],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
