// JSON schemas of the arrival context and the "customer calls in first" routes. The response
// schemas are also what keeps an answer to what the caller may see (fastify serialises only them).
import { CALLBACK_STATES } from '../../../../domain/types.ts';
import { MAX_CALLER_NUMBER } from '../../../../domain/rules/caller-number.ts';

const nullableString = { type: ['string', 'null'] } as const;

/** UCCX Account Number: ≤ 25 characters; letters, digits, "-" and "_" (no control characters). */
export const accountNumberPattern = '^[A-Za-z0-9_-]{1,25}$';
/** A caller's number as Finesse or another system presents it: digits, "+", spaces and ()-./ only. */
export const callerNumberPattern = `^[+0-9 ().\\-/]{1,${MAX_CALLER_NUMBER}}$`;

const bookedBy = { type: 'object', properties: { id: { type: 'string' }, name: nullableString } } as const;

export const arrivalContextSchema = {
  $id: 'ArrivalContext',
  type: 'object',
  properties: {
    callbackId: { type: 'integer' },
    accountNumber: { type: 'string' },
    campaign: { type: 'string' },
    type: { type: 'string', enum: ['personal', 'skill'] },
    skill: nullableString,
    agentId: nullableString,
    firstName: { type: 'string' },
    lastName: { type: 'string' },
    phone: { type: 'string', description: 'full for those who may read the callback, else masked' },
    phoneMasked: { type: 'boolean' },
    notes: nullableString,
    bookedBy,
    scheduledAt: { type: 'string', format: 'date-time' },
    timeZone: { type: 'string' },
    status: { type: 'string', enum: [...CALLBACK_STATES] },
    attempts: { type: 'integer' },
    createdAt: { type: 'string' },
  },
} as const;

export const inboundMatchSchema = {
  $id: 'InboundMatch',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    campaign: { type: 'string' },
    scheduledAt: { type: 'string', format: 'date-time' },
    timeZone: { type: 'string' },
    bookedBy,
    mayRead: { type: 'boolean' },
    details: {
      type: ['object', 'null'],
      description: 'only when the caller may read the callback',
      properties: {
        status: { type: 'string', enum: [...CALLBACK_STATES] },
        type: { type: 'string' },
        agentId: nullableString,
        skill: nullableString,
        firstName: { type: 'string' },
        lastName: { type: 'string' },
        phone: { type: 'string' },
        notes: nullableString,
      },
    },
  },
} as const;

export const accountParams = { type: 'object', required: ['accountNumber'], properties: { accountNumber: { type: 'string', pattern: accountNumberPattern } } } as const;
export const dialingListParams = { type: 'object', required: ['dialingListId'], properties: { dialingListId: { type: 'integer', minimum: 1 } } } as const;
export const phoneQuery = {
  type: 'object',
  required: ['phone'],
  additionalProperties: false,
  properties: { phone: { type: 'string', pattern: callerNumberPattern } },
} as const;
export const reachedInboundBody = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: { phone: { type: 'string', pattern: callerNumberPattern, description: "the caller's number: needed to close a callback you may not read" } },
} as const;
