// Every API request carries the agent's Finesse credentials; the principal comes from Finesse.
// Credentials are checked in onRequest, before the body is read, so an unauthenticated client
// cannot hold a connection open with a slow body or make the server parse what it sends.
// Systems (a CRM, the UCCX inbound script) authenticate with a service account's API key instead
// (`Bearer cm_…`, or Basic `apikey:cm_…` for UCCX's Make REST Call): its identity is the account,
// it reaches only the routes its scopes name, books only in its campaigns, is rate limited per
// account, and each booking or cancel is audited.
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { upsertAgent } from '../../../db/queries/agents.ts';
import type { Config } from '../../../config/settings.ts';
import type { Principal } from '../../../domain/types.ts';
import { FinesseAuth, FinesseUnavailable, TooManyFailedLogins } from '../../services/finesse-auth.ts';
import type { ServiceAccount, ServiceScope } from '../../../db/queries/service-accounts.ts';
import { accountForKey, auditServiceAction, isServiceKeyHeader, principalOf } from '../../services/service-accounts.ts';

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
    /** Set when the caller authenticated with a service account's key. */
    serviceAccount: ServiceAccount | null;
  }
}

export const DEFAULT_FINESSE_URL = 'http://127.0.0.1:8082';

/** Paths whose every request needs Finesse credentials (the IVR has its own Basic user). */
const PROTECTED = /^\/(api\/v1\/|graphql(\?|$))/;

/** The only routes a service account reaches, and the scope each needs (everything else: 403). */
const SERVICE_ROUTES: Readonly<Record<string, ServiceScope>> = {
  'POST /api/v1/callbacks': 'book',
  'POST /api/v1/callbacks/:id/cancel': 'book',
  'GET /api/v1/availability': 'book',
  'GET /api/v1/callbacks': 'read_own',
  'GET /api/v1/callbacks/:id': 'read_own',
  'GET /api/v1/callbacks/:id/history': 'read_own',
};
/** Requests per minute per service account (a web form or an IVR books far fewer). */
export const SERVICE_ACCOUNT_RATE_PER_MINUTE = 120;

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
  app.decorateRequest('serviceAccount', null);
  const serviceLimit = app.rateLimit({ max: SERVICE_ACCOUNT_RATE_PER_MINUTE, timeWindow: 60_000, keyGenerator: (req) => `sa:${req.serviceAccount?.id}` });

  /** A service account's key: who it is, whether this route is within its scopes, and its rate. */
  async function authenticateService(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const account = await accountForKey(app.services, req.headers.authorization);
    if (!account) return refuse(req, reply.header('connection', 'close'), 401, 'unauthorized', 'unknown or revoked API key');
    const scope = SERVICE_ROUTES[`${req.method} ${req.routeOptions.url ?? ''}`];
    if (!scope || !account.scopes.includes(scope)) return refuse(req, reply, 403, 'forbidden', scope ? `this API key lacks the ${scope} scope` : 'not available to API keys');
    req.serviceAccount = account;
    req.principal = principalOf(account);
    await serviceLimit.call(app, req, reply);
  }

  async function authenticate(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (req.principal || reply.sent) return;
    if (isServiceKeyHeader(req.headers.authorization)) return authenticateService(req, reply);
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
    // Returning the reply tells Fastify the answer is given, so the handler does not run after it
    // (a refusal sent inside a hook is not yet `sent`: its status tells).
    if (reply.sent || reply.statusCode >= 400) return reply as unknown as void;
    if (req.principal?.role !== 'admin') return reply.code(403).send({ error: 'forbidden' }) as unknown as void;
  });
  // Before the body: every API route and GraphQL over HTTP (a websocket authenticates in connection_init).
  app.addHook('onRequest', async (req, reply) => {
    if (!PROTECTED.test(req.url) || req.headers.upgrade?.toLowerCase() === 'websocket') return;
    if (req.method === 'OPTIONS') return; // CORS preflights carry no credentials
    await authenticate(req, reply);
    if (reply.sent || reply.statusCode >= 400) return reply;
  });
  // A service account books, and reads free slots, only in the campaigns it was given (the body is read by now).
  app.addHook('preHandler', async (req, reply) => {
    const account = req.serviceAccount;
    const route = `${req.method} ${req.routeOptions.url}`;
    if (!account || (route !== 'POST /api/v1/callbacks' && route !== 'GET /api/v1/availability')) return;
    const campaign = ((route.startsWith('POST') ? req.body : req.query) as { campaign?: unknown } | null)?.campaign;
    if (typeof campaign !== 'string' || !account.campaigns.includes(campaign)) {
      refuse(req, reply, 403, 'forbidden', 'this API key may not book in this campaign');
      return reply;
    }
  });
  // What a service account changed is audited (who: the account; what: the callback and its state).
  app.addHook('onSend', async (req, reply, payload) => {
    const account = req.serviceAccount;
    if (!account || req.method !== 'POST' || reply.statusCode >= 300 || typeof payload !== 'string') return payload;
    let body: { id?: number; status?: string; campaign?: string };
    try {
      body = JSON.parse(payload);
    } catch {
      return payload;
    }
    const action = req.routeOptions.url === '/api/v1/callbacks' ? 'book' : 'cancel';
    if (body.id) await auditServiceAction(app.services, account, action, `callback:${body.id}`, { status: body.status, campaign: body.campaign });
    return payload;
  });
}, { name: 'auth', dependencies: ['database', 'services', 'rate-limit'] });
