// /metrics and /docs: open to anyone when CM_EXPOSE_OPS=true (the demo), else only to an admin's
// Finesse credentials or, for /metrics, to `Authorization: Bearer <CM_METRICS_TOKEN>` (a scraper).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SecuritySettings } from '../../../config/settings.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** A preHandler guarding an operations endpoint; `acceptToken`: the metrics token also opens it. */
export function opsGuard(app: FastifyInstance, s: SecuritySettings, acceptToken: boolean) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (s.exposeOps) return;
    const header = req.headers.authorization ?? '';
    if (acceptToken && s.metricsToken && header.startsWith('Bearer ') && timingSafeEqual(digest(header.slice(7)), digest(s.metricsToken))) return;
    await app.requireAdmin(req, reply);
  };
}
