// Where a time sits relative to "now" and to the slot grid.
import { DateTime } from 'luxon';
import type { GlobalRules } from '../types.ts';

/**
 * The start of the slot holding `utc`. The grid is anchored at UTC midnight, so with the usual
 * lengths (5, 10, 15, 30, 60 minutes) slots line up with whole hours everywhere but in zones with
 * odd offsets (e.g. Asia/Kolkata), where slots still follow the UTC grid.
 */
export function slotStartOf(utc: DateTime, slotMinutes: number): DateTime {
  if (!Number.isFinite(slotMinutes) || slotMinutes <= 0) throw new RangeError(`slotMinutes must be positive, got ${slotMinutes}`);
  const size = slotMinutes * 60_000;
  const midnight = utc.toUTC().startOf('day').toMillis();
  const sinceMidnight = utc.toMillis() - midnight;
  return DateTime.fromMillis(midnight + Math.floor(sinceMidnight / size) * size, { zone: 'utc' });
}

/** IN_PAST before now, TOO_SOON before now + lead, TOO_FAR after now + horizon, else null. */
export function timingReason(utc: DateTime, now: DateTime, rules: GlobalRules): null | 'IN_PAST' | 'TOO_SOON' | 'TOO_FAR' {
  const at = utc.toMillis();
  if (at < now.toMillis()) return 'IN_PAST';
  if (at < now.plus({ minutes: rules.leadMinutes }).toMillis()) return 'TOO_SOON';
  if (at > now.toUTC().plus({ days: rules.horizonDays }).toMillis()) return 'TOO_FAR';
  return null;
}
