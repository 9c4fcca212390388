// A whole booking horizon of availability (the demo rules: 30 days of 15-minute slots), for the
// calendar's tests and its browser benchmark: what the server answers for one skill.
import type { Slot } from '../api/types.ts';

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
