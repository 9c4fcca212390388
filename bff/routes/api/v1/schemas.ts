// JSON schemas of the REST Callback API (validation and the OpenAPI document at /docs).
import { CALLBACK_STATES, VIOLATION_CODES } from '../../../../domain/types.ts';

const nullableString = { type: ['string', 'null'] } as const;

export const callbackSchema = {
  $id: 'Callback',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    accountNumber: { type: 'string' },
    campaign: { type: 'string' },
    type: { type: 'string', enum: ['personal', 'skill'] },
    agentId: nullableString,
    skill: nullableString,
    firstName: { type: 'string' },
    lastName: { type: 'string' },
    phone: { type: 'string' },
    phoneE164: { type: 'string' },
    dialString: { type: 'string' },
    scheduledAt: { type: 'string', format: 'date-time' },
    timeZone: { type: 'string' },
    status: { type: 'string', enum: [...CALLBACK_STATES] },
    reason: nullableString,
    attempts: { type: 'integer' },
    lastResult: nullableString,
    nextAttemptAt: nullableString,
    notes: nullableString,
    source: { type: 'string', enum: ['outbound', 'inbound'] },
    createdBy: { type: 'string' },
    teamId: nullableString,
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
    version: { type: 'integer' },
  },
} as const;

export const violationsSchema = {
  type: 'object',
  properties: {
    error: { type: 'string', const: 'validation_failed' },
    violations: {
      type: 'array',
      items: {
        type: 'object',
        properties: { code: { type: 'string', enum: [...VIOLATION_CODES] }, field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
} as const;

export const errorSchema = { type: 'object', properties: { error: { type: 'string' }, message: { type: 'string' }, state: { type: 'string' } } } as const;

export const idParams = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] } as const;

export const bookBody = {
  type: 'object',
  required: ['campaign', 'phone', 'scheduledAt', 'firstName', 'lastName'],
  additionalProperties: false,
  properties: {
    campaign: { type: 'string', minLength: 1, maxLength: 40 },
    phone: { type: 'string', minLength: 1, maxLength: 40 },
    scheduledAt: { type: 'string', minLength: 10, maxLength: 40, description: 'ISO 8601 with offset, or a local date-time read in timeZone' },
    timeZone: { type: 'string', maxLength: 64 },
    agentId: { type: 'string', maxLength: 50, description: 'makes the callback personal; skill is then its fallback skill' },
    skill: { type: 'string', maxLength: 50 },
    firstName: { type: 'string', maxLength: 200 },
    lastName: { type: 'string', maxLength: 200 },
    notes: { type: 'string', maxLength: 5000 },
    source: { type: 'string', enum: ['outbound', 'inbound'] },
  },
} as const;

export const rescheduleBody = {
  type: 'object',
  required: ['scheduledAt'],
  additionalProperties: false,
  properties: { scheduledAt: { type: 'string', minLength: 10, maxLength: 40 }, timeZone: { type: 'string', maxLength: 64 } },
} as const;

export const cancelBody = { type: ['object', 'null'], additionalProperties: false, properties: { reason: { type: 'string', maxLength: 200 } } } as const;

export const reassignBody = {
  type: 'object',
  additionalProperties: false,
  properties: { agentId: { type: 'string', maxLength: 50 }, skill: { type: 'string', maxLength: 50 } },
} as const;

export const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { type: 'string', description: 'comma-separated states' },
    agentId: { type: 'string' },
    skill: { type: 'string' },
    campaign: { type: 'string' },
    from: { type: 'string', format: 'date-time' },
    to: { type: 'string', format: 'date-time' },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    cursor: { type: 'string' },
    sort: { type: 'string', enum: ['upcoming', 'scheduled', 'scheduled_desc'], description: 'upcoming (default): active soonest first, then finished newest first' },
    q: { type: 'string', maxLength: 60, pattern: '^[^\\u0000-\\u001f\\u007f]*$', description: 'part of the number (3+ digits), or of the name or account number' },
  },
} as const;

/** Answers shared by the write routes. */
export const writeResponses = {
  404: errorSchema,
  // "duplicate" carries the existing callback so the agent can reschedule it instead.
  409: { type: 'object', properties: { ...errorSchema.properties, existing: { $ref: 'Callback#' } } },
  422: violationsSchema,
} as const;
