// Request bodies of the admin API. Free text uses text() (no control or bidi characters).
import { text } from './schemas.ts';
import { SAFE_TEXT_PATTERN } from '../../../../domain/text.ts';
import { RETRY_OUTCOMES } from '../../../../domain/types.ts';

const hhmm = { type: 'string', pattern: '^([01]\\d|2[0-4]):[0-5]\\d$' } as const;
const zone = text(64, { minLength: 1 });
const calendarRef = { type: ['string', 'null'], maxLength: 50, pattern: SAFE_TEXT_PATTERN } as const;
const ivrScript = { type: ['string', 'null'], maxLength: 100, pattern: SAFE_TEXT_PATTERN } as const;
// Overrides of global settings (null = the global value); ranges are checked in domain/config-checks.ts.
const purgeAt = { type: ['string', 'null'], maxLength: 5, pattern: SAFE_TEXT_PATTERN, description: 'daily purge of this campaign\'s UCCX contacts, HH:MM server time; null = CM_PURGE_AT' } as const;
const fallbackSeconds = { type: ['integer', 'null'], description: 'seconds a personal callback waits for its agent before the skill; null = not overridden' } as const;

/** The :name of a campaign, skill or calendar. */
export const nameParams = { type: 'object', properties: { name: text(50, { minLength: 1 }) }, required: ['name'] } as const;

const dialPlan = {
  type: 'array',
  maxItems: 20,
  items: {
    type: 'object',
    required: ['match', 'strip', 'prefix'],
    additionalProperties: false,
    properties: { match: { type: 'string', pattern: '^\\+\\d*$' }, strip: { type: 'integer', minimum: 0, maximum: 16 }, prefix: { type: 'string', pattern: '^[0-9*#]*$', maxLength: 10 } },
  },
} as const;

const attemptPolicy = { type: 'object', required: ['maxAttempts', 'delayMinutes'], properties: { maxAttempts: { type: 'integer', minimum: 1, maximum: 10 }, delayMinutes: { type: 'number', minimum: 0 } } } as const;

export const campaignBody = {
  type: 'object',
  required: ['uccxCampaignName', 'ddi', 'defaultCountry', 'timeZone', 'dialPlan'],
  additionalProperties: false,
  properties: {
    uccxCampaignName: text(40, { minLength: 1 }),
    uccxCampaignId: { type: ['integer', 'null'] },
    ddi: { type: 'string', pattern: '^\\+\\d{4,15}$' },
    defaultCountry: { type: 'string', pattern: '^[A-Z]{2}$' },
    timeZone: zone,
    dialPlan,
    retryPolicy: { type: ['object', 'null'], propertyNames: { enum: [...RETRY_OUTCOMES] }, additionalProperties: attemptPolicy },
    holidayCalendar: calendarRef,
    ivrScript,
    purgeAt,
    personalFallbackSeconds: fallbackSeconds,
    agentDefault: { type: 'boolean', description: "the campaign agents book on when the call's DDI matches none (at most one)" },
  },
} as const;

export const skillBody = {
  type: 'object',
  required: ['csq', 'timeZone', 'hours'],
  additionalProperties: false,
  properties: {
    csq: text(50, { minLength: 1 }),
    timeZone: zone,
    hours: {
      type: 'object',
      additionalProperties: false,
      patternProperties: { '^[1-7]$': { type: 'array', items: { type: 'string', pattern: '^\\d{2}:\\d{2}-\\d{2}:\\d{2}$' } } },
    },
    holidayCalendar: calendarRef,
    ivrScript,
    personalFallbackSeconds: fallbackSeconds,
  },
} as const;

export const calendarBody = {
  type: 'object',
  required: ['customDates'],
  additionalProperties: false,
  properties: {
    country: { type: ['string', 'null'], pattern: '^[A-Z]{2}$' },
    region: { type: ['string', 'null'], maxLength: 10, pattern: SAFE_TEXT_PATTERN },
    customDates: { type: 'array', items: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
  },
} as const;

export const rulesBody = {
  type: 'object',
  additionalProperties: false,
  required: ['leadMinutes', 'horizonDays', 'windowStart', 'windowEnd', 'slotMinutes', 'capacityPerSkillSlot', 'capacityPerAgentSlot', 'expiryHours', 'personalFallbackSeconds'],
  properties: {
    leadMinutes: { type: 'integer', minimum: 0 },
    horizonDays: { type: 'integer', minimum: 1, maximum: 365 },
    windowStart: hhmm,
    windowEnd: hhmm,
    slotMinutes: { type: 'integer', enum: [5, 10, 15, 20, 30, 60] },
    capacityPerSkillSlot: { type: 'integer', minimum: 0 },
    capacityPerAgentSlot: { type: 'integer', minimum: 0 },
    expiryHours: { type: 'integer', minimum: 1 },
    personalFallbackSeconds: { type: 'integer', minimum: 0 },
  },
} as const;

/** Which public holidays to show before they are saved as a calendar's country/region. */
export const publicHolidaysQuery = {
  type: 'object',
  required: ['country', 'year'],
  additionalProperties: false,
  properties: {
    country: { type: 'string', pattern: '^[A-Z]{2}$' },
    region: { type: 'string', maxLength: 10, pattern: SAFE_TEXT_PATTERN },
    year: { type: 'integer', minimum: 2000, maximum: 2100 },
  },
} as const;
