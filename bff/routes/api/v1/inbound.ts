// REST: the customer calls in first. Which active callbacks the caller's number has (scoped to what
// the asker may see), and closing one as reached. Registered inside the callbacks plugin.
import type { FastifyInstance } from 'fastify';
import { activeCallbacksForNumber, closeReachedInbound } from '../../../services/inbound.ts';
import { errorSchema, idParams } from './schemas.ts';
import { inboundMatchSchema, phoneQuery, reachedInboundBody } from './arrival-inbound.schemas.ts';

const tags = ['callbacks'];

export default async function inbound(app: FastifyInstance): Promise<void> {
  app.addSchema(inboundMatchSchema);
  const ctx = app.services;

  app.get<{ Querystring: { phone: string } }>(
    '/callbacks/active-for-number',
    {
      // The request line carries the full number: keep it out of the info-level request logs.
      logLevel: 'warn',
      schema: {
        tags,
        summary: "Active callbacks of a caller's number (E.164, national or a campaign's dial string); details only where the asker may read them",
        querystring: phoneQuery,
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: { $ref: 'InboundMatch#' } } } }, 401: errorSchema },
      },
    },
    async (req) => ({ items: await activeCallbacksForNumber(ctx, req.principal, req.query.phone) }),
  );

  app.post<{ Params: { id: number }; Body: { phone?: string } | null }>(
    '/callbacks/:id/reached-inbound',
    {
      schema: {
        tags,
        summary: 'The customer called in and was reached: complete the callback (reason reached_inbound)',
        params: idParams,
        body: reachedInboundBody,
        response: { 200: { $ref: 'InboundMatch#' }, 401: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (req) => closeReachedInbound(ctx, req.principal, req.params.id, req.body?.phone),
  );
}
