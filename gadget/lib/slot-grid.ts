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
  let start = new Date(first).toISOString();
  for (let i = 0; i < grid.count; i++) {
    // Each slot's end is the next one's start: one ISO string per slot.
    const end = new Date(first + (i + 1) * step).toISOString();
    const booked = grid.booked[i] ?? 0;
    slots[i] = { start, end, capacity: grid.capacity, booked, available: Math.max(0, grid.capacity - booked), closedReason: reasons[i] };
    start = end;
  }
  return slots;
}
