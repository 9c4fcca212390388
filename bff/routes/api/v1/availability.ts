// Availability slots for the booking calendar.
import type { FastifyInstance } from 'fastify';
import { REASONS, slotIso, type SlotGrid } from '../../../../domain/rules/index.ts';
import { availabilityGrid, type AvailabilityQuery } from '../../../services/availability.ts';
import { errorSchema } from './schemas.ts';

const slot = {
  type: 'object',
  properties: {
    start: { type: 'string' },
    end: { type: 'string' },
    capacity: { type: 'integer' },
    booked: { type: 'integer' },
    available: { type: 'integer' },
    closedReason: { type: ['string', 'null'] },
  },
} as const;

export default async function availabilityRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: AvailabilityQuery }>(
    '/availability',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['callbacks'],
        summary: 'Bookable slots with capacity, booked, available and the reason for closed ones',
        querystring: {
          type: 'object',
          required: ['campaign', 'from', 'to'],
          additionalProperties: false,
          properties: {
            campaign: { type: 'string' },
            skill: { type: 'string' },
            agentId: { type: 'string' },
            from: { type: 'string', description: 'date (in timeZone) or ISO instant' },
            to: { type: 'string', description: 'date (in timeZone) or ISO instant; the answer ends with the last day of the booking horizon (rules horizonDays), however far this asks' },
            timeZone: { type: 'string', description: 'the zone chosen for the customer' },
            phone: { type: 'string', maxLength: 40, description: "the customer's number: the calling window must hold in every zone it may be in" },
          },
        },
        response: { 200: { type: 'object', properties: { slots: { type: 'array', items: slot } } }, 404: errorSchema },
      },
    },
    // The answer is written straight from the grid: a whole horizon is thousands of slots, and an
    // object per slot (then fast-json-stringify walking them) was most of the request's time.
    async (req, reply) => reply.type('application/json; charset=utf-8').send(slotsJson(await availabilityGrid(app.services, req.query))),
  );
}

/** `{"slots":[…]}` of the grid, exactly as the 200 schema above serializes it. */
export function slotsJson(grid: SlotGrid): string {
  const reasons = REASONS.map((r) => (r === null ? 'null' : JSON.stringify(r)));
  const capacity = `,"capacity":${grid.capacity},"booked":`;
  let json = '{"slots":[';
  let start = slotIso(grid.firstStart);
  for (let i = 0; i < grid.count; i++) {
    const end = slotIso(grid.firstStart + (i + 1) * grid.slotMs);
    const booked = grid.booked[i];
    json += `${i ? ',' : ''}{"start":"${start}","end":"${end}"${capacity}${booked},"available":${Math.max(0, grid.capacity - booked)},"closedReason":${reasons[grid.reasons[i]]}}`;
    start = end;
  }
  return `${json}]}`;
}
