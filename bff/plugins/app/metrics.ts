// Prometheus metrics at /metrics: request counts and latency, and callbacks per status
// (read from the database at scrape time, so every instance reports the same truth).
// What the jobs observe: heartbeats, sync lag and dependency reachability are read from the
// database (every instance reports every job); due → import lag and import failures are messaged
// by this instance's dispatch worker (jobs/job-metrics.ts) and are per instance. docs/deploy.md, Monitoring.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { CALLBACK_STATES } from '../../../domain/types.ts';
import type { SecuritySettings } from '../../../config/settings.ts';
import { opsGuard } from './ops-access.ts';
import { DEPENDENCIES, listDependencyFailureCounts } from '../../../db/queries/dependency-status.ts';
import { dependencyWatch } from '../../../db/dependency-watch.ts';
import { FinesseUnavailable } from '../../services/finesse-auth.ts';
import { listDependencyStatus } from '../../../db/queries/dependency-status.ts';
import { listHeartbeats } from '../../../jobs/queries/heartbeats.ts';
import { listSyncReadTimes } from '../../../jobs/queries/sync-state.ts';
import { onJobMetric } from '../../../jobs/job-metrics.ts';

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

  registerJobMetrics(app, registry);

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

  // Labels are the route's template (never the raw URL), so the series stay few. prom-client
  // hashes a label object on every call; each series' child is looked up once and kept instead.
  const series = new Map<string, { latency: ReturnType<typeof latency.labels>; byStatus: Map<number, ReturnType<typeof requests.labels>> }>();
  app.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? 'unknown';
    const key = `${req.method} ${route}`;
    let s = series.get(key);
    if (!s) series.set(key, (s = { latency: latency.labels({ method: req.method, route }), byStatus: new Map() }));
    let count = s.byStatus.get(reply.statusCode);
    if (!count) s.byStatus.set(reply.statusCode, (count = requests.labels({ method: req.method, route, status: String(reply.statusCode) })));
    count.inc();
    s.latency.observe(reply.elapsedTime / 1000);
    done();
  });
  app.get('/metrics', { schema: { hide: true }, preHandler: opsGuard(app, opts.security, true) }, async (_req, reply) => {
    await collectFailures();
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}, { name: 'metrics', dependencies: ['database', 'auth'] });

/** Metrics of the background jobs and the dependencies they call (docs/deploy.md, Monitoring). */
function registerJobMetrics(app: FastifyInstance, registry: Registry): void {
  const lag = new Histogram({
    name: 'cm_dispatch_import_lag_seconds',
    help: 'Seconds from when a callback was due for import (promised time minus CM_IMPORT_AHEAD_SECONDS) until UCCX took it',
    registers: [registry],
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
  });
  const failures = new Counter({ name: 'cm_import_failures_total', help: 'Callbacks whose UCCX import failed, by cause', labelNames: ['cause'], registers: [registry] });
  const stop = onJobMetric((m) => (m.type === 'importLag' ? lag.observe(m.seconds) : failures.inc({ cause: m.cause }, m.count)));
  app.addHook('onClose', async () => stop());
  const now = () => Date.now();
  new Gauge({
    name: 'cm_sync_lag_seconds',
    help: 'Seconds since the result sync last read the UCCX campaign from db_cra',
    labelNames: ['uccx_campaign_id'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await listSyncReadTimes(app.db)) this.set({ uccx_campaign_id: String(r.uccxCampaignId) }, Math.max(0, (now() - r.readAt.getTime()) / 1000));
    },
  });
  new Gauge({
    name: 'cm_dependency_up',
    help: '1 when the last call to the dependency (uccx, dbcra, finesse) succeeded, 0 when it failed',
    labelNames: ['dependency'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const d of await listDependencyStatus(app.db)) {
        if (!d.lastSuccessAt && !d.lastFailureAt) continue;
        const up = d.lastSuccessAt != null && (d.lastFailureAt == null || d.lastSuccessAt >= d.lastFailureAt);
        this.set({ dependency: d.name }, up ? 1 : 0);
      }
    },
  });
  new Gauge({
    name: 'cm_job_heartbeat_timestamp_seconds',
    help: 'When each job (dispatch, sync, purge) of each instance last ran, as a Unix time',
    labelNames: ['job', 'instance'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const h of await listHeartbeats(app.db)) this.set({ job: h.job, instance: h.instanceId }, h.beatAt.getTime() / 1000);
    },
  });
}
