import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeSlots, MAX_SLOTS, type SlotQuery } from '../../domain/rules/index.ts';
import type { Slot } from '../../domain/types.ts';
import { calendars, rules, sales, support, utc } from './fixtures.ts';

const now = utc('2026-11-24T10:00Z'); // Tuesday 11:00 in Warsaw
const query = (over: Partial<SlotQuery>): SlotQuery => ({
  from: utc('2026-11-25T07:00Z'),
  to: utc('2026-11-25T09:00Z'),
  now,
  rules,
  skill: sales,
  customerZone: 'Europe/Warsaw',
  calendars,
  personal: false,
  booked: new Map(),
  ...over,
});
/** Epoch ms of a slot start: the key of SlotQuery.booked. */
const at = (iso: string) => Date.parse(iso);
const reasonsOf = (slots: Slot[]) => slots.map((s) => s.closedReason);
const countBy = (slots: Slot[]) =>
  slots.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s.closedReason ?? 'open']: (acc[s.closedReason ?? 'open'] ?? 0) + 1 }), {});

test('computeSlots gives one slot per 15 minutes in order, from the slot holding `from`', () => {
  const slots = computeSlots(query({ from: utc('2026-11-25T07:07Z') }));
  assert.equal(slots.length, 8);
  assert.deepEqual(slots[0], { start: '2026-11-25T07:00:00.000Z', end: '2026-11-25T07:15:00.000Z', capacity: 10, booked: 0, available: 10, closedReason: null });
  assert.equal(slots[7].start, '2026-11-25T08:45:00.000Z');
  assert.ok(slots.every((s, i) => i === 0 || s.start === slots[i - 1].end));
  assert.deepEqual(computeSlots(query({ to: utc('2026-11-25T07:00Z') })), []);
});

test('computeSlots marks IN_PAST, TOO_SOON and TOO_FAR', () => {
  assert.deepEqual(reasonsOf(computeSlots(query({ from: utc('2026-11-24T09:45Z'), to: utc('2026-11-24T10:30Z') }))), ['IN_PAST', 'TOO_SOON', null]);
  assert.deepEqual(reasonsOf(computeSlots(query({ skill: support, from: utc('2026-12-24T09:45Z'), to: utc('2026-12-24T10:30Z') }))), [null, null, 'TOO_FAR']);
});

test('computeSlots counts a Wednesday of Sales: 40 open slots, 56 closed', () => {
  const day = computeSlots(query({ from: utc('2026-11-24T23:00Z'), to: utc('2026-11-25T23:00Z') }));
  assert.equal(day.length, 96);
  assert.deepEqual(countBy(day), { open: 40, SKILL_CLOSED: 56 });
  assert.equal(day.find((s) => s.closedReason === null)?.start, '2026-11-25T07:00:00.000Z', 'opens at 08:00 Warsaw');
});

test('computeSlots counts a Saturday of Sales (09:00-13:00): 16 open slots', () => {
  const day = computeSlots(query({ from: utc('2026-11-27T23:00Z'), to: utc('2026-11-28T23:00Z') }));
  assert.deepEqual(countBy(day), { open: 16, SKILL_CLOSED: 80 });
});

test('computeSlots closes Polish public holidays for Sales and custom campaign dates', () => {
  const independenceDay = computeSlots(query({ now: utc('2026-11-05T10:00Z'), from: utc('2026-11-10T23:00Z'), to: utc('2026-11-11T23:00Z') }));
  assert.deepEqual(countBy(independenceDay), { HOLIDAY: 96 });
  const companyDay = computeSlots(query({ skill: support, campaignCalendarId: 2, campaignZone: 'Europe/Warsaw', from: utc('2026-12-07T09:00Z'), to: utc('2026-12-07T10:00Z') }));
  assert.deepEqual(reasonsOf(companyDay), ['HOLIDAY', 'HOLIDAY', 'HOLIDAY', 'HOLIDAY']);
});

test('computeSlots applies the calling window in the customer zone', () => {
  // 12:00Z-14:00Z is 13:00-15:00 in Warsaw (Sales open) but 07:00-09:00 in New York.
  const slots = computeSlots(query({ customerZone: 'America/New_York', from: utc('2026-11-25T12:00Z'), to: utc('2026-11-25T14:00Z') }));
  assert.deepEqual(countBy(slots), { OUTSIDE_CALLING_WINDOW: 4, open: 4 });
  assert.equal(slots[4].start, '2026-11-25T13:00:00.000Z');
  assert.equal(slots[4].closedReason, null);
});

test('computeSlots reports SLOT_FULL and availability from the bookings, per skill or per agent', () => {
  const booked = new Map([
    [at('2026-11-25T07:00:00.000Z'), 10],
    [at('2026-11-25T07:15:00.000Z'), 1],
  ]);
  const skillSlots = computeSlots(query({ booked, to: utc('2026-11-25T07:30Z') }));
  assert.deepEqual(skillSlots.map((s) => [s.capacity, s.booked, s.available, s.closedReason]), [
    [10, 10, 0, 'SLOT_FULL'],
    [10, 1, 9, null],
  ]);
  const agentSlots = computeSlots(query({ booked: new Map([[at('2026-11-25T07:00:00.000Z'), 2], [at('2026-11-25T07:15:00.000Z'), 1]]), personal: true, to: utc('2026-11-25T07:30Z') }));
  assert.deepEqual(agentSlots.map((s) => [s.capacity, s.booked, s.available, s.closedReason]), [
    [2, 2, 0, 'SLOT_FULL'],
    [2, 1, 1, null],
  ]);
});

test('computeSlots keeps the reason priority: HOLIDAY before SKILL_CLOSED, window and full', () => {
  // Christmas 21:00 Warsaw: holiday, closed, outside the window and full at once.
  const slot = computeSlots(query({ now: utc('2026-12-01T10:00Z'), from: utc('2026-12-25T20:00Z'), to: utc('2026-12-25T20:15Z'), booked: new Map([[at('2026-12-25T20:00:00.000Z'), 10]]) }));
  assert.deepEqual(reasonsOf(slot), ['HOLIDAY']);
  // Sunday 23:00 Warsaw, full: SKILL_CLOSED wins over the window and the capacity.
  const sunday = computeSlots(query({ from: utc('2026-11-29T22:00Z'), to: utc('2026-11-29T22:15Z'), booked: new Map([[at('2026-11-29T22:00:00.000Z'), 10]]) }));
  assert.deepEqual(reasonsOf(sunday), ['SKILL_CLOSED']);
  const supportLate = computeSlots(query({ skill: support, from: utc('2026-11-29T20:00Z'), to: utc('2026-11-29T20:15Z'), booked: new Map([[at('2026-11-29T20:00:00.000Z'), 10]]) }));
  assert.deepEqual(reasonsOf(supportLate), ['OUTSIDE_CALLING_WINDOW'], 'Support is open at 21:00, the window is not');
});

test('computeSlots without a skill applies only time, window and capacity', () => {
  const sunday = computeSlots(query({ skill: null, from: utc('2026-11-29T10:00Z'), to: utc('2026-11-29T10:15Z') }));
  assert.deepEqual(reasonsOf(sunday), [null]);
});

test('computeSlots covers the whole 30-day horizon and ends with the customer’s day holding now + horizon', () => {
  const slots = computeSlots(query({ from: utc('2026-11-24T23:00Z'), to: utc('2027-11-25T00:00Z') }));
  assert.equal(MAX_SLOTS, 366 * 96, 'room for the longest horizon the rules allow');
  assert.equal(slots.at(-1)?.start, '2026-12-24T22:45:00.000Z', 'last slot of 24 December in Warsaw (now + 30 days)');
  assert.equal(slots.length, 30 * 96);
  assert.equal(slots.filter((s) => s.closedReason === 'TOO_FAR').at(0)?.start, '2026-12-24T10:15:00.000Z');
});

test('computeSlots stops at MAX_SLOTS (the longest horizon of 5-minute slots)', () => {
  const slots = computeSlots(query({ rules: { ...rules, horizonDays: 365, slotMinutes: 5 }, from: utc('2026-11-24T00:00Z'), to: utc('2028-01-01T00:00Z') }));
  assert.equal(slots.length, MAX_SLOTS);
});
