// The Campaign Manager as one Fastify plugin (fastify/demo layout): external plugins, then the
// application's own plugins (database, services, auth), then the routes. server.ts runs it.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/settings.ts';
import cors from './plugins/external/cors.ts';
import swagger from './plugins/external/swagger.ts';
import staticFiles from './plugins/external/static.ts';
import helmet from './plugins/external/helmet.ts';
import rateLimit from './plugins/external/rate-limit.ts';
import database from './plugins/app/database.ts';
import services from './plugins/app/services.ts';
import auth from './plugins/app/auth.ts';
import errors, { frameworkErrors } from './plugins/app/errors.ts';
import metrics from './plugins/app/metrics.ts';
import health from './routes/health.ts';
import callbacks from './routes/api/v1/callbacks.ts';
import availabilityRoutes from './routes/api/v1/availability.ts';
import admin from './routes/api/v1/admin.ts';
import graphql from './routes/graphql.ts';
import { ivrRoutes } from '../ivr/routes.ts';

/** Server options app.ts needs from whoever creates the Fastify instance (server.ts, tests). */
export const serverOptions = {
  // Unknown body fields are an error (400), not silently dropped.
  ajv: { customOptions: { removeAdditional: false as const, coerceTypes: 'array' as const, allErrors: false } },
  // The router's own refusals answer with a documented error code too.
  frameworkErrors,
};

export interface AppOptions {
  config: Config;
  /** The clock every service reads; tests pin it. */
  now?: () => Date;
}

export default async function app(fastify: FastifyInstance, opts: AppOptions): Promise<void> {
  await fastify.register(cors);
  await fastify.register(helmet, { finesseOrigins: opts.config.security.finesseOrigins });
  await fastify.register(rateLimit, { ivrPerMinute: opts.config.security.ivrRatePerMinute });
  await fastify.register(swagger, { security: opts.config.security });
  await fastify.register(staticFiles, { publicUrl: opts.config.publicUrl });

  await fastify.register(errors);
  await fastify.register(database, { config: opts.config });
  await fastify.register(services, { config: opts.config, now: opts.now });
  await fastify.register(auth, { config: opts.config });
  await fastify.register(metrics, { security: opts.config.security });

  await fastify.register(health, { security: opts.config.security });
  await fastify.register(callbacks, { prefix: '/api/v1' });
  await fastify.register(availabilityRoutes, { prefix: '/api/v1' });
  await fastify.register(admin, { prefix: '/api/v1/admin' });
  await fastify.register(ivrRoutes, { prefix: '/ivr/v1', config: opts.config });
  await fastify.register(graphql, { security: opts.config.security });
}
