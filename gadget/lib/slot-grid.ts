// The availability grid the server sends (schema.graphql SlotGrid) expanded to the slot objects the
// calendar reads. The grid is arithmetic in UTC (start + i × slotMinutes), so a clock change in the
// customer's zone needs nothing here: the day a slot belongs to is read later, in that zone.
import type { ClosedReason, Slot, SlotGrid } from '../api/types.ts';

/** Days the calendar asks for: the longest horizon the rules allow (365) and today. The server stops at the rules' horizon. */
export const ASK_DAYS = 366;

/** One Slot per slot of the grid, in order; closed runs give their reason, every other slot is bookable. */
export function slotsOfGrid(grid: SlotGrid): Slot[] {
  const step = grid.slotMinutes * 60_000;
  const first = Date.parse(grid.start);
  if (!Number.isFinite(first) || !(step > 0)) throw new RangeError(`not a slot grid: start ${grid.start}, ${grid.slotMinutes} min`);
  const reasons: Array<ClosedReason | null> = new Array(grid.count).fill(null);
  for (const run of grid.closed) reasons.fill(run.reason, run.first, run.first + run.count);
  const slots: Slot[] = new Array(grid.count);
  const iso = isoWriter();
  let start = iso(first);
  for (let i = 0; i < grid.count; i++) {
    // Each slot's end is the next one's start: one ISO string per slot.
    const end = iso(first + (i + 1) * step);
    const booked = grid.booked[i] ?? 0;
    slots[i] = { start, end, capacity: grid.capacity, booked, available: Math.max(0, grid.capacity - booked), closedReason: reasons[i] };
    start = end;
  }
  return slots;
}

const DAY = 86_400_000;
let minuteTimes: string[] | null = null;

/**
 * Date.prototype.toISOString for instants read in increasing order, on whole minutes from a date
 * per day and a table of the day's minutes (a Date per slot was ~1.5 ms of a 30-day expansion).
 */
function isoWriter(): (ms: number) => string {
  minuteTimes ??= Array.from({ length: 1440 }, (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00.000Z`);
  const times = minuteTimes;
  let day = NaN;
  let date = '';
  return (ms) => {
    if (ms % 60_000 !== 0) return new Date(ms).toISOString();
    const d = Math.floor(ms / DAY);
    if (d !== day) {
      day = d;
      date = new Date(d * DAY).toISOString().slice(0, -14);
    }
    // Years beyond 9999 (or before 0) are written with a sign: leave them to Date.
    return date.length === 10 ? `${date}T${times[(ms - d * DAY) / 60_000]}` : new Date(ms).toISOString();
  };
}
