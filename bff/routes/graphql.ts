// The gadget's GraphQL endpoint (POST /graphql) and its subscriptions (websocket on /graphql).
// HTTP requests authenticate with the Finesse header; a websocket (which a browser cannot give
// headers) sends the same header in the connection_init payload.
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import mercurius from 'mercurius';
import { buildResolvers, CALLBACK_CHANGED } from '../graphql/resolvers.ts';
import type { Principal } from '../../domain/types.ts';
import { FinesseUnavailable } from '../services/finesse-auth.ts';
import { errorFormatter, refuseBeyondLimits, refuseUnsafeVariables } from '../graphql/guards.ts';
import type { SecuritySettings } from '../../config/settings.ts';

const schema = readFileSync(new URL('../graphql/schema.graphql', import.meta.url), 'utf8');

export default async function graphql(app: FastifyInstance, opts: { security: SecuritySettings }): Promise<void> {
  const verify = async (authorization: unknown, user: unknown): Promise<Principal | null> =>
    app.finesseAuth.verify(typeof authorization === 'string' ? authorization : undefined, typeof user === 'string' ? user : undefined);

  await app.register(mercurius, {
    schema,
    resolvers: buildResolvers(app) as never,
    graphiql: false,
    // Limits and coded errors: ../graphql/guards.ts.
    queryDepth: opts.security.graphqlMaxDepth,
    errorFormatter,
    context: async (req: FastifyRequest, reply: FastifyReply) => {
      let principal: Principal | null = null;
      try {
        principal = await verify(req.headers.authorization, req.headers['x-finesse-user']);
      } catch (e) {
        if (!(e instanceof FinesseUnavailable)) throw e;
        reply.code(503);
        throw new mercurius.ErrorWithProps('Finesse is unavailable', { code: 'FINESSE_UNAVAILABLE' }, 503);
      }
      if (!principal) {
        reply.code(401);
        throw new mercurius.ErrorWithProps('unauthorized', { code: 'UNAUTHENTICATED' }, 401);
      }
      return { principal };
    },
    subscription: {
      onConnect: async ({ payload }: { payload?: Record<string, unknown> }) => {
        const headers = (payload?.headers as Record<string, unknown> | undefined) ?? payload ?? {};
        const principal = await verify(headers.authorization ?? headers.Authorization, headers['x-finesse-user']).catch(() => null);
        return principal ? { principal } : false;
      },
    },
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
