// Availability for the gadget's calendar.
import type { DateTime } from 'luxon';
import type { GlobalRules, HolidayCalendar, Skill, Slot } from '../types.ts';
import { computeSlotGrid, REASONS, type SlotGrid } from './slot-grid.ts';
import { dateOf } from './zone-clock.ts';

export { MAX_SLOTS, calendarOf, closedRunsOf, computeSlotGrid, slotRange, REASONS, type ClosedRun, type SlotGrid } from './slot-grid.ts';

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
  /** Bookings per slot, keyed by the slot start in epoch milliseconds. */
  booked: ReadonlyMap<number, number>;
}

/**
 * One Slot per slot of the grid from the slot holding `from` up to (not including) `to`, in order.
 * A slot's reason is judged at its start, in priority order: IN_PAST, TOO_SOON, TOO_FAR, HOLIDAY,
 * SKILL_CLOSED, OUTSIDE_CALLING_WINDOW, SLOT_FULL; null means bookable. The answer ends with the
 * customer's day holding now + horizon: nothing later can be booked, so the calendar ends there.
 */
export function computeSlots(q: SlotQuery): Slot[] {
  return slotsOf(computeSlotGrid(q));
}

/** The grid's slots as objects (GraphQL, the rules tests). */
export function slotsOf(grid: SlotGrid): Slot[] {
  const slots: Slot[] = new Array(grid.count);
  let start = slotIso(grid.firstStart);
  for (let i = 0; i < grid.count; i++) {
    const end = slotIso(grid.firstStart + (i + 1) * grid.slotMs);
    const booked = grid.booked[i];
    slots[i] = { start, end, capacity: grid.capacity, booked, available: Math.max(0, grid.capacity - booked), closedReason: REASONS[grid.reasons[i]] };
    start = end;
  }
  return slots;
}

/** "HH:MM:00.000Z" per minute of the day. */
const TIMES = Array.from({ length: 1440 }, (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00.000Z`);

/** Date#toISOString of a slot boundary, from remembered dates and times when it falls on a whole minute. */
export function slotIso(ms: number): string {
  if (ms % 60_000 !== 0) return new Date(ms).toISOString();
  const day = Math.floor(ms / 86_400_000);
  const date = dateOf(day);
  return date.length === 10 ? `${date}T${TIMES[(ms - day * 86_400_000) / 60_000]}` : new Date(ms).toISOString();
}
