// Operations for supervisors and admins: bulk cancel / reassign (an agent off sick) and CSV export
// of callbacks with their history; for admins: UCCX campaign discovery, a dial-plan preview, purge
// on demand with its progress, and the stuck-callback actions (bff/services/stuck-callbacks.ts).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DateTime } from 'luxon';
import { parsePhone, toDialString } from '../../../../domain/rules/index.ts';
import type { DialPlanRule } from '../../../../domain/types.ts';
import { bulkCancel, bulkReassign, exportCallbacksCsv } from '../../../services/operations.ts';
import { BadRequest, Forbidden } from '../../../services/errors.ts';
import type { Config } from '../../../../config/settings.ts';
import { SAFE_TEXT_PATTERN } from '../../../../domain/text.ts';
import { openDbCraReader } from '../../../../jobs/dbcra/reader.ts';
import { purgeSettingsOf } from '../../../../jobs/runtime.ts';
import { UccxAdminClient } from '../../../../jobs/uccx/admin-client.ts';
import { bffPurgeDeps, PurgeRunner } from '../../../services/purge-runs.ts';
import { forceCompleteCallback, repushCallback, reverifyCallback, UccxUnavailable, type StuckActionResult } from '../../../services/stuck-callbacks.ts';

const tags = ['operations'];
const agentIdSchema = { type: 'string', minLength: 1, maxLength: 50, pattern: '^[A-Za-z0-9._@-]+$' } as const;
const textSchema = { type: 'string', maxLength: 200, pattern: '^[^\\u0000-\\u001f\\u007f\\u202a-\\u202e\\u2066-\\u2069]*$' } as const;

const campaignParams = { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1, maxLength: 40, pattern: SAFE_TEXT_PATTERN } } } as const;
const runParams = { type: 'object', required: ['name', 'id'], properties: { name: campaignParams.properties.name, id: { type: 'string', pattern: '^[0-9a-f-]{36}$' } } } as const;
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } as const;
const stuckResponse = { 200: { type: 'object', examples: [{ before: 'queued', after: 'retry_wait', found: 'gone', callback: { id: 42, status: 'retry_wait' } }], properties: { before: { type: 'string' }, after: { type: 'string' }, found: { type: 'string', description: 'open | closed | gone | unknown | not_in_uccx | not_asked' }, callback: { type: 'object', additionalProperties: true } } } };

export default async function operations(app: FastifyInstance, opts: { config: Config }): Promise<void> {
  const ctx = app.services;
  const { config } = opts;
  const uccx = () => {
    if (!config.uccx.url) throw new UccxUnavailable('UCCX is not configured');
    return new UccxAdminClient({ url: config.uccx.url, url2: config.uccx.url2, user: config.uccx.user, password: config.uccx.password, allowDuplicateContacts: config.uccx.allowDuplicateContacts, timeoutMs: 10_000 });
  };
  const depsFor = bffPurgeDeps(app.db, ctx, { uccx, reader: async () => (config.dbcra.url ? openDbCraReader(config.dbcra, { now: ctx.now }) : null), log: app.log });
  const purges = new PurgeRunner(ctx, { instanceId: config.instanceId, settings: purgeSettingsOf(config), makeDeps: depsFor });
  app.addHook('onClose', () => purges.idle());
  const opsDeps = () => depsFor(`${config.instanceId}/admin-ops`);
  /** UCCX or db_cra could not be asked: 503, the admin tries again. */
  const orUnavailable = async (reply: FastifyReply, action: () => Promise<StuckActionResult>) => {
    try {
      return await action();
    } catch (err) {
      if (err instanceof UccxUnavailable) return reply.code(503).send({ error: 'uccx_unavailable', message: err.message });
      throw err;
    }
  };
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

  app.get('/admin/uccx-campaigns', { preHandler: app.requireAdmin, schema: { tags: ['admin'], summary: "UCCX's campaigns (GET /adminapi/campaign), to map a DDI to one", description: 'As UCCX lists them; 503 uccx_unavailable when UCCX is not configured or does not answer.', response: { 200: { type: 'array', items: { type: 'object', additionalProperties: true }, examples: [[{ campaignId: 200, campaignName: 'CB_DDI_1', campaignType: 'IVR', enabled: true }]] }, 503: { type: 'object', additionalProperties: true } } } }, async (_req, reply) => {
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
        description: 'Nothing is saved: the admin view shows it while a campaign\'s dial plan is edited.',
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

  app.post<{ Params: { name: string } }>(
    '/admin/campaigns/:name/purge',
    {
      preHandler: app.requireAdmin,
      schema: {
        tags: ['admin'],
        summary: 'Purge one campaign now (as the nightly purge does): 202 with the run to follow; 409 while it is being purged',
        description: 'Waits (bounded) for calls in progress, deletes the campaign\'s contacts in UCCX and pushes the still-pending ones again, under the campaign\'s purge lock: a second instance or the nightly purge answers 409 / skips it meanwhile. Audited. Follow the run with GET …/purge-runs/{id}.',
        params: campaignParams,
        response: { 202: { type: 'object', additionalProperties: true, examples: [{ id: '2f1c…', campaign: 'CB_MAIN', status: 'running', phase: 'waiting_for_calls' }] } },
      },
    },
    async (req, reply) => {
      if (!config.uccx.url) return reply.code(503).send({ error: 'uccx_unavailable', message: 'UCCX is not configured' });
      return reply.code(202).send(await purges.start(req.principal.id, req.params.name));
    },
  );

  app.get<{ Params: { name: string; id: string } }>(
    '/admin/campaigns/:name/purge-runs/:id',
    { preHandler: app.requireAdmin, schema: { tags: ['admin'], summary: 'Progress of a purge: calls waited for, contacts to delete, deleted, re-pushed; running, done, skipped or failed', description: 'A run left running by a stopped instance is reported failed once its lock has gone.', params: runParams, response: { 200: { type: 'object', additionalProperties: true, examples: [{ id: '2f1c9a4e-0b7d-4c1e-9a55-3f0d2b7c8e11', campaign: 'CB_MAIN', status: 'done', phase: 'done', toDelete: 1200, deleted: 1187, repushed: 13, waitedForCalls: 2, leftToDeadlines: 0 }] } } } },
    async (req) => {
      const run = await purges.get(req.params.id);
      if (run.campaign !== req.params.name) throw new BadRequest('id', 'this run purges another campaign');
      return run;
    },
  );

  app.get<{ Params: { name: string } }>(
    '/admin/campaigns/:name/purge-runs',
    { preHandler: app.requireAdmin, schema: { tags: ['admin'], summary: 'The latest purges of a campaign started on demand, newest first', description: 'The same rows as GET …/purge-runs/{id}, for the admin view\'s history of one campaign.', params: campaignParams, response: { 200: { type: 'array', items: { type: 'object', additionalProperties: true }, examples: [[{ id: '2f1c9a4e-0b7d-4c1e-9a55-3f0d2b7c8e11', campaign: 'CB_MAIN', status: 'done', phase: 'done', toDelete: 1200, deleted: 1187, repushed: 13, waitedForCalls: 2, leftToDeadlines: 0 }]] } } } },
    async (req) => purges.list(req.params.name),
  );

  app.post<{ Params: { id: number } }>(
    '/admin/callbacks/:id/reverify',
    { preHandler: app.requireAdmin, schema: { tags: ['admin'], summary: 'Ask UCCX and db_cra what happened to a callback in UCCX (results applied as the sync does)', description: 'Runs the result sync for its campaign, then looks its contact up in UCCX and db_cra as the deadlines job does; found says what was seen. 503 when UCCX does not answer. Audited.', params: idParams, response: stuckResponse } },
    async (req, reply) => orUnavailable(reply, () => reverifyCallback(ctx, opsDeps, req.principal.id, req.params.id)),
  );

  app.post<{ Params: { id: number }; Body: { note?: string } | null }>(
    '/admin/callbacks/:id/repush',
    {
      preHandler: app.requireAdmin,
      schema: {
        tags: ['admin'],
        summary: 'Take a stuck call back to be imported again; refused (409) while UCCX still holds its contact',
        description: 'Lifecycle event repush (queued/dialing/connected → retry_wait, due at once): only once UCCX and db_cra show its contact gone or closed, so the customer is never called twice. Audited with the state before → after.',
        params: idParams,
        body: { type: ['object', 'null'], additionalProperties: false, properties: { note: { type: 'string', maxLength: 200, pattern: SAFE_TEXT_PATTERN } } },
        response: stuckResponse,
      },
    },
    async (req, reply) => orUnavailable(reply, () => repushCallback(ctx, opsDeps, req.principal.id, req.params.id, req.body?.note ?? null)),
  );

  app.post<{ Params: { id: number }; Body: { reason: string } }>(
    '/admin/callbacks/:id/force-complete',
    {
      preHandler: app.requireAdmin,
      schema: {
        tags: ['admin'],
        summary: 'Close an active callback as done, with the reason (history and audit keep it)',
        description: 'Lifecycle event force_complete from any active state; 409 invalid_state once it is finished. For a callback settled outside the product (e.g. reached by e-mail).',
        params: idParams,
        body: { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: { type: 'string', minLength: 3, maxLength: 200, pattern: SAFE_TEXT_PATTERN } }, examples: [{ reason: 'customer reached by e-mail; UCCX row lost' }] },
        response: stuckResponse,
      },
    },
    async (req) => forceCompleteCallback(ctx, req.principal.id, req.params.id, req.body.reason),
  );
}
