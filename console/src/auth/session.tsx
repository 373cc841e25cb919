import { createContext, ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { ApiClient, ApiError } from '../api/client';
import { HubApi } from '../api/endpoints';
import { Me, Role } from '../api/types';

const STORAGE = 'mdm.console.session';
const RANK: Record<Role, number> = { reader: 1, steward: 2, admin: 3 };

interface Stored {
  readonly key: string;
  readonly me: Me;
}

export interface Session {
  readonly me: Me;
  readonly api: HubApi;
  can(role: Role): boolean;
  signOut(reason?: 'expired'): void;
}

interface SessionState {
  readonly session: Session | null;
  readonly endedReason: 'expired' | null;
  signIn(key: string): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

function readStored(): Stored | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORAGE) ?? 'null') as Stored | null;
    return stored && typeof stored.key === 'string' && stored.me ? stored : null;
  } catch {
    return null;
  }
}

/** The API key lives in sessionStorage only: closing the tab signs out; the role decides what is offered. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [stored, setStored] = useState<Stored | null>(readStored);
  const [endedReason, setEndedReason] = useState<'expired' | null>(null);

  const signOut = useCallback((reason?: 'expired') => {
    sessionStorage.removeItem(STORAGE);
    setEndedReason(reason ?? null);
    setStored(null);
  }, []);

  const signIn = useCallback(async (key: string) => {
    const me = await new HubApi(new ApiClient(key)).me();
    const next = { key, me };
    sessionStorage.setItem(STORAGE, JSON.stringify(next));
    setEndedReason(null);
    setStored(next);
  }, []);

  const session = useMemo<Session | null>(() => {
    if (!stored) return null;
    const api = new HubApi(new ApiClient(stored.key, () => signOut('expired')));
    return { me: stored.me, api, can: (role) => RANK[stored.me.role] >= RANK[role], signOut };
  }, [stored, signOut]);

  const value = useMemo(() => ({ session, endedReason, signIn }), [session, endedReason, signIn]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionState(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSessionState outside SessionProvider');
  return state;
}

/** Inside the signed-in part of the app. */
export function useSession(): Session {
  const { session } = useSessionState();
  if (!session) throw new Error('useSession while signed out');
  return session;
}

export { ApiError };
