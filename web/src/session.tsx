// The signed-in user, shared by every page, and what their roles allow.
import { createContext, useContext } from 'react';
import type { z } from 'zod';
import { scopesFor, type Action } from '../../src/access/rules.ts';
import type { Me as MeSchema } from '../../src/accounts/schema.ts';

export type Me = z.infer<typeof MeSchema>;

export interface Session {
  me: Me;
  /** Reloads `GET /api/me` (after enrolment, a password change, a language change). */
  refresh(): Promise<void>;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in page');
  return s;
}

/** Whether the user's roles grant the action at any scope (the server still decides). */
export function can(me: Me, action: Action): boolean {
  return scopesFor(me.user.roles, action).length > 0;
}

export function useCan(): (action: Action) => boolean {
  const { me } = useSession();
  return (action) => can(me, action);
}
