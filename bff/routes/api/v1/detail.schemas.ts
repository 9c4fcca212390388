// JSON schemas of editing a callback's details and of the receiving agent's call outcome (issue 10).
import { multilineText, text } from './schemas.ts';

export const detailsBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  description: 'Only the fields to change; notes "" clears them. Refused once UCCX holds the contact (409 invalid_state).',
  properties: {
    firstName: text(200),
    lastName: text(200),
    phone: text(40, { minLength: 1, description: "national (read with the campaign's country) or E.164" }),
    notes: multilineText(5000),
  },
  examples: [{ lastName: 'Kowalska', phone: '+48 601 234 568', notes: 'Prefers mornings' }],
} as const;

export const outcomeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['outcome'],
  properties: {
    outcome: { type: 'string', enum: ['reached', 'not_reached', 'reschedule'], description: 'not_reached: another attempt per the retry policy (failed when none is left)' },
    scheduledAt: text(40, { minLength: 10, description: 'reschedule: the agreed time, ISO 8601 with offset or local in timeZone' }),
    timeZone: text(64),
  },
  if: { properties: { outcome: { const: 'reschedule' } } },
  then: { required: ['outcome', 'scheduledAt'] },
  examples: [{ outcome: 'not_reached' }, { outcome: 'reschedule', scheduledAt: '2026-12-02T10:00', timeZone: 'Europe/Warsaw' }],
} as const;

export const outcomeResultSchema = {
  $id: 'CallOutcomeResult',
  type: 'object',
  properties: {
    callbackId: { type: 'integer' },
    outcome: { type: 'string', enum: ['reached', 'not_reached', 'reschedule'] },
    status: { type: 'string' },
    nextAttemptAt: { type: ['string', 'null'] },
    scheduledAt: { type: 'string' },
    timeZone: { type: 'string' },
  },
} as const;
