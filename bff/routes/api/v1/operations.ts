// Operations for supervisors and admins: bulk cancel / reassign (an agent off sick) and CSV export
// of callbacks with their history; for admins: UCCX campaign discovery and a dial-plan preview.
import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import { parsePhone, toDialString } from '../../../../domain/rules/index.ts';
import type { DialPlanRule } from '../../../../domain/types.ts';
import { bulkCancel, bulkReassign, exportCallbacksCsv } from '../../../services/operations.ts';
import { BadRequest, Forbidden } from '../../../services/errors.ts';

const tags = ['operations'];
const agentIdSchema = { type: 'string', minLength: 1, maxLength: 50, pattern: '^[A-Za-z0-9._@-]+$' } as const;
const textSchema = { type: 'string', maxLength: 200, pattern: '^[^\\u0000-\\u001f\\u007f\\u202a-\\u202e\\u2066-\\u2069]*$' } as const;

export default async function operations(app: FastifyInstance): Promise<void> {
  const ctx = app.services;
  const supervisorOrAdmin = async (req: { principal: { role: string } }) => {
    if (req.principal.role === 'agent') throw new Forbidden('supervisors and admins only');
  };

  app.post<{ Body: { ids?: number[]; agentId?: string; reason?: string } }>(
    '/callbacks/bulk/cancel',
    {
      preHandler: [app.authenticate, supervisorOrAdmin],
      schema: {
        tags,
        summary: 'Cancel many callbacks: by id, or every active one of an agent',
        body: { type: 'object', additionalProperties: false, properties: { ids: { type: 'array', minItems: 1, maxItems: 2000, items: { type: 'integer', minimum: 1 } }, agentId: agentIdSchema, reason: textSchema }, oneOf: [{ required: ['ids'] }, { required: ['agentId'] }] },
      },
    },
    async (req) => ({ results: await bulkCancel(ctx, req.principal, { ids: req.body.ids, agentId: req.body.agentId }, req.body.reason ?? null) }),
  );

  app.post<{ Body: { fromAgentId: string; toAgentId?: string; toSkill?: string } }>(
    '/callbacks/bulk/reassign',
    {
      preHandler: [app.authenticate, supervisorOrAdmin],
      schema: {
        tags,
        summary: "Give every waiting personal callback of an agent to another agent or to a skill",
        body: { type: 'object', additionalProperties: false, required: ['fromAgentId'], properties: { fromAgentId: agentIdSchema, toAgentId: agentIdSchema, toSkill: { type: 'string', minLength: 1, maxLength: 50 } }, oneOf: [{ required: ['toAgentId'] }, { required: ['toSkill'] }] },
      },
    },
    async (req) => ({ results: await bulkReassign(ctx, req.principal, req.body.fromAgentId, { agentId: req.body.toAgentId ?? null, skill: req.body.toSkill ?? null }) }),
  );

  app.get<{ Querystring: { from: string; to: string; history?: boolean } }>(
    '/callbacks/export',
    {
      preHandler: [app.authenticate, supervisorOrAdmin],
      schema: {
        tags,
        summary: 'The callbacks the caller may see, scheduled in [from, to), as CSV (with their history on request)',
        querystring: { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: { type: 'string', format: 'date-time' }, to: { type: 'string', format: 'date-time' }, history: { type: 'boolean' } } },
      },
    },
    async (req, reply) => {
      const from = DateTime.fromISO(req.query.from);
      const to = DateTime.fromISO(req.query.to);
      if (!from.isValid || !to.isValid || to <= from) throw new BadRequest('to', 'from must be before to');
      const csv = await exportCallbacksCsv(ctx, req.principal, from.toJSDate(), to.toJSDate(), req.query.history === true);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="callbacks.csv"').send(csv);
    },
  );

  app.get('/admin/uccx-campaigns', { preHandler: app.requireAdmin, schema: { tags: ['admin'], summary: "UCCX's campaigns (GET /adminapi/campaign), to map a DDI to one" } }, async (_req, reply) => {
    const list = await app.uccxDirectory.campaigns();
    return list ?? reply.code(503).send({ error: 'uccx_unavailable', message: 'UCCX is not configured or does not answer' });
  });

  app.post<{ Body: { defaultCountry: string; dialPlan: DialPlanRule[]; numbers: string[] } }>(
    '/admin/dial-plan/preview',
    {
      preHandler: app.requireAdmin,
      schema: {
        tags: ['admin'],
        summary: 'Live preview of a dial plan: each number as E.164 and as the dial string UCCX would get',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['defaultCountry', 'dialPlan', 'numbers'],
          properties: {
            defaultCountry: { type: 'string', pattern: '^[A-Z]{2}$' },
            dialPlan: { type: 'array', maxItems: 20, items: { type: 'object', required: ['match', 'strip', 'prefix'], additionalProperties: false, properties: { match: { type: 'string', pattern: '^\\+\\d*$' }, strip: { type: 'integer', minimum: 0, maximum: 16 }, prefix: { type: 'string', pattern: '^[0-9*#]*$', maxLength: 10 } } } },
            numbers: { type: 'array', minItems: 1, maxItems: 50, items: { type: 'string', minLength: 1, maxLength: 40, pattern: '^[0-9+()./ -]+$' } },
          },
          examples: [{ defaultCountry: 'PL', dialPlan: [{ match: '+48', strip: 3, prefix: '0' }, { match: '+', strip: 1, prefix: '00' }], numbers: ['601 234 567', '+12125550151'] }],
        },
      },
    },
    async (req) =>
      req.body.numbers.map((input) => {
        const phone = parsePhone(input, req.body.defaultCountry);
        return phone.valid ? { input, valid: true, e164: phone.e164, dialString: toDialString(phone.e164 as string, req.body.dialPlan) } : { input, valid: false, e164: null, dialString: null };
      }),
  );
}
