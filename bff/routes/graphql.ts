// The gadget's GraphQL endpoint (POST /graphql) and its subscriptions (websocket on /graphql).
// HTTP requests are authenticated by the auth plugin's onRequest hook (before the body); a
// websocket (which a browser cannot give headers) sends the same header in the connection_init
// payload, and is closed when its credentials' lifetime ends and they no longer verify.
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import mercurius from 'mercurius';
import { buildResolvers, CALLBACK_CHANGED } from '../graphql/resolvers.ts';
import type { Principal } from '../../domain/types.ts';
import { FinesseUnavailable, TooManyFailedLogins } from '../services/finesse-auth.ts';
import { watchSocketCredentials, type SocketCredentials } from '../services/ws-session.ts';
import { errorFormatter, refuseBeyondLimits, refuseUnsafeVariables } from '../graphql/guards.ts';
import type { SecuritySettings } from '../../config/settings.ts';

const schema = readFileSync(new URL('../graphql/schema.graphql', import.meta.url), 'utf8');

const header = (headers: Record<string, unknown>, name: string): string | undefined => {
  const value = headers[name] ?? headers[name.replace(/(^|-)(\w)/g, (_m, dash: string, c: string) => dash + c.toUpperCase())];
  return typeof value === 'string' ? value : undefined;
};

export default async function graphql(app: FastifyInstance, opts: { security: SecuritySettings }): Promise<void> {
  await app.register(mercurius, {
    schema,
    resolvers: buildResolvers(app) as never,
    graphiql: false,
    // Limits and coded errors: ../graphql/guards.ts.
    queryDepth: opts.security.graphqlMaxDepth,
    errorFormatter,
    context: async (req: FastifyRequest, reply: FastifyReply) => {
      if (req.principal) return { principal: req.principal };
      // Only reached when the onRequest hook did not run (e.g. an inject without the prefix): fail closed.
      reply.code(401);
      throw new mercurius.ErrorWithProps('unauthorized', { code: 'UNAUTHORIZED' }, 401);
    },
    subscription: {
      // The socket, for the expiry watch.
      context: (socket: unknown) => ({ wsSocket: socket }),
      onConnect: async ({ payload }: { payload?: Record<string, unknown> }) => {
        const headers = (payload?.headers as Record<string, unknown> | undefined) ?? payload ?? {};
        const credentials: SocketCredentials = { authorization: header(headers, 'authorization'), user: header(headers, 'x-finesse-user') };
        try {
          const session = await app.finesseAuth.verifySession(credentials.authorization, credentials.user);
          return session ? { principal: session.principal, wsCredentials: credentials, wsExpiresAt: session.expiresAt } : false;
        } catch (e) {
          if (e instanceof TooManyFailedLogins || e instanceof FinesseUnavailable) return false;
          throw e;
        }
      },
    },
  });

  // Once per socket, when its first subscription starts: close it when its credentials lapse.
  app.graphql.addHook('preSubscriptionExecution', async (_schema, _document, context) => {
    const c = context as unknown as { wsSocket?: unknown; wsCredentials?: SocketCredentials; wsExpiresAt?: number; principal?: Principal };
    if (c.wsSocket && c.principal && c.wsCredentials && c.wsExpiresAt) watchSocketCredentials(app, c.wsSocket as never, c.principal.id, c.wsCredentials, c.wsExpiresAt);
  });

  const limits = refuseBeyondLimits(opts.security);
  app.graphql.addHook('preValidation', limits);
  app.graphql.addHook('preSubscriptionExecution', (schema, document) => limits(schema, document));
  app.graphql.addHook('preExecution', refuseUnsafeVariables);

  // Changes made through this instance reach subscribers at once.
  app.services.events.on('changed', (callback) => {
    void app.graphql.pubsub.publish({ topic: CALLBACK_CHANGED, payload: { callbackChanged: callback } });
  });
}
