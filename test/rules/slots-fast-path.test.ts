// computeSlots reads slots from epoch milliseconds and cached zone offsets (domain/rules/zone-clock.ts)
// instead of a luxon DateTime per slot. These tests hold it to the per-instant rule functions the
// booking check uses, across daylight saving changes, half-hour zones and night-crossing windows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime, Info } from 'luxon';
import { computeSlots, inCallingWindow, isHoliday, skillOpenAt, timingReason, type SlotQuery } from '../../domain/rules/index.ts';
import { localMillisCursor, offsetSpansOf, wallClockOf } from '../../domain/rules/zone-clock.ts';
import type { Skill, ViolationCode } from '../../domain/types.ts';
import { calendars, companyDays, rules, sales, support, utc } from './fixtures.ts';

const ODD_ZONES = ['Europe/Warsaw', 'America/New_York', 'America/St_Johns', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'Europe/Dublin', 'UTC'];

test('wallClockOf reads the same local date, weekday and minute as luxon, every 15 minutes of a year with DST changes', () => {
  for (const zone of ODD_ZONES) {
    const clock = wallClockOf(zone);
    assert.ok(clock, zone);
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 15 * 60_000) {
      const local = DateTime.fromMillis(ms, { zone });
      const wall: { date: string; year: number; weekday: number; minute: number } = clock(ms);
      const expected = { date: local.toISODate(), year: local.year, weekday: local.weekday, minute: local.hour * 60 + local.minute };
      if (wall.date !== expected.date || wall.weekday !== expected.weekday || wall.minute !== expected.minute || wall.year !== expected.year)
        assert.fail(`${zone} at ${new Date(ms).toISOString()}: ${JSON.stringify(wall)} ≠ ${JSON.stringify(expected)}`);
    }
  }
  assert.equal(wallClockOf('Not/AZone'), null);
});

test('offsetSpansOf gives the offset luxon gives, every 15 minutes of a year with DST changes, from any start', () => {
  for (const zone of [...ODD_ZONES, 'America/Santiago', 'Africa/Casablanca']) {
    // From a year's start, and (Warsaw) from half a minute before a change.
    for (const from of zone === 'Europe/Warsaw' ? [Date.UTC(2026, 0, 1), Date.UTC(2026, 2, 29, 0, 59, 30)] : [Date.UTC(2026, 0, 1)]) {
      const to = Date.UTC(2027, 0, 1);
      const spans = offsetSpansOf(zone, from, to);
      assert.ok(spans, zone);
      const localOf = localMillisCursor(spans);
      const luxonZone = Info.normalizeZone(zone);
      for (let ms = from; ms < to; ms += 15 * 60_000) {
        const offset = luxonZone.offset(ms);
        if (localOf(ms) !== ms + offset * 60_000) assert.fail(`${zone} at ${new Date(ms).toISOString()}: ${(localOf(ms) - ms) / 60_000} ≠ ${offset}`);
      }
    }
  }
  assert.equal(offsetSpansOf('Not/AZone', 0, 1), null);
});

/** The slot reasons as the booking check judges each instant, one DateTime per slot. */
function referenceReasons(q: SlotQuery, campaignCalendarZone: string): Array<ViolationCode | null> {
  const slots = computeSlots(q);
  return slots.map((s) => {
    const start = DateTime.fromISO(s.start, { zone: 'utc' });
    const campaignCalendar = q.campaignCalendarId == null ? null : q.calendars.get(q.campaignCalendarId);
    const zones = q.customerZones?.length ? q.customerZones : [q.customerZone];
    return (
      timingReason(start, q.now, q.rules) ??
      (isHoliday(start, campaignCalendarZone, campaignCalendar) ? 'HOLIDAY' : null) ??
      (q.skill ? skillOpenAt(q.skill, start, q.skill.holidayCalendarId == null ? null : q.calendars.get(q.skill.holidayCalendarId)) : null) ??
      (zones.every((z) => inCallingWindow(start, z, q.rules)) ? null : 'OUTSIDE_CALLING_WINDOW') ??
      (s.available <= 0 ? 'SLOT_FULL' : null)
    );
  });
}

test('computeSlots gives every slot the reason the per-instant rules give, over DST changes and odd zones', () => {
  const nightSkill: Skill = { ...support, name: 'Night', timeZone: 'America/St_Johns', hours: { '1': ['22:00-06:00'], '5': ['20:30-02:15'], '6': ['00:00-24:00'] }, holidayCalendarId: companyDays.id };
  const cases: Array<{ now: string; skill: Skill | null; customerZone: string; customerZones?: string[]; campaignZone: string; window?: [string, string] }> = [
    { now: '2026-03-20T10:00Z', skill: sales, customerZone: 'Europe/Warsaw', campaignZone: 'Europe/Warsaw' },
    { now: '2026-10-20T10:00Z', skill: support, customerZone: 'America/New_York', customerZones: ['America/New_York', 'America/Chicago', 'America/Los_Angeles'], campaignZone: 'America/New_York' },
    { now: '2026-03-25T10:00Z', skill: nightSkill, customerZone: 'Australia/Lord_Howe', campaignZone: 'Asia/Kathmandu', window: ['20:00', '02:30'] },
    { now: '2026-09-20T10:00Z', skill: null, customerZone: 'Pacific/Chatham', campaignZone: 'Pacific/Chatham' },
  ];
  for (const c of cases) {
    const now = utc(c.now);
    const q: SlotQuery = {
      from: now.minus({ hours: 3 }),
      to: now.plus({ days: 40 }),
      now,
      rules: { ...rules, horizonDays: 30, ...(c.window && { windowStart: c.window[0], windowEnd: c.window[1] }) },
      skill: c.skill,
      customerZone: c.customerZone,
      customerZones: c.customerZones,
      calendars,
      campaignCalendarId: companyDays.id,
      campaignZone: c.campaignZone,
      personal: false,
      booked: new Map([[now.plus({ days: 2 }).startOf('hour').toMillis(), 10]]),
    };
    const slots = computeSlots(q);
    assert.ok(slots.length > 30 * 96, `${c.customerZone}: ${slots.length} slots`);
    const expected = referenceReasons(q, c.campaignZone);
    const differing = slots.map((s, i) => [s.start, s.closedReason, expected[i]]).filter(([, a, b]) => a !== b);
    assert.deepEqual(differing.slice(0, 5), [], `${c.customerZone}`);
    const kinds = new Set(slots.map((s) => s.closedReason));
    assert.ok(kinds.has(null) && kinds.size >= 4, `${c.customerZone}: ${[...kinds].join(',')}`);
  }
});
