// Availability for the gadget's calendar.
import type { DateTime } from 'luxon';
import type { GlobalRules, HolidayCalendar, Skill, Slot, ViolationCode } from '../types.ts';
import { isHoliday } from './holidays.ts';
import { inCallingWindow, skillOpenAt } from './opening-hours.ts';
import { slotStartOf, timingReason } from './timing.ts';

/** At most this many slots per answer: 14 days of 15-minute slots. Longer ranges are cut at the end. */
export const MAX_SLOTS = 14 * 96;

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
 * SKILL_CLOSED, OUTSIDE_CALLING_WINDOW, SLOT_FULL; null means bookable.
 */
export function computeSlots(q: SlotQuery): Slot[] {
  const minutes = q.rules.slotMinutes;
  const capacity = q.personal ? q.rules.capacityPerAgentSlot : q.rules.capacityPerSkillSlot;
  const skillCalendar = calendarOf(q.calendars, q.skill?.holidayCalendarId);
  const campaignCalendar = calendarOf(q.calendars, q.campaignCalendarId);
  const campaignZone = q.campaignZone || q.skill?.timeZone || q.customerZone;
  const customerZones = q.customerZones?.length ? q.customerZones : [q.customerZone];
  const slots: Slot[] = [];
  for (let start = slotStartOf(q.from, minutes); start < q.to && slots.length < MAX_SLOTS; start = start.plus({ minutes })) {
    const key = start.toISO() as string;
    const booked = q.booked.get(key) ?? 0;
    const available = Math.max(0, capacity - booked);
    const closedReason: ViolationCode | null =
      timingReason(start, q.now, q.rules) ??
      (isHoliday(start, campaignZone, campaignCalendar) ? 'HOLIDAY' : null) ??
      (q.skill ? skillOpenAt(q.skill, start, skillCalendar) : null) ??
      (customerZones.every((zone) => inCallingWindow(start, zone, q.rules)) ? null : 'OUTSIDE_CALLING_WINDOW') ??
      (available <= 0 ? 'SLOT_FULL' : null);
    slots.push({ start: key, end: start.plus({ minutes }).toISO() as string, capacity, booked, available, closedReason });
  }
  return slots;
}

/** The calendar with that id, or null when none is attached (or it is missing from the map). */
export function calendarOf(calendars: Map<number, HolidayCalendar>, id: number | null | undefined): HolidayCalendar | null {
  return id == null ? null : (calendars.get(id) ?? null);
}
