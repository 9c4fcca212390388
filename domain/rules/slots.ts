// Availability for the gadget's calendar.
import type { DateTime } from 'luxon';
import type { GlobalRules, HolidayCalendar, Skill, Slot, ViolationCode } from '../types.ts';
import { isHolidayOn } from './holidays.ts';
import { minutesOf, weeklyHoursTester } from './opening-hours.ts';
import { slotStartOf } from './timing.ts';
import { wallClockOf } from './zone-clock.ts';

/** At most this many slots per answer: the longest horizon the rules allow (365 days) and today, of 15-minute slots. */
export const MAX_SLOTS = 366 * 96;

export interface SlotQuery {
  from: DateTime;
  to: DateTime;
  now: DateTime;
  rules: GlobalRules;
  /** The target skill (or the agent's fallback skill); null → no skill hours to apply. */
  skill: Skill | null;
  customerZone: string;
  /** Every zone the customer may be in (the calling window must hold in each); default [customerZone]. */
  customerZones?: readonly string[];
  calendars: Map<number, HolidayCalendar>;
  campaignCalendarId?: number | null;
  /** Zone the campaign calendar's dates are read in; defaults to the skill's zone, else the customer's. */
  campaignZone?: string | null;
  personal: boolean;
  /** Bookings per slot, keyed by the slot start as ISO UTC ("2026-12-01T09:00:00.000Z"). */
  booked: Map<string, number>;
}

/**
 * One Slot per slot of the grid from the slot holding `from` up to (not including) `to`, in order.
 * A slot's reason is judged at its start, in priority order: IN_PAST, TOO_SOON, TOO_FAR, HOLIDAY,
 * SKILL_CLOSED, OUTSIDE_CALLING_WINDOW, SLOT_FULL; null means bookable. The answer ends with the
 * customer's day holding now + horizon: nothing later can be booked, so the calendar ends there.
 */
export function computeSlots(q: SlotQuery): Slot[] {
  const minutes = q.rules.slotMinutes;
  const step = minutes * 60_000;
  const capacity = q.personal ? q.rules.capacityPerAgentSlot : q.rules.capacityPerSkillSlot;
  const skillCalendar = calendarOf(q.calendars, q.skill?.holidayCalendarId);
  const campaignCalendar = calendarOf(q.calendars, q.campaignCalendarId);
  const campaignZone = q.campaignZone || q.skill?.timeZone || q.customerZone;
  const customerZones = q.customerZones?.length ? q.customerZones : [q.customerZone];
  const horizonEnd = q.now.plus({ days: q.rules.horizonDays }).setZone(q.customerZone).endOf('day');
  const end = Math.min(q.to.toMillis(), horizonEnd.toMillis());
  // The same rules as timingReason, holidays, skillOpenAt and inCallingWindow, read per slot from
  // epoch milliseconds and wall clocks (zone-clock.ts) instead of a DateTime per slot and zone.
  const nowMs = q.now.toMillis();
  const soonMs = q.now.plus({ minutes: q.rules.leadMinutes }).toMillis();
  const farMs = q.now.toUTC().plus({ days: q.rules.horizonDays }).toMillis();
  const campaignClock = wallClockOf(campaignZone);
  const skillClock = q.skill ? wallClockOf(q.skill.timeZone) : null;
  const customerClocks = customerZones.map(wallClockOf);
  const windowStart = minutesOf(q.rules.windowStart);
  const windowEnd = minutesOf(q.rules.windowEnd);
  const openAt = weeklyHoursTester(q.skill?.hours ?? {});
  const skillHoliday = holidayMemo(skillCalendar);
  const campaignHoliday = holidayMemo(campaignCalendar);
  const skillReason = (ms: number): ViolationCode | null => {
    if (!skillClock) return 'SKILL_CLOSED';
    const local = skillClock(ms);
    if (skillHoliday(local.date, local.year)) return 'HOLIDAY';
    return openAt(local.weekday, local.minute) ? null : 'SKILL_CLOSED';
  };
  const inWindow = (clock: ReturnType<typeof wallClockOf>, ms: number): boolean => {
    if (!clock || Number.isNaN(windowStart) || Number.isNaN(windowEnd)) return false;
    const minute = clock(ms).minute;
    return windowEnd > windowStart ? minute >= windowStart && minute < windowEnd : minute >= windowStart || minute < windowEnd;
  };
  const holidayOfCampaign = (ms: number): boolean => {
    if (!campaignCalendar || !campaignClock) return false;
    const local = campaignClock(ms);
    return campaignHoliday(local.date, local.year);
  };
  const slots: Slot[] = [];
  let next = new Date(slotStartOf(q.from, minutes).toMillis()).toISOString();
  for (let ms = slotStartOf(q.from, minutes).toMillis(); ms < end && slots.length < MAX_SLOTS; ms += step) {
    const key = next;
    next = new Date(ms + step).toISOString();
    const booked = q.booked.get(key) ?? 0;
    const available = Math.max(0, capacity - booked);
    const closedReason: ViolationCode | null =
      (ms < nowMs ? 'IN_PAST' : ms < soonMs ? 'TOO_SOON' : ms > farMs ? 'TOO_FAR' : null) ??
      (holidayOfCampaign(ms) ? 'HOLIDAY' : null) ??
      (q.skill ? skillReason(ms) : null) ??
      (customerClocks.every((clock) => inWindow(clock, ms)) ? null : 'OUTSIDE_CALLING_WINDOW') ??
      (available <= 0 ? 'SLOT_FULL' : null);
    slots.push({ start: key, end: next, capacity, booked, available, closedReason });
  }
  return slots;
}

/** isHolidayOn of one calendar, answered once per local date. */
function holidayMemo(calendar: HolidayCalendar | null): (date: string, year: number) => boolean {
  const days = new Map<string, boolean>();
  return (date, year) => {
    let holiday = days.get(date);
    if (holiday === undefined) days.set(date, (holiday = isHolidayOn(date, year, calendar)));
    return holiday;
  };
}

/** The calendar with that id, or null when none is attached (or it is missing from the map). */
export function calendarOf(calendars: Map<number, HolidayCalendar>, id: number | null | undefined): HolidayCalendar | null {
  return id == null ? null : (calendars.get(id) ?? null);
}
