// The booking rules: pure functions (no I/O; "now" is always passed in). See issue 2, "Rules".
export { parsePhone, type ParsedPhone } from './phone.ts';
export { zoneOfCountry, isValidZone } from './zones.ts';
export { countryZones, zonesForNumber, windowZones, zoneIn, canonicalZone, usePrefixZoneLookup, hasPrefixZoneLookup, type PrefixZoneLookup } from './number-zones.ts';
export { toDialString, fromDialString } from './dial-plan.ts';
export { resolveScheduledTime, type ResolvedTime } from './local-time.ts';
export { isHoliday, publicHolidayDates } from './holidays.ts';
export { skillOpenAt, inCallingWindow, isWithinWeeklyHours, minutesOf } from './opening-hours.ts';
export { slotStartOf, timingReason } from './timing.ts';
export { computeSlots, computeSlotGrid, closedRunsOf, slotsOf, slotIso, slotRange, calendarOf, MAX_SLOTS, REASONS, type SlotQuery, type SlotGrid, type ClosedRun } from './slots.ts';
export {
  validateBooking,
  resolveCustomerZone,
  MAX_NAME_LENGTH,
  MAX_NOTES_LENGTH,
  type BookingInput,
  type BookingContext,
  type BookingCheck,
  type NormalizedBooking,
} from './booking.ts';
