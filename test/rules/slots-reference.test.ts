// The fast path (domain/rules/slot-grid.ts: offsets per span, holidays per local day, hours as a
// week of minutes) against the straightforward computation: a luxon DateTime per slot judged by the
// per-instant rules the booking check uses. Whole answers must be equal, over a month holding a DST
// change, for several zones (midnight changes, half-hour and 45-minute offsets, night hours).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { closedRunsOf, computeSlotGrid, computeSlots, inCallingWindow, isHoliday, skillOpenAt, slotStartOf, timingReason, type SlotQuery } from '../../domain/rules/index.ts';
import type { HolidayCalendar, Skill, Slot, ViolationCode } from '../../domain/types.ts';
import { calendars, companyDays, polishHolidays, rules, sales, support, utc } from './fixtures.ts';

/** One DateTime per slot, every rule read per instant; nothing shared with the fast path but the rule functions. */
function straightforwardSlots(q: SlotQuery): Slot[] {
  const capacity = q.personal ? q.rules.capacityPerAgentSlot : q.rules.capacityPerSkillSlot;
  const calendar = (id: number | null | undefined): HolidayCalendar | null => (id == null ? null : (q.calendars.get(id) ?? null));
  const campaignZone = q.campaignZone || q.skill?.timeZone || q.customerZone;
  const zones = q.customerZones?.length ? q.customerZones : [q.customerZone];
  const last = q.now.plus({ days: q.rules.horizonDays }).setZone(q.customerZone).endOf('day');
  const end = DateTime.min(q.to, last);
  const slots: Slot[] = [];
  for (let start = slotStartOf(q.from, q.rules.slotMinutes); start < end; start = start.plus({ minutes: q.rules.slotMinutes })) {
    const booked = q.booked.get(start.toMillis()) ?? 0;
    const available = Math.max(0, capacity - booked);
    const reason: ViolationCode | null =
      timingReason(start, q.now, q.rules) ??
      (isHoliday(start, campaignZone, calendar(q.campaignCalendarId)) ? 'HOLIDAY' : null) ??
      (q.skill ? skillOpenAt(q.skill, start, calendar(q.skill.holidayCalendarId)) : null) ??
      (zones.every((zone) => inCallingWindow(start, zone, q.rules)) ? null : 'OUTSIDE_CALLING_WINDOW') ??
      (available <= 0 ? 'SLOT_FULL' : null);
    const next = start.plus({ minutes: q.rules.slotMinutes });
    slots.push({ start: start.toUTC().toISO() as string, end: next.toUTC().toISO() as string, capacity, booked, available, closedReason: reason });
  }
  return slots;
}

const night: Skill = { ...support, name: 'Night', timeZone: 'America/Santiago', hours: { '1': ['22:00-06:00'], '3': ['00:00-24:00'], '5': ['20:30-02:15'], '7': ['23:00-01:00'] }, holidayCalendarId: companyDays.id };
const withPolishHolidays: Skill = { ...support, holidayCalendarId: polishHolidays.id };

const CASES: Array<{ name: string; now: string; skill: Skill | null; zone: string; zones?: string[]; campaignZone: string; personal?: boolean; window?: [string, string]; slotMinutes?: number }> = [
  { name: 'Warsaw, spring forward, Sales', now: '2026-03-10T10:00Z', skill: sales, zone: 'Europe/Warsaw', campaignZone: 'Europe/Warsaw' },
  { name: 'Warsaw, fall back and All Saints, Support with Polish holidays, per agent', now: '2026-10-12T08:00Z', skill: withPolishHolidays, zone: 'Europe/Warsaw', campaignZone: 'Europe/Warsaw', personal: true },
  { name: 'US zones at once, fall back', now: '2026-10-20T15:00Z', skill: support, zone: 'America/New_York', zones: ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'], campaignZone: 'America/New_York' },
  { name: 'Santiago (changes at midnight), night hours', now: '2026-03-25T12:00Z', skill: night, zone: 'America/Santiago', campaignZone: 'America/Santiago', window: ['20:00', '02:30'] },
  { name: "St John's and Lord Howe (half-hour changes), 5-minute slots", now: '2026-03-25T12:00Z', skill: { ...night, timeZone: 'Australia/Lord_Howe' }, zone: 'America/St_Johns', zones: ['America/St_Johns', 'Australia/Lord_Howe'], campaignZone: 'Asia/Kathmandu', slotMinutes: 5 },
  { name: 'Chatham (+12:45/+13:45), no skill', now: '2026-03-20T00:00Z', skill: null, zone: 'Pacific/Chatham', campaignZone: 'Pacific/Chatham' },
];

test('computeSlots equals the straightforward per-slot computation over a month with a DST change, in several zones', () => {
  for (const c of CASES) {
    const now = utc(c.now);
    const slotMinutes = c.slotMinutes ?? 15;
    const q: SlotQuery = {
      from: now.minus({ hours: 5, minutes: 3 }),
      to: now.plus({ days: 45 }),
      now,
      rules: { ...rules, horizonDays: 31, slotMinutes, ...(c.window && { windowStart: c.window[0], windowEnd: c.window[1] }) },
      skill: c.skill,
      customerZone: c.zone,
      customerZones: c.zones,
      calendars,
      campaignCalendarId: companyDays.id,
      campaignZone: c.campaignZone,
      personal: c.personal ?? false,
      booked: new Map(),
    };
    // Places taken in slots open without them: every 5th full, every 7th partly; one off the grid (ignored by both).
    const open = straightforwardSlots(q).filter((s) => s.closedReason === null);
    const booked = new Map<number, number>(open.flatMap((s, i) => (i % 5 === 0 ? [[Date.parse(s.start), 10 + (i % 2)]] : i % 7 === 0 ? [[Date.parse(s.start), 1]] : [])));
    booked.set(Date.parse(open[3].start) + 60_000, 10);
    q.booked = booked;
    const fast = computeSlots(q);
    const expected = straightforwardSlots(q);
    assert.equal(fast.length, expected.length, c.name);
    const differing = fast.map((s, i) => [s, expected[i]]).filter(([a, b]) => JSON.stringify(a) !== JSON.stringify(b));
    assert.deepEqual(differing.slice(0, 3), [], c.name);
    const reasons = new Set(fast.map((s) => s.closedReason));
    assert.ok(reasons.has(null) && reasons.has('SLOT_FULL') && reasons.size >= 5, `${c.name}: ${[...reasons].join(', ')}`);
    // The grid's closed runs cover exactly the closed slots, each with its reason.
    const fromRuns: Array<ViolationCode | null> = new Array(fast.length).fill(null);
    for (const run of closedRunsOf(computeSlotGrid(q))) fromRuns.fill(run.reason, run.first, run.first + run.count);
    assert.deepEqual(fromRuns, fast.map((s) => s.closedReason), c.name);
  }
});
