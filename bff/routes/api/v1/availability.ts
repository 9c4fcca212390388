// Availability slots for the booking calendar.
import type { FastifyInstance } from 'fastify';
import { availability, type AvailabilityQuery } from '../../../services/availability.ts';
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
    async (req) => ({ slots: await availability(app.services, req.query) }),
  );
}
