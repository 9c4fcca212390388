// Liveness and readiness for load balancers and orchestration. /readyz reports the database
// (checked now) and each dependency as the last call to it went — from any instance or job
// worker (dependency_status, migration 0014) — and answers 503 when the database or a required
// dependency (CM_READY_REQUIRES) is failing. No error text is shown: only times and a cause.
import type { FastifyInstance } from 'fastify';
import { DEPENDENCIES, listDependencyStatus, type DependencyStatusRow } from '../../db/queries/dependency-status.ts';
import type { SecuritySettings } from '../../config/settings.ts';

const dependency = {
  type: 'object',
  properties: {
    state: { type: 'string', enum: ['ok', 'failing', 'unknown'] },
    required: { type: 'boolean' },
    lastSuccessAt: { type: ['string', 'null'] },
    lastFailureAt: { type: ['string', 'null'] },
    cause: { type: ['string', 'null'] },
  },
} as const;
const status = {
  type: 'object',
  properties: {
    status: { type: 'string' },
    database: { type: 'string' },
    dependencies: { type: 'object', properties: Object.fromEntries(DEPENDENCIES.map((d) => [d, dependency])) },
  },
} as const;

/** ok: the last call succeeded; failing: it failed within the window; unknown: no recent news. */
export function dependencyState(row: DependencyStatusRow | undefined, now: Date, windowSeconds: number): 'ok' | 'failing' | 'unknown' {
  if (!row) return 'unknown';
  const failed = row.lastFailureAt && (!row.lastSuccessAt || row.lastFailureAt > row.lastSuccessAt);
  if (failed) return now.getTime() - (row.lastFailureAt as Date).getTime() <= windowSeconds * 1000 ? 'failing' : 'unknown';
  return row.lastSuccessAt ? 'ok' : 'unknown';
}

export default async function health(app: FastifyInstance, opts: { security: SecuritySettings }): Promise<void> {
  app.get('/healthz', { schema: { tags: ['health'], security: [], response: { 200: status } } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { tags: ['health'], security: [], response: { 200: status, 503: status } } }, async (req, reply) => {
    let rows: DependencyStatusRow[];
    try {
      await app.db.sequelize.query('SELECT 1');
      rows = await listDependencyStatus(app.db);
    } catch (err) {
      req.log.error({ err }, 'readiness: database unreachable');
      return reply.code(503).send({ status: 'not_ready', database: 'unreachable' });
    }
    const now = new Date();
    const dependencies = Object.fromEntries(
      DEPENDENCIES.map((name) => {
        const row = rows.find((r) => r.name === name);
        const state = dependencyState(row, now, opts.security.readyFailureWindowSeconds);
        return [name, { state, required: opts.security.readyRequires.includes(name), lastSuccessAt: row?.lastSuccessAt?.toISOString() ?? null, lastFailureAt: row?.lastFailureAt?.toISOString() ?? null, cause: state === 'failing' ? row?.lastCause ?? null : null }];
      }),
    );
    const failing = Object.values(dependencies).some((d) => d.required && d.state === 'failing');
    return reply.code(failing ? 503 : 200).send({ status: failing ? 'not_ready' : 'ready', database: 'ok', dependencies });
  });
}
