// Request bodies of the admin API.
const hhmm = { type: 'string', pattern: '^([01]\\d|2[0-4]):[0-5]\\d$' } as const;
const zone = { type: 'string', minLength: 1, maxLength: 64 } as const;
const calendarRef = { type: ['string', 'null'], maxLength: 50 } as const;
const ivrScript = { type: ['string', 'null'], maxLength: 100 } as const;

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
    uccxCampaignName: { type: 'string', minLength: 1, maxLength: 40 },
    uccxCampaignId: { type: ['integer', 'null'] },
    ddi: { type: 'string', pattern: '^\\+\\d{4,15}$' },
    defaultCountry: { type: 'string', pattern: '^[A-Z]{2}$' },
    timeZone: zone,
    dialPlan,
    retryPolicy: { type: ['object', 'null'], additionalProperties: attemptPolicy },
    holidayCalendar: calendarRef,
    ivrScript,
  },
} as const;

export const skillBody = {
  type: 'object',
  required: ['csq', 'timeZone', 'hours'],
  additionalProperties: false,
  properties: {
    csq: { type: 'string', minLength: 1, maxLength: 50 },
    timeZone: zone,
    hours: {
      type: 'object',
      additionalProperties: false,
      patternProperties: { '^[1-7]$': { type: 'array', items: { type: 'string', pattern: '^\\d{2}:\\d{2}-\\d{2}:\\d{2}$' } } },
    },
    holidayCalendar: calendarRef,
    ivrScript,
  },
} as const;

export const calendarBody = {
  type: 'object',
  required: ['customDates'],
  additionalProperties: false,
  properties: {
    country: { type: ['string', 'null'], pattern: '^[A-Z]{2}$' },
    region: { type: ['string', 'null'], maxLength: 10 },
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
