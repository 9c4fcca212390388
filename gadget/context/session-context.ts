import { createContext } from '@lit/context';
import type { Role } from '../api/types.ts';
import type { Locale } from '../i18n/i18n.ts';

/** Who uses the gadget, as Finesse (and the Campaign Manager's `me`) describe him. */
export interface Session {
  agentId: string;
  firstName: string;
  lastName: string;
  role: Role;
  teamId: string | null;
  teamName: string | null;
  extension: string;
  locale: Locale;
}

export const sessionContext = createContext<Session | undefined>(Symbol('cb-session'));
