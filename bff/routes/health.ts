// Liveness and readiness for load balancers and orchestration.
import type { FastifyInstance } from 'fastify';

const status = { type: 'object', properties: { status: { type: 'string' }, database: { type: 'string' } } } as const;

export default async function health(app: FastifyInstance): Promise<void> {
  app.get('/healthz', { schema: { tags: ['health'], security: [], response: { 200: status } } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { tags: ['health'], security: [], response: { 200: status, 503: status } } }, async (_req, reply) => {
    try {
      await app.db.sequelize.query('SELECT 1');
      return { status: 'ready', database: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'not_ready', database: 'unreachable' });
    }
  });
}
