import { createContext } from '@lit/context';
import type { CallbackApi } from '../api/api-client.ts';

/** The GraphQL API client every component talks to the BFF through. */
export const apiContext = createContext<CallbackApi | undefined>(Symbol('cb-api'));
