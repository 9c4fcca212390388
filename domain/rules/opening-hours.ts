// When a skill answers calls, and when the customer may be called.
import type { DateTime } from 'luxon';
import type { GlobalRules, HolidayCalendar, Skill, WeeklyHours } from '../types.ts';
import { isHoliday } from './holidays.ts';

const DAY_MINUTES = 24 * 60;

/** "HH:MM" → minutes after midnight; "24:00" is allowed (end of day). NaN when malformed. */
export function minutesOf(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec((hhmm ?? '').trim());
  if (!m) return Number.NaN;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && minutes <= DAY_MINUTES ? minutes : Number.NaN;
}

/** Parses "HH:MM-HH:MM" into [start, end) minutes; null when malformed. */
function rangeOf(text: string): [number, number] | null {
  const [from, to, extra] = (text ?? '').split('-');
  if (extra !== undefined || to === undefined) return null;
  const start = minutesOf(from);
  const end = minutesOf(to);
  return Number.isNaN(start) || Number.isNaN(end) || start >= DAY_MINUTES ? null : [start, end];
}

/** The well-formed [start, end) minute ranges of one ISO weekday (an end not after its start runs past midnight). */
export const weeklyRanges = (hours: WeeklyHours, isoWeekday: number): Array<[number, number]> =>
  (hours[String(isoWeekday) as keyof WeeklyHours] ?? []).map(rangeOf).filter((r): r is [number, number] => r !== null);

/**
 * True when `minute` of ISO weekday `weekday` falls inside the weekly hours (end exclusive).
 * A range whose end is not after its start ("22:00-06:00") runs past midnight into the next day.
 */
export function isWithinWeeklyHours(hours: WeeklyHours, weekday: number, minute: number): boolean {
  return weeklyHoursTester(hours)(weekday, minute);
}

/** isWithinWeeklyHours with the ranges parsed once (the calendar asks for every slot of the horizon). */
export function weeklyHoursTester(hours: WeeklyHours): (weekday: number, minute: number) => boolean {
  const byDay = [0, 1, 2, 3, 4, 5, 6, 7].map((d) => (d === 0 ? [] : weeklyRanges(hours, d)));
  return (weekday, minute) => {
    if ((byDay[weekday] ?? []).some(([s, e]) => (e > s ? minute >= s && minute < e : minute >= s))) return true;
    const previousDay = weekday === 1 ? 7 : weekday - 1;
    return (byDay[previousDay] ?? []).some(([s, e]) => e <= s && minute < e);
  };
}

/**
 * Whether the skill answers at `utc`: null when open, HOLIDAY on one of its calendar's holidays
 * (the stronger reason, so it wins over closed hours), SKILL_CLOSED outside its weekly hours.
 * Hours and holidays are read in the skill's own zone.
 */
export function skillOpenAt(skill: Skill, utc: DateTime, calendar?: HolidayCalendar | null): null | 'SKILL_CLOSED' | 'HOLIDAY' {
  if (isHoliday(utc, skill.timeZone, calendar)) return 'HOLIDAY';
  const local = utc.setZone(skill.timeZone);
  if (!local.isValid) return 'SKILL_CLOSED';
  return isWithinWeeklyHours(skill.hours ?? {}, local.weekday, local.hour * 60 + local.minute) ? null : 'SKILL_CLOSED';
}

/** Whether `utc` is inside the global calling window (start inclusive, end exclusive) in the customer's zone. */
export function inCallingWindow(utc: DateTime, customerZone: string, rules: GlobalRules): boolean {
  const local = utc.setZone(customerZone);
  const start = minutesOf(rules.windowStart);
  const end = minutesOf(rules.windowEnd);
  if (!local.isValid || Number.isNaN(start) || Number.isNaN(end)) return false;
  const minute = local.hour * 60 + local.minute;
  // A window such as 20:00-02:00 wraps past midnight.
  return end > start ? minute >= start && minute < end : minute >= start || minute < end;
}
