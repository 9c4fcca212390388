// Turns the time the agent picked into one UTC instant, DST-aware.
import { DateTime } from 'luxon';
import { isValidZone } from './zones.ts';
import { offsetReaderOf } from './zone-clock.ts';

export type ResolvedTime =
  | { ok: true; utc: DateTime }
  | { ok: false; code: 'NONEXISTENT_LOCAL_TIME' | 'INVALID_TIME' };

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const HAS_OFFSET = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const HOUR = 3_600_000;
const MAX_OFFSET_MINUTES = 18 * 60;

/**
 * ISO 8601 with an offset or Z → that instant. A local date-time without offset is read in `zone`:
 * a time that occurs twice (DST overlap) takes the earlier instant; a time skipped by the clocks
 * (DST gap) is NONEXISTENT_LOCAL_TIME. Anything unparsable, or an unknown zone, is INVALID_TIME
 * (a malformed request rather than a rule violation).
 */
export function resolveScheduledTime(input: string, zone: string): ResolvedTime {
  const text = (input ?? '').trim().replace(' ', 'T');
  if (!DATE_TIME.test(text)) return { ok: false, code: 'INVALID_TIME' };
  const timePart = text.slice(10);
  if (HAS_OFFSET.test(timePart)) {
    const instant = DateTime.fromISO(text, { setZone: true });
    // Luxon accepts any two-digit hour offset; real ones stay within ±18:00.
    if (!instant.isValid || Math.abs(instant.offset) > MAX_OFFSET_MINUTES) return { ok: false, code: 'INVALID_TIME' };
    return { ok: true, utc: DateTime.fromMillis(instant.toMillis(), { zone: 'utc' }) };
  }
  if (!isValidZone(zone)) return { ok: false, code: 'INVALID_TIME' };
  // Read the wall clock as if it were UTC, then look for the offsets of `zone` that map onto it.
  const wall = DateTime.fromISO(text, { zone: 'utc' });
  if (!wall.isValid) return { ok: false, code: 'INVALID_TIME' };
  const offsetOf = offsetReaderOf(zone);
  const instant = offsetOf ? earliestInstantOf(wall.toMillis(), offsetOf) : null;
  if (instant === null) return { ok: false, code: 'NONEXISTENT_LOCAL_TIME' };
  return { ok: true, utc: DateTime.fromMillis(instant, { zone: 'utc' }) };
}

/** The earliest instant whose local wall-clock time in `zone` equals `wallMillis`, or null (gap). */
function earliestInstantOf(wallMillis: number, offsetOf: (utcMillis: number) => number): number | null {
  // Offsets in force a day around the wall time cover every DST transition near it (read from the
  // per-hour offset memory of zone-clock.ts: luxon formats a date per uncached offset).
  const offsets = new Set([-24, -12, 0, 12, 24].map((h) => offsetOf(wallMillis + h * HOUR)));
  const instants = [...offsets]
    .map((offsetMinutes) => ({ offsetMinutes, instant: wallMillis - offsetMinutes * 60_000 }))
    .filter(({ offsetMinutes, instant }) => offsetOf(instant) === offsetMinutes)
    .map(({ instant }) => instant);
  return instants.length ? Math.min(...instants) : null;
}
