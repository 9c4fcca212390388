// JSON schemas of the REST Callback API (validation and the OpenAPI document at /docs).
import { CALLBACK_STATES, VIOLATION_CODES } from '../../../../domain/types.ts';
import { SAFE_MULTILINE_PATTERN, SAFE_TEXT_PATTERN } from '../../../../domain/text.ts';

/**
 * Every text the API accepts: no control or bidi-override characters (answered 400
 * invalid_characters by plugins/app/errors.ts, which recognises this pattern).
 */
export const text = <T extends object = {}>(maxLength: number, extra?: T) => ({ type: 'string', maxLength, pattern: SAFE_TEXT_PATTERN, ...extra }) as const;
/** Multi-line text (notes): line breaks and tabs allowed, other control and bidi characters not. */
export const multilineText = (maxLength: number) => ({ type: 'string', maxLength, pattern: SAFE_MULTILINE_PATTERN }) as const;

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
    campaign: text(40, { minLength: 1 }),
    phone: text(40, { minLength: 1 }),
    scheduledAt: text(40, { minLength: 10, description: 'ISO 8601 with offset, or a local date-time read in timeZone' }),
    timeZone: text(64),
    agentId: text(50, { description: 'makes the callback personal; skill is then its fallback skill' }),
    skill: text(50),
    firstName: text(200),
    lastName: text(200),
    notes: multilineText(5000),
    source: { type: 'string', enum: ['outbound', 'inbound'] },
  },
} as const;

export const rescheduleBody = {
  type: 'object',
  required: ['scheduledAt'],
  additionalProperties: false,
  properties: { scheduledAt: text(40, { minLength: 10 }), timeZone: text(64) },
} as const;

export const cancelBody = { type: ['object', 'null'], additionalProperties: false, properties: { reason: text(200) } } as const;

export const reassignBody = {
  type: 'object',
  additionalProperties: false,
  properties: { agentId: text(50), skill: text(50) },
} as const;

export const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: text(300, { description: 'comma-separated states' }),
    agentId: text(50),
    skill: text(50),
    campaign: text(40),
    from: { type: 'string', format: 'date-time', maxLength: 40 },
    to: { type: 'string', format: 'date-time', maxLength: 40 },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    cursor: text(200),
    sort: { type: 'string', enum: ['upcoming', 'scheduled', 'scheduled_desc'], description: 'upcoming (default): active soonest first, then finished newest first' },
    q: text(60, { description: 'part of the number (3+ digits), or of the name or account number' }),
  },
} as const;

/** Answers shared by the write routes. */
export const writeResponses = {
  404: errorSchema,
  // "duplicate" carries the existing callback so the agent can reschedule it instead — to those who
  // may read it; others get only whom to ask (contact), never another team's customer data.
  409: {
    type: 'object',
    properties: {
      ...errorSchema.properties,
      existing: { anyOf: [{ $ref: 'Callback#' }, { type: 'null' }] },
      contact: { type: ['object', 'null'], properties: { agentId: { type: 'string' }, name: nullableString, teamName: nullableString } },
    },
  },
  403: errorSchema,
  422: violationsSchema,
} as const;
