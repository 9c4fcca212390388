// What makes configuration trustworthy before it is saved: each problem names its field, so the
// admin view can put it next to the input. Pure: what must be looked up elsewhere (the other
// campaigns, the UCCX campaign list, the holiday library's countries) comes in as arguments.
// One bad campaign zone once broke booking for every agent; nothing invalid gets stored.
import { getCountries } from 'libphonenumber-js/max';
import { isValidZone } from './rules/zones.ts';
import { minutesOf } from './rules/opening-hours.ts';
import type { Campaign, GlobalRules, HolidayCalendar, Skill, WeeklyHours } from './types.ts';

export const CONFIG_ERROR_CODES = [
  'INVALID_TIME_ZONE',
  'UNKNOWN_COUNTRY',
  'UNKNOWN_REGION',
  'DUPLICATE_DDI',
  'UNKNOWN_UCCX_CAMPAIGN',
  'INVALID_HOURS',
  'INVALID_WINDOW',
  'INVALID_DATE',
  'INVALID_TIME',
  'INVALID_SECONDS',
  'IN_USE',
] as const;
export type ConfigErrorCode = (typeof CONFIG_ERROR_CODES)[number];

export interface ConfigError {
  field: string;
  code: ConfigErrorCode;
  message: string;
}

const PHONE_COUNTRIES = new Set<string>(getCountries());

/** Holiday library facts the calendar check needs (date-holidays' countries and their regions). */
export interface HolidayRegions {
  countries: ReadonlySet<string>;
  regionsOf(country: string): ReadonlySet<string>;
}

/** What a campaign is checked against: the other campaigns and, when UCCX answered, its campaign names. */
export interface CampaignCheckContext {
  others: ReadonlyArray<Pick<Campaign, 'name' | 'ddi'>>;
  uccxCampaignNames: ReadonlySet<string> | null;
}

export function checkCampaign(c: Omit<Campaign, 'id'>, ctx: CampaignCheckContext): ConfigError[] {
  const errors: ConfigError[] = [];
  if (!isValidZone(c.timeZone)) errors.push({ field: 'timeZone', code: 'INVALID_TIME_ZONE', message: `"${c.timeZone}" is not an IANA time zone (e.g. Europe/Warsaw)` });
  if (!PHONE_COUNTRIES.has(c.defaultCountry)) errors.push({ field: 'defaultCountry', code: 'UNKNOWN_COUNTRY', message: `"${c.defaultCountry}" is not a country with a numbering plan` });
  const twin = ctx.others.find((o) => o.name !== c.name && o.ddi === c.ddi);
  if (twin) errors.push({ field: 'ddi', code: 'DUPLICATE_DDI', message: `DDI ${c.ddi} is already presented by campaign ${twin.name}` });
  if (ctx.uccxCampaignNames && !ctx.uccxCampaignNames.has(c.uccxCampaignName)) {
    errors.push({ field: 'uccxCampaignName', code: 'UNKNOWN_UCCX_CAMPAIGN', message: `UCCX has no campaign named "${c.uccxCampaignName}"` });
  }
  errors.push(...checkOverrides(c));
  return errors;
}

/** The longest a customer may be kept waiting for one agent before his skill's queue takes over. */
export const MAX_FALLBACK_SECONDS = 600;

/** Per-campaign or per-skill overrides: a purge time of day and a personal → skill wait, both optional. */
function checkOverrides(c: { purgeAt?: string | null; personalFallbackSeconds?: number | null }): ConfigError[] {
  const errors: ConfigError[] = [];
  if (c.purgeAt != null && !/^([01]\d|2[0-3]):[0-5]\d$/.test(c.purgeAt)) errors.push({ field: 'purgeAt', code: 'INVALID_TIME', message: `"${c.purgeAt}" is not a time of day HH:MM (00:00-23:59)` });
  const s = c.personalFallbackSeconds;
  if (s != null && (!Number.isInteger(s) || s < 0 || s > MAX_FALLBACK_SECONDS)) {
    errors.push({ field: 'personalFallbackSeconds', code: 'INVALID_SECONDS', message: `the wait for the personal agent must be 0-${MAX_FALLBACK_SECONDS} seconds` });
  }
  return errors;
}

/** Weekly hours: every range "HH:MM-HH:MM" inside 00:00-24:00, start ≠ end (a range past midnight is allowed). */
export function checkHours(hours: WeeklyHours, field = 'hours'): ConfigError[] {
  const errors: ConfigError[] = [];
  for (const [day, ranges] of Object.entries(hours)) {
    for (const [i, range] of (ranges ?? []).entries()) {
      const [from, to, extra] = range.split('-');
      const start = minutesOf(from);
      const end = minutesOf(to ?? '');
      if (extra !== undefined || Number.isNaN(start) || Number.isNaN(end) || start >= 24 * 60 || start === end) {
        errors.push({ field: `${field}.${day}[${i}]`, code: 'INVALID_HOURS', message: `"${range}" is not a range of times between 00:00 and 24:00` });
      }
    }
  }
  return errors;
}

export function checkSkill(s: Omit<Skill, 'id'>): ConfigError[] {
  const errors = [...checkHours(s.hours), ...checkOverrides(s)];
  if (!isValidZone(s.timeZone)) errors.unshift({ field: 'timeZone', code: 'INVALID_TIME_ZONE', message: `"${s.timeZone}" is not an IANA time zone (e.g. Europe/Warsaw)` });
  return errors;
}

/** The customer calling window is one stretch of the customer's day: it must end after it starts. */
export function checkRules(r: GlobalRules): ConfigError[] {
  const start = minutesOf(r.windowStart);
  const end = minutesOf(r.windowEnd);
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start) {
    return [{ field: 'windowEnd', code: 'INVALID_WINDOW', message: `the calling window ${r.windowStart}-${r.windowEnd} must end after it starts, within 00:00-24:00` }];
  }
  return [];
}

export function checkCalendar(c: Omit<HolidayCalendar, 'id'>, holidays: HolidayRegions): ConfigError[] {
  const errors: ConfigError[] = [];
  if (c.country && !holidays.countries.has(c.country)) errors.push({ field: 'country', code: 'UNKNOWN_COUNTRY', message: `no public holidays are known for "${c.country}"` });
  else if (c.country && c.region && !holidays.regionsOf(c.country).has(c.region)) {
    errors.push({ field: 'region', code: 'UNKNOWN_REGION', message: `"${c.region}" is not a region of ${c.country}` });
  }
  if (c.region && !c.country) errors.push({ field: 'region', code: 'UNKNOWN_REGION', message: 'a region needs its country' });
  for (const [i, date] of c.customDates.entries()) {
    const d = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) errors.push({ field: `customDates[${i}]`, code: 'INVALID_DATE', message: `"${date}" is not a calendar date` });
  }
  return errors;
}
