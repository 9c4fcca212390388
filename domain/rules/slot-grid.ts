// Availability as a compact grid: the slots of an answer are arithmetic (first start + i × step),
// so only each slot's bookings and reason are stored. Zone offsets are read once per span of equal
// offset, holidays once per local day and the skill's weekly hours once per set of hours; each slot
// is then judged with a few integer operations instead of a wall clock per zone.
import type { DateTime } from 'luxon';
import type { GlobalRules, HolidayCalendar, Skill, ViolationCode, WeeklyHours } from '../types.ts';
import { isHolidayOn } from './holidays.ts';
import { minutesOf, weeklyRanges } from './opening-hours.ts';
import { dateOf, localMillisCursor, offsetReaderOf, offsetSpansOf } from './zone-clock.ts';
import type { SlotQuery } from './slots.ts';

const DAY = 86_400_000;
const MINUTE = 60_000;
const WEEK_MINUTES = 7 * 1440;

/** At most this many slots per answer: the longest horizon the rules allow (365 days) and today, of 15-minute slots. */
export const MAX_SLOTS = 366 * 96;

/** Reason codes of a grid, by number: 0 is bookable, in the priority order slots are judged in. */
export const REASONS: ReadonlyArray<ViolationCode | null> = [null, 'IN_PAST', 'TOO_SOON', 'TOO_FAR', 'HOLIDAY', 'SKILL_CLOSED', 'OUTSIDE_CALLING_WINDOW', 'SLOT_FULL'];
const [, IN_PAST, TOO_SOON, TOO_FAR, HOLIDAY, SKILL_CLOSED, OUTSIDE_CALLING_WINDOW, SLOT_FULL] = REASONS.map((_, i) => i);

export interface SlotGrid {
  /** Start of the first slot, epoch ms (on the UTC-midnight-anchored grid). */
  firstStart: number;
  slotMs: number;
  count: number;
  capacity: number;
  /** Places taken per slot. */
  booked: Uint32Array;
  /** Index into REASONS per slot (0: bookable). */
  reasons: Uint8Array;
}

/** The start (epoch ms) of the slot holding `ms`; the grid is anchored at UTC midnight (timing.ts slotStartOf). */
export function slotStartMillis(ms: number, slotMs: number): number {
  const midnight = Math.floor(ms / DAY) * DAY;
  return midnight + Math.floor((ms - midnight) / slotMs) * slotMs;
}

/**
 * The instants an answer covers: from the start of the slot holding `from` to `to`, cut at the end
 * of the customer's day holding now + horizon (nothing later can be booked); epoch ms.
 */
export function slotRange(q: Pick<SlotQuery, 'from' | 'to' | 'now' | 'rules' | 'customerZone'>): { firstStart: number; end: number; slotMs: number } {
  const minutes = q.rules.slotMinutes;
  if (!Number.isFinite(minutes) || minutes <= 0) throw new RangeError(`slotMinutes must be positive, got ${minutes}`);
  const slotMs = minutes * MINUTE;
  const horizonEnd = endOfLocalDay(q.now.plus({ days: q.rules.horizonDays }), q.customerZone);
  return { firstStart: slotStartMillis(q.from.toMillis(), slotMs), end: Math.min(q.to.toMillis(), horizonEnd), slotMs };
}

/** Epoch ms of the end of `at`'s day in `zone` (luxon's endOf('day')), worked out once per zone and local day; bounded. */
function endOfLocalDay(at: DateTime, zone: string): number {
  const offsetOf = offsetReaderOf(zone);
  if (!offsetOf) return at.setZone(zone).endOf('day').toMillis();
  const ms = at.toMillis();
  const key = `${zone}|${Math.floor((ms + offsetOf(ms) * MINUTE) / DAY)}`;
  let end = dayEnds.get(key);
  if (end === undefined) {
    if (dayEnds.size >= 1000) dayEnds.clear();
    dayEnds.set(key, (end = at.setZone(zone).endOf('day').toMillis()));
  }
  return end;
}
const dayEnds = new Map<string, number>();

/** computeSlots' answer as a grid (see computeSlots for the rules); `range` when already read (slotRange). */
export function computeSlotGrid(q: SlotQuery, range = slotRange(q)): SlotGrid {
  const { firstStart, end, slotMs } = range;
  const capacity = q.personal ? q.rules.capacityPerAgentSlot : q.rules.capacityPerSkillSlot;
  const count = end > firstStart ? Math.min(MAX_SLOTS, Math.ceil((end - firstStart) / slotMs)) : 0;
  const lastStart = firstStart + Math.max(0, count - 1) * slotMs;
  const grid: SlotGrid = { firstStart, slotMs, count, capacity, booked: new Uint32Array(count), reasons: new Uint8Array(count) };
  for (const [start, booked] of q.booked) {
    const i = (start - firstStart) / slotMs;
    if (Number.isInteger(i) && i >= 0 && i < count) grid.booked[i] = booked;
  }

  const nowMs = q.now.toMillis();
  const soonMs = q.now.plus({ minutes: q.rules.leadMinutes }).toMillis();
  const farMs = q.now.toUTC().plus({ days: q.rules.horizonDays }).toMillis();
  const campaignCalendar = calendarOf(q.calendars, q.campaignCalendarId);
  const campaignHoliday = campaignCalendar ? holidayReader(q.campaignZone || q.skill?.timeZone || q.customerZone, campaignCalendar, firstStart, lastStart + 1) : null;
  const skillClosed = q.skill ? skillReader(q.skill, calendarOf(q.calendars, q.skill.holidayCalendarId), firstStart, lastStart + 1) : null;
  const windowReaders = (q.customerZones?.length ? q.customerZones : [q.customerZone]).map((zone) => callingWindowReader(zone, q.rules, firstStart, lastStart + 1));

  for (let i = 0, ms = firstStart; i < count; i++, ms += slotMs) {
    let reason = 0;
    if (ms < nowMs) reason = IN_PAST;
    else if (ms < soonMs) reason = TOO_SOON;
    else if (ms > farMs) reason = TOO_FAR;
    else if (campaignHoliday?.(ms)) reason = HOLIDAY;
    else reason = (skillClosed?.(ms) ?? 0) || (windowReaders.every((inWindow) => inWindow(ms)) ? (grid.booked[i] >= capacity ? SLOT_FULL : 0) : OUTSIDE_CALLING_WINDOW);
    grid.reasons[i] = reason;
  }
  return grid;
}

/** A run of consecutive closed slots with one reason: slots first … first + count - 1 of a grid. */
export interface ClosedRun {
  first: number;
  count: number;
  reason: ViolationCode;
}

/** The grid's closed slots as runs, in order; every slot outside them is bookable. */
export function closedRunsOf(grid: SlotGrid): ClosedRun[] {
  const runs: ClosedRun[] = [];
  for (let i = 0; i < grid.count; ) {
    const code = grid.reasons[i];
    let j = i + 1;
    while (j < grid.count && grid.reasons[j] === code) j++;
    if (code) runs.push({ first: i, count: j - i, reason: REASONS[code] as ViolationCode });
    i = j;
  }
  return runs;
}

/** The calendar with that id, or null when none is attached (or it is missing from the map). */
export function calendarOf(calendars: Map<number, HolidayCalendar>, id: number | null | undefined): HolidayCalendar | null {
  return id == null ? null : (calendars.get(id) ?? null);
}

/** Whether the local day (in `zone`) of instants read in increasing order is a holiday; judged once per local day. */
function holidayReader(zone: string, calendar: HolidayCalendar, fromMs: number, toMs: number): ((ms: number) => boolean) | null {
  const spans = offsetSpansOf(zone, fromMs, toMs);
  if (!spans) return null; // a zone luxon cannot read has no local dates, hence no holidays
  const localOf = localMillisCursor(spans);
  const holidays = holidaysByDay(calendar);
  return (ms) => holidays(Math.floor(localOf(ms) / DAY));
}

/** isHolidayOn per day number, remembered for the request. */
function holidaysByDay(calendar: HolidayCalendar): (day: number) => boolean {
  const days = new Map<number, boolean>();
  return (day) => {
    let holiday = days.get(day);
    if (holiday === undefined) {
      const date = dateOf(day);
      days.set(day, (holiday = isHolidayOn(date, Number(date.slice(0, 4)), calendar)));
    }
    return holiday;
  };
}

/** HOLIDAY, SKILL_CLOSED or 0 (open) of the skill at instants read in increasing order, in the skill's zone. */
function skillReader(skill: Skill, calendar: HolidayCalendar | null, fromMs: number, toMs: number): (ms: number) => number {
  const spans = offsetSpansOf(skill.timeZone, fromMs, toMs);
  if (!spans) return () => SKILL_CLOSED;
  const localOf = localMillisCursor(spans);
  const holidays = calendar ? holidaysByDay(calendar) : null;
  const open = weekMinutesOf(skill.hours ?? {});
  return (ms) => {
    const local = localOf(ms);
    const day = Math.floor(local / DAY);
    if (holidays?.(day)) return HOLIDAY;
    // 1970-01-01 was a Thursday: day 0 is index 3 of a week starting on Monday.
    const minuteOfWeek = ((((day + 3) % 7) + 7) % 7) * 1440 + Math.floor((local - day * DAY) / MINUTE);
    return open[minuteOfWeek] ? 0 : SKILL_CLOSED;
  };
}

/** Whether the calling window holds in `zone` at instants read in increasing order (false for a zone luxon cannot read). */
function callingWindowReader(zone: string, rules: GlobalRules, fromMs: number, toMs: number): (ms: number) => boolean {
  const spans = offsetSpansOf(zone, fromMs, toMs);
  const start = minutesOf(rules.windowStart);
  const end = minutesOf(rules.windowEnd);
  if (!spans || Number.isNaN(start) || Number.isNaN(end)) return () => false;
  const localOf = localMillisCursor(spans);
  return (ms) => {
    const local = localOf(ms);
    const minute = Math.floor((local - Math.floor(local / DAY) * DAY) / MINUTE);
    // A window such as 20:00-02:00 wraps past midnight.
    return end > start ? minute >= start && minute < end : minute >= start || minute < end;
  };
}

/** The skill's weekly hours as one flag per minute of the week (Monday 00:00 first); remembered per hours object. */
const weekMinutesCache = new WeakMap<WeeklyHours, Uint8Array>();
function weekMinutesOf(hours: WeeklyHours): Uint8Array {
  let open = weekMinutesCache.get(hours);
  if (open) return open;
  open = new Uint8Array(WEEK_MINUTES);
  for (let weekday = 1; weekday <= 7; weekday++) {
    const dayStart = (weekday - 1) * 1440;
    for (const [start, end] of weeklyRanges(hours, weekday)) {
      if (end > start) open.fill(1, dayStart + start, dayStart + Math.min(end, 1440));
      else {
        // "22:00-06:00" runs past midnight into the next day (Sunday into Monday).
        open.fill(1, dayStart + start, dayStart + 1440);
        const next = (weekday % 7) * 1440;
        open.fill(1, next, next + end);
      }
    }
  }
  weekMinutesCache.set(hours, open);
  return open;
}
