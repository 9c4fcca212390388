// Reads an availability grid (REST format=grid, GraphQL availabilityGrid) as their documentation
// says, independently of the server's and the gadget's own code, so tests can compare it with the
// per-slot answer.
export interface Slot { start: string; end: string; capacity: number; booked: number; available: number; closedReason: string | null }
export interface Grid { start: string; slotMinutes: number; count: number; capacity: number; booked: number[]; closed: Array<{ first: number; count: number; reason: string }> }

/** The slots a grid stands for. */
export function slotsOfGrid(grid: Grid): Slot[] {
  const reasons: Array<string | null> = new Array(grid.count).fill(null);
  for (const run of grid.closed) reasons.fill(run.reason, run.first, run.first + run.count);
  const step = grid.slotMinutes * 60_000;
  return reasons.map((closedReason, i) => {
    const start = Date.parse(grid.start) + i * step;
    const booked = grid.booked[i];
    return { start: new Date(start).toISOString(), end: new Date(start + step).toISOString(), capacity: grid.capacity, booked, available: Math.max(0, grid.capacity - booked), closedReason };
  });
}
