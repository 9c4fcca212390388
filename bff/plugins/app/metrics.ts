// Prometheus metrics at /metrics: request counts and latency, and callbacks per status
// (read from the database at scrape time, so every instance reports the same truth).
import fp from 'fastify-plugin';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { CALLBACK_STATES } from '../../../domain/types.ts';
import type { SecuritySettings } from '../../../config/settings.ts';
import { opsGuard } from './ops-access.ts';
import { DEPENDENCIES, listDependencyFailureCounts } from '../../../db/queries/dependency-status.ts';
import { dependencyWatch } from '../../../db/dependency-watch.ts';
import { FinesseUnavailable } from '../../services/finesse-auth.ts';

export default fp<{ security: SecuritySettings }>(async (app, opts) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({ name: 'cm_http_requests_total', help: 'HTTP requests', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const latency = new Histogram({ name: 'cm_http_request_seconds', help: 'HTTP request latency', labelNames: ['method', 'route'], registers: [registry], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
  new Gauge({
    name: 'cm_callbacks',
    help: 'Callbacks per status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const rows = (await app.db.models.Callback.findAll({
        attributes: ['status', [app.db.sequelize.fn('COUNT', app.db.sequelize.col('id')), 'count']],
        group: ['status'],
        raw: true,
      })) as unknown as Array<{ status: string; count: number | string }>;
      const counts = new Map(rows.map((r) => [r.status, Number(r.count)]));
      for (const status of CALLBACK_STATES) this.set({ status }, counts.get(status) ?? 0);
    },
  });
  // Failures of UCCX, Finesse and db_cra as counted in the database by every instance and worker.
  const failureCounters = DEPENDENCIES.map((name) => new Counter({ name: `cm_${name}_failures_total`, help: `Failed calls to ${name}, by cause`, labelNames: ['cause'], registers: [registry] }));
  const collectFailures = async () => {
    const counts = await listDependencyFailureCounts(app.db);
    DEPENDENCIES.forEach((name, i) => {
      failureCounters[i].reset();
      for (const c of counts.filter((r) => r.name === name)) failureCounters[i].inc({ cause: c.cause }, c.count);
    });
  };

  // Finesse is called by the auth plugin: its failures (no answer, 5xx) are watched here.
  const finesse = dependencyWatch(app.db, 'finesse', app.log);
  // verifySession is what REST, GraphQL and websockets all go through (verify calls it).
  const verifySession = app.finesseAuth.verifySession.bind(app.finesseAuth);
  app.finesseAuth.verifySession = async (...args: Parameters<typeof verifySession>) => {
    try {
      const session = await verifySession(...args);
      finesse.success();
      return session;
    } catch (err) {
      if (err instanceof FinesseUnavailable) {
        const status = /answered (\d{3})/.exec(err.message)?.[1];
        finesse.failure(err, status ? `http_${status}` : 'unreachable');
      }
      throw err;
    }
  };

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unknown';
    requests.inc({ method: req.method, route, status: String(reply.statusCode) });
    latency.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true }, preHandler: opsGuard(app, opts.security, true) }, async (_req, reply) => {
    await collectFailures();
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}, { name: 'metrics', dependencies: ['database', 'auth'] });
