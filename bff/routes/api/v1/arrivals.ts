// REST: the arrival context of the callback call at the agent's desktop, and its acknowledgement.
// Registered inside the callbacks plugin (same prefix and authentication hook).
import type { FastifyInstance } from 'fastify';
import { acknowledgeArrivalOf, arrivalContext } from '../../../services/arrival.ts';
import { errorSchema } from './schemas.ts';
import { accountParams, arrivalContextSchema, dialingListParams } from './arrival-inbound.schemas.ts';

const tags = ['arrivals'];
const answers = { 200: { $ref: 'ArrivalContext#' }, 401: errorSchema, 404: errorSchema, 409: errorSchema };

export default async function arrivals(app: FastifyInstance): Promise<void> {
  app.addSchema(arrivalContextSchema);
  const ctx = app.services;
  const summary = 'The callback behind the call being presented (404 unless its call is in flight: queued, dialing, connected)';

  app.get<{ Params: { accountNumber: string } }>('/arrivals/:accountNumber', { schema: { tags, summary, params: accountParams, response: answers } }, async (req) =>
    arrivalContext(ctx, req.principal, { accountNumber: req.params.accountNumber }),
  );

  app.get<{ Params: { dialingListId: number } }>('/arrivals/dialing-list/:dialingListId', { schema: { tags, summary, params: dialingListParams, response: answers } }, async (req) =>
    arrivalContext(ctx, req.principal, { dialingListId: req.params.dialingListId }),
  );

  app.post<{ Params: { accountNumber: string } }>(
    '/arrivals/:accountNumber/acknowledge',
    { schema: { tags, summary: 'The receiving agent acknowledges the callback call (completes the callback, once)', params: accountParams, response: answers } },
    async (req) => acknowledgeArrivalOf(ctx, req.principal, { accountNumber: req.params.accountNumber }),
  );
}
