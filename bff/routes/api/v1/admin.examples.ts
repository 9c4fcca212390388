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
};

export const SKILL_EXAMPLE = {
  csq: 'CSQ_Sales',
  timeZone: 'Europe/Warsaw',
  hours: { '1': ['08:00-18:00'], '2': ['08:00-18:00'], '3': ['08:00-18:00'], '4': ['08:00-18:00'], '5': ['08:00-18:00'], '6': ['09:00-13:00'] },
  holidayCalendar: 'Poland',
  ivrScript: null,
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
