// Every API request carries the agent's Finesse credentials; the principal comes from Finesse.
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { upsertAgent } from '../../../db/queries/agents.ts';
import type { Config } from '../../../config/settings.ts';
import type { Principal } from '../../../domain/types.ts';
import { FinesseAuth, FinesseUnavailable } from '../../services/finesse-auth.ts';

declare module 'fastify' {
  interface FastifyInstance {
    finesseAuth: FinesseAuth;
    /** preHandler: 401 without valid Finesse credentials, else sets request.principal. */
    authenticate(req: FastifyRequest, reply: FastifyReply): Promise<void>;
    /** preHandler: like authenticate, and 403 unless the principal is an admin. */
    requireAdmin(req: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
  interface FastifyRequest {
    principal: Principal;
  }
}

export const DEFAULT_FINESSE_URL = 'http://127.0.0.1:8082';

export default fp<{ config: Config }>(async (app, { config }) => {
  const finesseAuth = new FinesseAuth({
    finesseUrl: config.finesseUrl ?? `http://127.0.0.1:${config.sim.finessePort}`,
    adminUsers: config.adminUsers,
    cacheSeconds: config.authCacheSeconds,
  });
  const seen = new Set<string>();
  app.decorate('finesseAuth', finesseAuth);
  app.decorateRequest('principal', null as unknown as Principal);

  async function authenticate(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    let principal: Principal | null;
    try {
      principal = await finesseAuth.verify(req.headers.authorization, req.headers['x-finesse-user'] as string | undefined);
    } catch (e) {
      if (e instanceof FinesseUnavailable) return void reply.code(503).send({ error: 'finesse_unavailable', message: e.message });
      throw e;
    }
    if (!principal) return void reply.code(401).header('www-authenticate', 'Basic realm="Finesse"').send({ error: 'unauthorized' });
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
}, { name: 'auth', dependencies: ['database'] });
