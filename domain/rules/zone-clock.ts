// Wall-clock reading of UTC instants in a zone without building a luxon DateTime per instant:
// availability reads every slot of the horizon in up to three zones, and a DateTime per slot
// (setZone, plus, toISO) was nearly all of its time. Offsets come from luxon's own zone (so the
// answer is the same as DateTime#setZone) and are remembered per UTC hour.
import { Info, type Zone } from 'luxon';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

export interface WallClock {
  /** ISO date "YYYY-MM-DD" of the local day. */
  date: string;
  year: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes after local midnight. */
  minute: number;
}

/** Offsets (minutes) at the start of each UTC hour, per zone name; bounded. */
const hourOffsets = new Map<string, Map<number, number>>();
const MAX_REMEMBERED_HOURS = 200_000;
let remembered = 0;
/** "YYYY-MM-DD" per day number (days since 1970-01-01). */
const dates = new Map<number, string>();

/** "YYYY-MM-DD" of a day number (days since 1970-01-01), remembered. */
export function dateOf(dayNumber: number): string {
  let date = dates.get(dayNumber);
  if (date === undefined) {
    if (dates.size > 20_000) dates.clear();
    date = new Date(dayNumber * DAY).toISOString().slice(0, 10);
    dates.set(dayNumber, date);
  }
  return date;
}

/**
 * The offset (minutes) of `zoneName` at a UTC instant, or null when luxon cannot use the zone.
 * Within a UTC hour whose start and end share an offset the offset is that one (no zone changes
 * its offset twice within an hour); an hour holding a change asks the zone for the exact instant.
 */
export function offsetReaderOf(zoneName: string): ((utcMillis: number) => number) | null {
  const zone: Zone = Info.normalizeZone(zoneName);
  if (!zone.isValid) return null;
  if (zone.isUniversal) {
    const fixed = zone.offset(0);
    return () => fixed;
  }
  let hours = hourOffsets.get(zone.name);
  if (!hours) hourOffsets.set(zone.name, (hours = new Map()));
  const table = hours;
  const at = (hourStart: number): number => {
    let offset = table.get(hourStart);
    if (offset === undefined) {
      if (remembered > MAX_REMEMBERED_HOURS) {
        for (const m of hourOffsets.values()) m.clear();
        remembered = 0;
      }
      offset = zone.offset(hourStart);
      table.set(hourStart, offset);
      remembered++;
    }
    return offset;
  };
  return (ms) => {
    const hourStart = Math.floor(ms / HOUR) * HOUR;
    const offset = at(hourStart);
    return offset === at(hourStart + HOUR) ? offset : zone.offset(ms);
  };
}

/**
 * The offsets of `zoneName` over [fromMs, toMs) as spans: `offsets[i]` (minutes) holds from
 * `starts[i]` (starts[0] = fromMs) until `starts[i + 1]`. Built from each UTC day's changes,
 * remembered per zone and day. Null when luxon cannot use the zone.
 */
export function offsetSpansOf(zoneName: string, fromMs: number, toMs: number): OffsetSpans | null {
  const offsetOf = offsetReaderOf(zoneName);
  if (!offsetOf) return null;
  const spans: OffsetSpans = { starts: [fromMs], offsets: [offsetOf(fromMs)] };
  for (let day = Math.floor(fromMs / DAY); day * DAY < toMs; day++) {
    for (const [at, offset] of changesOn(zoneName, offsetOf, day)) {
      if (at > fromMs && at < toMs) {
        spans.starts.push(at);
        spans.offsets.push(offset);
      }
    }
  }
  return spans;
}

/** Per zone name and UTC day number: the offset changes within the day ([instant, new offset]); bounded. */
const dayChanges = new Map<string, Map<number, Array<[number, number]>>>();
const MAX_REMEMBERED_DAYS = 50_000;
let rememberedDays = 0;

/**
 * The offset changes of one UTC day, read from the remembered offset of each hour; an hour holding
 * a change is searched for the minute it happens (no zone changes its offset twice within an hour).
 */
function changesOn(zoneName: string, offsetOf: (ms: number) => number, day: number): Array<[number, number]> {
  let days = dayChanges.get(zoneName);
  if (!days) dayChanges.set(zoneName, (days = new Map()));
  let changes = days.get(day);
  if (changes) return changes;
  if (rememberedDays > MAX_REMEMBERED_DAYS) {
    for (const m of dayChanges.values()) m.clear();
    rememberedDays = 0;
  }
  changes = [];
  let before = offsetOf(day * DAY);
  for (let hour = day * DAY; hour < (day + 1) * DAY; hour += HOUR) {
    if (offsetOf(hour + HOUR) === before) continue;
    let low = hour;
    let high = hour + HOUR;
    while (high - low > MINUTE) {
      const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
      if (offsetOf(middle) === before) low = middle;
      else high = middle;
    }
    before = offsetOf(high);
    changes.push([high, before]);
  }
  days.set(day, changes);
  rememberedDays++;
  return changes;
}

export interface OffsetSpans {
  starts: number[];
  offsets: number[];
}

/** Local epoch milliseconds (UTC + offset) of instants read in increasing order, from a zone's spans. */
export function localMillisCursor(spans: OffsetSpans): (utcMillis: number) => number {
  const { starts, offsets } = spans;
  let span = 0;
  return (ms) => {
    while (span + 1 < starts.length && ms >= starts[span + 1]) span++;
    return ms + offsets[span] * MINUTE;
  };
}

/** A reader of local wall-clock times in `zoneName`, or null when luxon cannot use the zone (then DateTime#setZone is invalid too). */
export function wallClockOf(zoneName: string): ((utcMillis: number) => WallClock) | null {
  const offsetOf = offsetReaderOf(zoneName);
  return offsetOf ? (ms) => read(ms, offsetOf(ms)) : null;
}

function read(ms: number, offsetMinutes: number): WallClock {
  const local = ms + offsetMinutes * 60_000;
  const day = Math.floor(local / DAY);
  const date = dateOf(day);
  return {
    date,
    year: Number(date.slice(0, 4)),
    // 1970-01-01 was a Thursday (ISO weekday 4).
    weekday: ((((day + 3) % 7) + 7) % 7) + 1,
    minute: Math.floor((local - day * DAY) / 60_000),
  };
}
