// REST Callback API: book, read, list, history, reschedule, cancel, reassign, edit, arrival and its outcome.
import type { FastifyInstance } from 'fastify';
import { acknowledgeArrival, cancelCallback } from '../../../services/lifecycle.ts';
import { bookCallback, reassignCallback, rescheduleCallback, visibleCallback, type BookRequest } from '../../../services/booking.ts';
import { callbackHistory, searchCallbacks } from '../../../services/reading.ts';
import { updateCallbackDetails, type DetailsInput } from '../../../services/callback-edit.ts';
import { recordCallOutcome, type OutcomeInput } from '../../../services/call-outcome.ts';
import arrivals from './arrivals.ts';
import { detailsBody, outcomeBody, outcomeResultSchema } from './detail.schemas.ts';
import inbound from './inbound.ts';
import { bookBody, callbackSchema, cancelBody, errorSchema, idParams, listQuery, reassignBody, rescheduleBody, writeResponses } from './schemas.ts';

type IdParams = { id: number };
const tags = ['callbacks'];
const ok = (status: 200 | 201) => ({ [status]: { $ref: 'Callback#' }, ...writeResponses, 401: errorSchema });

export default async function callbacks(app: FastifyInstance): Promise<void> {
  app.addSchema(callbackSchema);
  app.addSchema(outcomeResultSchema);
  app.addHook('preHandler', app.authenticate);
  const ctx = app.services;

  app.post<{ Body: BookRequest }>('/callbacks', { schema: { tags, summary: 'Book a callback', body: bookBody, response: ok(201) } }, async (req, reply) =>
    reply.code(201).send(await bookCallback(ctx, req.principal, req.body)),
  );

  app.get<{ Params: IdParams }>('/callbacks/:id', { schema: { tags, params: idParams, response: { 200: { $ref: 'Callback#' }, 404: errorSchema } } }, async (req) =>
    visibleCallback(ctx, req.principal, req.params.id),
  );

  app.get<{ Querystring: { status?: string; agentId?: string; skill?: string; campaign?: string; from?: string; to?: string; limit?: number; cursor?: string; sort?: 'upcoming' | 'scheduled' | 'scheduled_desc'; q?: string } }>(
    '/callbacks',
    {
      schema: {
        tags,
        summary: 'List the callbacks the caller may see: upcoming first (or by scheduled time), searchable, paged',
        querystring: listQuery,
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: { $ref: 'Callback#' } }, nextCursor: { type: ['string', 'null'] } } } },
      },
    },
    async (req) => {
      const q = req.query;
      const filter = {
        status: q.status ? q.status.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
        agentId: q.agentId,
        skill: q.skill,
        campaign: q.campaign,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      };
      return searchCallbacks(ctx, req.principal, filter, q.limit, q.cursor, { sort: q.sort, search: q.q });
    },
  );

  app.get<{ Params: IdParams }>(
    '/callbacks/:id/history',
    {
      schema: {
        tags,
        params: idParams,
        response: {
          200: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, at: { type: 'string' }, event: { type: 'string' }, actor: { type: 'string' }, details: { type: 'object', additionalProperties: true } } } },
          404: errorSchema,
        },
      },
    },
    async (req) => callbackHistory(ctx, req.principal, req.params.id),
  );

  app.post<{ Params: IdParams; Body: { scheduledAt: string; timeZone?: string } }>(
    '/callbacks/:id/reschedule',
    { schema: { tags, summary: 'Move to a new time (attempts reset, history kept)', params: idParams, body: rescheduleBody, response: ok(200) } },
    async (req) => rescheduleCallback(ctx, req.principal, req.params.id, req.body),
  );

  app.post<{ Params: IdParams; Body: { reason?: string } | null }>(
    '/callbacks/:id/cancel',
    { schema: { tags, params: idParams, body: cancelBody, response: ok(200) } },
    async (req) => cancelCallback(ctx, req.principal, req.params.id, req.body?.reason),
  );

  app.post<{ Params: IdParams; Body: { agentId?: string; skill?: string } }>(
    '/callbacks/:id/reassign',
    { schema: { tags, summary: 'Give to an agent (personal) or a skill; supervisors and admins', params: idParams, body: reassignBody, response: { ...ok(200), 403: errorSchema } } },
    async (req) => reassignCallback(ctx, req.principal, req.params.id, req.body),
  );

  app.post<{ Params: IdParams }>(
    '/callbacks/:id/arrived',
    { schema: { tags, summary: 'The gadget saw the callback call arrive at the agent', params: idParams, response: ok(200) } },
    async (req) => acknowledgeArrival(ctx, req.principal, req.params.id),
  );

  app.patch<{ Params: IdParams; Body: DetailsInput }>(
    '/callbacks/:id',
    {
      schema: {
        tags,
        summary: 'Correct names, number or notes before UCCX holds the callback (scheduled, retry_wait); checked like a booking',
        params: idParams,
        body: detailsBody,
        response: ok(200),
      },
    },
    async (req) => updateCallbackDetails(ctx, req.principal, req.params.id, req.body),
  );

  app.post<{ Params: IdParams; Body: OutcomeInput }>(
    '/callbacks/:id/outcome',
    {
      schema: {
        tags,
        summary: 'The agent the callback call arrived at records its outcome: once, within 30 minutes of the arrival',
        params: idParams,
        body: outcomeBody,
        response: { 200: { $ref: 'CallOutcomeResult#' }, ...writeResponses, 401: errorSchema },
      },
    },
    async (req) => recordCallOutcome(ctx, req.principal, req.params.id, req.body),
  );

  // The arrival context and the "customer calls in first" routes share this prefix and hook.
  await app.register(arrivals);
  await app.register(inbound);
}
