// Demo seed values (issue 2, "Demo seed") shared by the rules tests.
import { DateTime } from 'luxon';
import type { Campaign, GlobalRules, HolidayCalendar, Skill } from '../../domain/types.ts';

export const polishHolidays: HolidayCalendar = { id: 1, name: 'Poland', country: 'PL', region: null, customDates: [] };
export const companyDays: HolidayCalendar = { id: 2, name: 'Company days', country: null, customDates: ['2026-12-07'] };
export const calendars = new Map<number, HolidayCalendar>([
  [polishHolidays.id, polishHolidays],
  [companyDays.id, companyDays],
]);

const weekdays = ['08:00-18:00'];
export const sales: Skill = {
  id: 1,
  name: 'Sales',
  csq: 'CSQ_Sales',
  timeZone: 'Europe/Warsaw',
  hours: { '1': weekdays, '2': weekdays, '3': weekdays, '4': weekdays, '5': weekdays, '6': ['09:00-13:00'] },
  holidayCalendarId: polishHolidays.id,
};
const allDay = ['07:00-22:00'];
export const support: Skill = {
  id: 2,
  name: 'Support',
  csq: 'CSQ_Support',
  timeZone: 'Europe/Warsaw',
  hours: { '1': allDay, '2': allDay, '3': allDay, '4': allDay, '5': allDay, '6': allDay, '7': allDay },
};

export const rules: GlobalRules = {
  leadMinutes: 5,
  horizonDays: 30,
  windowStart: '08:00',
  windowEnd: '21:00',
  slotMinutes: 15,
  capacityPerSkillSlot: 10,
  capacityPerAgentSlot: 2,
  expiryHours: 24,
  personalFallbackSeconds: 15,
};

export const cbMain: Campaign = {
  id: 1,
  name: 'CB_MAIN',
  uccxCampaignName: 'CB_MAIN',
  ddi: '+48221234567',
  defaultCountry: 'PL',
  timeZone: 'Europe/Warsaw',
  dialPlan: [
    { match: '+48', strip: 3, prefix: '0' },
    { match: '+', strip: 1, prefix: '00' },
  ],
};
export const cbUs: Campaign = {
  id: 2,
  name: 'CB_US',
  uccxCampaignName: 'CB_US',
  ddi: '+12125550100',
  defaultCountry: 'US',
  timeZone: 'America/New_York',
  dialPlan: [
    { match: '+1', strip: 1, prefix: '9' },
    { match: '+', strip: 1, prefix: '9011' },
  ],
};

export const utc = (iso: string): DateTime => DateTime.fromISO(iso, { zone: 'utc' });
