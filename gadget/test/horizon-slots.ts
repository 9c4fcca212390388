// A whole booking horizon of availability (the demo rules: 30 days of 15-minute slots), for the
// calendar's tests and its browser benchmark: what the server answers for one skill, and the grid
// helper the mocks answer availability with (the gadget asks the server for a SlotGrid).
import type { ClosedReason, Slot, SlotGrid } from '../api/types.ts';

/** Slots from 2026-11-24 00:00 Warsaw, open 08:00–16:00 Warsaw after `now`, filling up unevenly. */
export function horizonSlots(days = 30, now = new Date('2026-11-24T10:00:00Z')): Slot[] {
  const out: Slot[] = [];
  const start = Date.parse('2026-11-23T23:00:00Z');
  for (let i = 0; i < days * 96; i++) {
    const s = new Date(start + i * 900_000);
    const hour = (s.getUTCHours() + 1) % 24;
    const open = hour >= 8 && hour < 16 && s.getTime() > now.getTime();
    out.push({ start: s.toISOString(), end: new Date(s.getTime() + 900_000).toISOString(), capacity: 10, booked: open ? i % 10 : 0, available: open ? 10 - (i % 10) : 0, closedReason: open ? null : 'SKILL_CLOSED' });
  }
  return out;
}

/**
 * The grid of sample slots (in order, all one length): what the server would send for them. A gap
 * between two samples becomes closed slots (`gapReason`); the capacity is the largest sampled.
 */
export function gridOf(slots: Slot[], gapReason: ClosedReason = 'SKILL_CLOSED'): SlotGrid {
  if (!slots.length) return { start: '2026-11-24T00:00:00.000Z', slotMinutes: 15, count: 0, capacity: 0, booked: [], closed: [] };
  const first = Date.parse(slots[0].start);
  const step = Date.parse(slots[0].end) - first;
  const count = (Date.parse(slots[slots.length - 1].start) - first) / step + 1;
  const booked: number[] = new Array(count).fill(0);
  const reasons: Array<ClosedReason | null> = new Array(count).fill(gapReason);
  for (const s of slots) {
    const i = (Date.parse(s.start) - first) / step;
    if (!Number.isInteger(i)) throw new Error(`${s.start} is not on the ${step / 60_000}-minute grid of ${slots[0].start}`);
    booked[i] = s.booked;
    reasons[i] = s.closedReason;
  }
  const closed: SlotGrid['closed'] = [];
  for (let i = 0; i < count; i++) {
    const reason = reasons[i];
    if (!reason) continue;
    const last = closed[closed.length - 1];
    if (last && last.reason === reason && last.first + last.count === i) last.count++;
    else closed.push({ first: i, count: 1, reason });
  }
  return { start: new Date(first).toISOString(), slotMinutes: step / 60_000, count, capacity: Math.max(...slots.map((s) => s.capacity)), booked, closed };
}

/** horizonSlots as the server sends it. */
export const horizonGrid = (days = 30, now = new Date('2026-11-24T10:00:00Z')): SlotGrid => gridOf(horizonSlots(days, now));
