// Every API request carries the agent's Finesse credentials; the principal comes from Finesse.
// Credentials are checked in onRequest, before the body is read, so an unauthenticated client
// cannot hold a connection open with a slow body or make the server parse what it sends.
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { upsertAgent } from '../../../db/queries/agents.ts';
import type { Config } from '../../../config/settings.ts';
import type { Principal } from '../../../domain/types.ts';
import { FinesseAuth, FinesseUnavailable, TooManyFailedLogins } from '../../services/finesse-auth.ts';

declare module 'fastify' {
  interface FastifyInstance {
    finesseAuth: FinesseAuth;
    /** Hook: 401 without valid Finesse credentials, else sets request.principal (once per request). */
    authenticate(req: FastifyRequest, reply: FastifyReply): Promise<void>;
    /** Hook: like authenticate, and 403 unless the principal is an admin. */
    requireAdmin(req: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
  interface FastifyRequest {
    principal: Principal;
  }
}

export const DEFAULT_FINESSE_URL = 'http://127.0.0.1:8082';

/** Paths whose every request needs Finesse credentials (the IVR has its own Basic user). */
const PROTECTED = /^\/(api\/v1\/|graphql(\?|$))/;

/** REST answers { error, message }; GraphQL answers in its own shape with a stable extensions.code. */
function refuse(req: FastifyRequest, reply: FastifyReply, status: number, code: string, message: string): void {
  const graphql = req.url === '/graphql' || req.url.startsWith('/graphql?');
  reply.code(status).send(graphql ? { data: null, errors: [{ message, extensions: { code: code.toUpperCase() } }] } : { error: code, message });
}

export default fp<{ config: Config }>(async (app, { config }) => {
  const finesseUrl = config.finesseUrl ?? `http://127.0.0.1:${config.sim.finessePort}`;
  const finesseAuth = new FinesseAuth({
    finesseUrl,
    adminUsers: config.adminUsers,
    cacheSeconds: config.authCacheSeconds,
    cacheMax: config.authLimits.cacheMax,
    ids: config.sso.enabled ? { ...config.sso, idsUrl: config.sso.idsUrl ?? finesseUrl } : null,
    limits: config.authLimits,
  });
  const seen = new Set<string>();
  app.decorate('finesseAuth', finesseAuth);
  app.decorateRequest('principal', null as unknown as Principal);

  async function authenticate(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (req.principal) return;
    let principal: Principal | null;
    try {
      principal = await finesseAuth.verify(req.headers.authorization, req.headers['x-finesse-user'] as string | undefined, req.ip);
    } catch (e) {
      if (e instanceof TooManyFailedLogins) {
        reply.header('retry-after', String(e.retryAfterSeconds)).header('connection', 'close');
        return refuse(req, reply, 429, 'too_many_failed_logins', 'Too many failed logins; try again later.');
      }
      if (e instanceof FinesseUnavailable) return refuse(req, reply, 503, 'finesse_unavailable', 'Finesse is unavailable');
      throw e;
    }
    // Closing makes Node drop the rest of an unread body instead of draining it.
    if (!principal) return refuse(req, reply.header('www-authenticate', 'Basic realm="Finesse"').header('connection', 'close'), 401, 'unauthorized', 'unauthorized');
    req.principal = principal;
    // Remember agents as Finesse describes them: supervisors pick from them, bookings check them.
    if (!seen.has(principal.id)) {
      await upsertAgent(app.db, { id: principal.id, firstName: principal.firstName ?? principal.id, lastName: principal.lastName ?? '', teamId: principal.teamId, teamName: principal.teamName, role: principal.role });
      seen.add(principal.id);
    }
  }
  app.decorate('authenticate', authenticate);
  app.decorate('requireAdmin', async (req: FastifyRequest, reply: FastifyReply) => {
    await authenticate(req, reply);
    if (!reply.sent && req.principal?.role !== 'admin') return void reply.code(403).send({ error: 'forbidden' });
  });
  // Before the body: every API route and GraphQL over HTTP (a websocket authenticates in connection_init).
  app.addHook('onRequest', async (req, reply) => {
    if (!PROTECTED.test(req.url) || req.headers.upgrade?.toLowerCase() === 'websocket') return;
    if (req.method === 'OPTIONS') return; // CORS preflights carry no credentials
    await authenticate(req, reply);
  });
}, { name: 'auth', dependencies: ['database'] });
