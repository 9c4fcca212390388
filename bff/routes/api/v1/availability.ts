// Availability slots for the booking calendar: one object per slot (format=slots, the default) or
// the same answer as a compact grid (format=grid) for callers that read a whole horizon.
import type { FastifyInstance } from 'fastify';
import { closedRunsOf, REASONS, slotIso, type SlotGrid } from '../../../../domain/rules/index.ts';
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

const grid = {
  type: 'object',
  description: 'slot i starts at start + i × slotMinutes and ends a slot later; available = max(0, capacity - booked[i]); a slot is bookable unless a closed run covers it',
  properties: {
    start: { type: 'string', description: 'start of the first slot (ISO UTC)' },
    slotMinutes: { type: 'integer' },
    count: { type: 'integer', description: 'number of slots' },
    capacity: { type: 'integer', description: 'places per slot' },
    booked: { type: 'array', items: { type: 'integer' }, description: 'places taken, one per slot' },
    closed: {
      type: 'array',
      description: 'runs of consecutive closed slots with one reason, in order',
      items: { type: 'object', properties: { first: { type: 'integer' }, count: { type: 'integer' }, reason: { type: 'string' } } },
    },
  },
} as const;

export default async function availabilityRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: AvailabilityQuery & { format?: 'slots' | 'grid' } }>(
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
            format: { type: 'string', enum: ['slots', 'grid'], default: 'slots', description: 'slots: {slots: [one object per slot]}; grid: {grid: the same answer compactly} (a 30-day horizon is ~15 kB instead of ~400 kB)' },
          },
        },
        response: { 200: { type: 'object', description: 'slots or grid, as format asks', properties: { slots: { type: 'array', items: slot }, grid } }, 404: errorSchema },
      },
    },
    async (req, reply) => {
      const answer = await availabilityGrid(app.services, req.query);
      // Written straight from the grid: thousands of slot objects (then fast-json-stringify
      // walking them) were most of the request's time.
      return reply.type('application/json; charset=utf-8').send(req.query.format === 'grid' ? gridJson(answer) : slotsJson(answer));
    },
  );
}

/** `{"grid":{…}}`, as the 200 schema above describes it. */
export function gridJson(grid: SlotGrid): string {
  const runs = closedRunsOf(grid).map((r) => `{"first":${r.first},"count":${r.count},"reason":${JSON.stringify(r.reason)}}`).join(',');
  const head = `"start":"${slotIso(grid.firstStart)}","slotMinutes":${grid.slotMs / 60_000},"count":${grid.count},"capacity":${grid.capacity}`;
  return `{"grid":{${head},"booked":[${grid.booked.join(',')}],"closed":[${runs}]}}`;
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
