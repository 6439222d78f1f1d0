import { createContext, useContext } from 'react';
import type { Membership, Role, Session } from '../api/types';

export interface SessionState {
  /** null while signed out; undefined while the first GET /api/session is on its way. */
  session: Session | null | undefined;
  /** The establishment the person works in right now (they may belong to several). */
  membership: Membership | null;
  role: Role | null;
  chooseEstablishment: (establishmentId: string) => void;
  signIn: (email: string, password: string) => Promise<Session>;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (state === null) throw new Error('useSession hors de SessionProvider');
  return state;
}

/** For pages behind RequireSession: the session and establishment are known there. */
export function useSignedIn(): SessionState & { session: Session; membership: Membership; role: Role } {
  const state = useSession();
  if (!state.session || state.membership === null || state.role === null) {
    throw new Error('useSignedIn hors de RequireSession');
  }
  return state as SessionState & { session: Session; membership: Membership; role: Role };
}
