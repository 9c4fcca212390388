// Before each retry the Campaign Manager re-checks what UCCX cannot: the skill's hours and
// holidays, the campaign's holidays and the customer's calling window (lifecycle doc). When the
// retry time is closed, the attempt moves to the next open time.
import { DateTime } from 'luxon';
import type { Configuration } from '../db/queries/config.ts';
import type { CallbackRow } from '../db/queries/callbacks.ts';
import { calendarOf, inCallingWindow, isHoliday, skillOpenAt } from '../domain/rules/index.ts';

const STEP_MINUTES = 5;
/** Beyond two weeks something is misconfigured (a skill that never opens): stop looking. */
const SEARCH_DAYS = 14;

/** Why the callback cannot be dialled at `at`, or null when it can. */
export function closedReason(callback: CallbackRow, config: Configuration, at: Date): string | null {
  const utc = DateTime.fromJSDate(at, { zone: 'utc' });
  const skill = callback.skill ? config.skills.find((s) => s.name === callback.skill) : undefined;
  const campaign = config.campaigns.find((c) => c.name === callback.campaign);
  const campaignZone = skill?.timeZone ?? callback.timeZone;
  if (campaign && isHoliday(utc, campaignZone, calendarOf(config.calendars, campaign.holidayCalendarId))) return 'HOLIDAY';
  if (skill) {
    const reason = skillOpenAt(skill, utc, calendarOf(config.calendars, skill.holidayCalendarId));
    if (reason) return reason;
  }
  return inCallingWindow(utc, callback.timeZone, config.rules) ? null : 'OUTSIDE_CALLING_WINDOW';
}

/** The first time from `from` on (in 5-minute steps) when the callback may be dialled; null if none within 14 days. */
export function nextOpenTime(callback: CallbackRow, config: Configuration, from: Date): Date | null {
  if (!closedReason(callback, config, from)) return from;
  const start = DateTime.fromJSDate(from, { zone: 'utc' });
  const first = start.plus({ minutes: STEP_MINUTES - (start.minute % STEP_MINUTES) }).startOf('minute');
  for (let t = first; t.diff(start, 'days').days <= SEARCH_DAYS; t = t.plus({ minutes: STEP_MINUTES })) {
    if (!closedReason(callback, config, t.toJSDate())) return t.toJSDate();
  }
  return null;
}
