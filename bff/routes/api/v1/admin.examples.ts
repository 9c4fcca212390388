// Real examples for the admin API's OpenAPI document (the demo's own configuration).
export const CAMPAIGN_EXAMPLE = {
  uccxCampaignName: 'CB_DDI_1',
  ddi: '+48221234567',
  defaultCountry: 'PL',
  timeZone: 'Europe/Warsaw',
  dialPlan: [
    { match: '+48', strip: 3, prefix: '0' },
    { match: '+', strip: 1, prefix: '00' },
  ],
  retryPolicy: { default: { maxAttempts: 3, delayMinutes: 10 }, busy: { maxAttempts: 3, delayMinutes: 5 } },
  holidayCalendar: 'Poland',
  ivrScript: null,
  purgeAt: '23:30',
  personalFallbackSeconds: null,
  agentDefault: true,
};

export const SKILL_EXAMPLE = {
  csq: 'CSQ_Sales',
  timeZone: 'Europe/Warsaw',
  hours: { '1': ['08:00-18:00'], '2': ['08:00-18:00'], '3': ['08:00-18:00'], '4': ['08:00-18:00'], '5': ['08:00-18:00'], '6': ['09:00-13:00'] },
  holidayCalendar: 'Poland',
  ivrScript: null,
  personalFallbackSeconds: 45,
};

export const CALENDAR_EXAMPLE = { country: 'US', region: 'NY', customDates: ['2026-12-24'] };

export const RULES_EXAMPLE = {
  leadMinutes: 5,
  horizonDays: 30,
  windowStart: '08:00',
  windowEnd: '21:00',
  slotMinutes: 15,
  capacityPerSkillSlot: 10,
  capacityPerAgentSlot: 2,
  expiryHours: 4,
  personalFallbackSeconds: 30,
};

// Answers, as the demo gives them.
export const CAMPAIGN_LIST_EXAMPLE = [{ id: 1, name: 'CB_MAIN', ...CAMPAIGN_EXAMPLE, holidayCalendar: undefined, holidayCalendarId: 1, uccxCampaignId: 200 }];
export const SKILL_LIST_EXAMPLE = [{ id: 1, name: 'Sales', ...SKILL_EXAMPLE, holidayCalendar: undefined, holidayCalendarId: 1 }];
export const CALENDAR_LIST_EXAMPLE = [{ id: 1, name: 'Poland', country: 'PL', region: null, customDates: ['2026-12-24'] }];
export const AUDIT_EXAMPLE = [{ id: 42, at: '2026-11-24T09:12:03.000Z', actor: '9001', action: 'skill.update', target: 'skill:Sales', before: { csq: 'CSQ_Sales' }, after: { csq: 'CSQ_Sales_2' } }];
export const IN_USE_EXAMPLE = { error: 'in_use', message: '3 active callback(s) still use skill Sales: reassign or cancel them first', errors: [{ field: 'name', code: 'IN_USE', message: '3 active callback(s) still use skill Sales: reassign or cancel them first' }] };
export const PUBLIC_HOLIDAYS_EXAMPLE = [
  { date: '2026-01-01', name: 'Nowy Rok' },
  { date: '2026-01-06', name: 'Święto Trzech Króli' },
  { date: '2026-04-05', name: 'Wielkanoc' },
];
export const CONNECTIONS_EXAMPLE = [
  { id: 'finesse', dependency: 'finesse', endpoint: 'https://finesse-a.example.com:8445', configured: true, state: 'ok', required: true, lastSuccessAt: '2026-11-24T09:15:00.000Z', lastFailureAt: null, lastCause: null },
  { id: 'uccx1', dependency: 'uccx', endpoint: 'https://uccx-a.example.com', configured: true, state: 'failing', required: true, lastSuccessAt: '2026-11-24T09:10:00.000Z', lastFailureAt: '2026-11-24T09:14:30.000Z', lastCause: 'timeout', checkedNow: 'timeout' },
  { id: 'uccx2', dependency: 'uccx', endpoint: 'https://uccx-b.example.com', configured: true, state: 'failing', required: true, lastSuccessAt: '2026-11-24T09:10:00.000Z', lastFailureAt: '2026-11-24T09:14:30.000Z', lastCause: 'timeout', checkedNow: 'ok' },
  { id: 'dbcra', dependency: 'dbcra', endpoint: 'host=uccx-b.example.com service=1504 server=uccx_b_uccx database=db_cra', configured: true, state: 'ok', required: false, lastSuccessAt: '2026-11-24T09:14:00.000Z', lastFailureAt: null, lastCause: null },
];
