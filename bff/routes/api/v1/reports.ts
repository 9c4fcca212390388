// Reports in the product (issue 11): callbacks booked/completed/failed/expired by day, campaign,
// skill and agent; on-time distributions from the promised minute to import, dial and agent
// connect; attempts; outcomes by UCCX result; fallback and reached-inbound rates. Supervisors see
// their teams, admins everything; agents have no reports. JSON, or the per-day table as CSV.
import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import { countAttemptOutcomes, listReportCallbacks, type ReportScope } from '../../../../db/queries/reports.ts';
import { reportCsv, summarize } from '../../../../domain/reports.ts';
import { isValidZone } from '../../../../domain/rules/zones.ts';
import { BadRequest, Forbidden } from '../../../services/errors.ts';

interface ReportQuery {
  from: string;
  to: string;
  zone?: string;
  campaign?: string;
  skill?: string;
  agentId?: string;
  format?: 'json' | 'csv';
}

const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const name = { type: 'string', minLength: 1, maxLength: 50, pattern: '^[^\\u0000-\\u001f\\u007f]*$' } as const;
const MAX_DAYS = 400;

export default async function reports(app: FastifyInstance): Promise<void> {
  app.addHook('preHandler', app.authenticate);
  app.get<{ Querystring: ReportQuery }>(
    '/reports',
    {
      schema: {
        tags: ['reports'],
        summary: 'Callback report for a range of local days (supervisors: their teams; admins: all)',
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['from', 'to'],
          properties: { from: day, to: day, zone: { type: 'string', maxLength: 64 }, campaign: name, skill: name, agentId: name, format: { type: 'string', enum: ['json', 'csv'] } },
        },
      },
    },
    async (req, reply) => {
      const p = req.principal;
      if (p.role === 'agent') throw new Forbidden('reports are for supervisors and admins');
      const q = req.query;
      const zone = q.zone ?? 'UTC';
      if (!isValidZone(zone)) throw new BadRequest('zone', `"${zone}" is not an IANA time zone`);
      const from = DateTime.fromISO(q.from, { zone });
      const to = DateTime.fromISO(q.to, { zone }).plus({ days: 1 });
      if (!from.isValid || !to.isValid || to <= from) throw new BadRequest('to', 'the range must be from ≤ to, both real dates (YYYY-MM-DD)');
      if (to.diff(from, 'days').days > MAX_DAYS) throw new BadRequest('to', `at most ${MAX_DAYS} days per report`);
      const scope: ReportScope = p.role === 'admin' ? { all: true } : { teamIds: p.teamIds };
      const filter = { from: from.toJSDate(), to: to.toJSDate(), campaign: q.campaign, skill: q.skill, agentId: q.agentId };
      const [rows, outcomes] = await Promise.all([listReportCallbacks(app.db, filter, scope), countAttemptOutcomes(app.db, filter, scope)]);
      const report = summarize(rows, outcomes, zone);
      if (q.format === 'csv') {
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="callbacks-${q.from}-${q.to}.csv"`).send(reportCsv(report));
      }
      return { from: q.from, to: q.to, zone, ...report };
    },
  );
}
