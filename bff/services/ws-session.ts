// A websocket is authenticated once, in connection_init; it must not outlive its credentials.
// When the verification's lifetime ends (the SSO token's expiry or the cache entry's end) the
// credentials are verified again: still valid → watch on; otherwise the socket is closed, which
// ends its subscriptions (the gadget reconnects with a fresh token).
import type { FastifyInstance } from 'fastify';

export interface SocketCredentials {
  authorization: string | undefined;
  user: string | undefined;
}

interface ClosableSocket {
  close(code?: number, reason?: string): void;
  once(event: 'close', listener: () => void): unknown;
  readyState: number;
}

/** Close codes: 4401 credentials no longer valid (graphql-ws uses 44xx for auth), 1013 try again later. */
export const CLOSE_EXPIRED = 4401;
export const CLOSE_UNAVAILABLE = 1013;

const MAX_TIMER_MS = 2 ** 31 - 1;
const watched = new WeakSet<object>();

export function watchSocketCredentials(app: FastifyInstance, socket: ClosableSocket, principalId: string, credentials: SocketCredentials, expiresAt: number): void {
  if (watched.has(socket)) return;
  watched.add(socket);
  let timer: ReturnType<typeof setTimeout> | null = null;
  const arm = (at: number) => {
    timer = setTimeout(recheck, Math.min(MAX_TIMER_MS, Math.max(0, at - Date.now())));
    timer.unref?.();
  };
  const recheck = async () => {
    timer = null;
    if (socket.readyState !== 1) return;
    try {
      const session = await app.finesseAuth.verifySession(credentials.authorization, credentials.user);
      if (session && session.principal.id === principalId && session.expiresAt > Date.now()) return arm(session.expiresAt);
      app.log.info({ user: session?.principal.id ?? credentials.user }, 'websocket closed: credentials expired');
      socket.close(CLOSE_EXPIRED, 'credentials expired');
    } catch (e) {
      app.log.warn({ err: (e as Error).message }, 'websocket closed: credentials could not be re-verified');
      socket.close(CLOSE_UNAVAILABLE, 'credentials could not be re-verified');
    }
  };
  socket.once('close', () => {
    if (timer) clearTimeout(timer);
  });
  arm(expiresAt);
}
