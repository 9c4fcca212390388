import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inCallingWindow, isHoliday, isWithinWeeklyHours, minutesOf, skillOpenAt, slotStartOf, timingReason } from '../../domain/rules/index.ts';
import { calendars, companyDays, polishHolidays, rules, sales, support, utc } from './fixtures.ts';

test('isHoliday knows Polish public holidays on the local date', () => {
  assert.equal(isHoliday(utc('2026-11-11T10:00Z'), 'Europe/Warsaw', polishHolidays), true, 'Independence Day');
  assert.equal(isHoliday(utc('2026-12-25T10:00Z'), 'Europe/Warsaw', polishHolidays), true, 'Christmas');
  assert.equal(isHoliday(utc('2026-11-12T10:00Z'), 'Europe/Warsaw', polishHolidays), false);
  // 23:30Z on 10 Nov is already 11 Nov in Warsaw, but not yet in New York.
  assert.equal(isHoliday(utc('2026-11-10T23:30Z'), 'Europe/Warsaw', polishHolidays), true);
  assert.equal(isHoliday(utc('2026-11-10T23:30Z'), 'America/New_York', polishHolidays), false);
});

test('isHoliday ignores observances (type other than public)', () => {
  // 2026-02-14 Valentine's Day is an observance in the PL data.
  assert.equal(isHoliday(utc('2026-02-14T10:00Z'), 'Europe/Warsaw', polishHolidays), false);
});

test('isHoliday counts custom dates, also for a calendar without a country, and a region', () => {
  assert.equal(isHoliday(utc('2026-12-07T10:00Z'), 'Europe/Warsaw', companyDays), true);
  assert.equal(isHoliday(utc('2026-12-08T10:00Z'), 'Europe/Warsaw', companyDays), false);
  const withCustom = { ...polishHolidays, customDates: ['2026-12-24'] };
  assert.equal(isHoliday(utc('2026-12-24T10:00Z'), 'Europe/Warsaw', withCustom), true);
  const newYork = { id: 9, name: 'NY', country: 'US', region: 'NY', customDates: [] };
  assert.equal(isHoliday(utc('2026-11-26T15:00Z'), 'America/New_York', newYork), true, 'Thanksgiving');
  assert.equal(isHoliday(utc('2026-11-11T10:00Z'), 'Europe/Warsaw', null), false);
});

test('skillOpenAt follows Sales weekday hours 08:00-18:00 in Warsaw, end exclusive', () => {
  const cal = calendars.get(1);
  assert.equal(skillOpenAt(sales, utc('2026-11-25T07:00Z'), cal), null, 'Wed 08:00 Warsaw');
  assert.equal(skillOpenAt(sales, utc('2026-11-25T06:59Z'), cal), 'SKILL_CLOSED', 'Wed 07:59');
  assert.equal(skillOpenAt(sales, utc('2026-11-25T16:59Z'), cal), null, 'Wed 17:59');
  assert.equal(skillOpenAt(sales, utc('2026-11-25T17:00Z'), cal), 'SKILL_CLOSED', 'Wed 18:00');
});

test('skillOpenAt follows Sales Saturday hours 09:00-13:00 and is closed on Sunday', () => {
  assert.equal(skillOpenAt(sales, utc('2026-11-28T07:30Z')), 'SKILL_CLOSED', 'Sat 08:30');
  assert.equal(skillOpenAt(sales, utc('2026-11-28T08:00Z')), null, 'Sat 09:00');
  assert.equal(skillOpenAt(sales, utc('2026-11-28T11:45Z')), null, 'Sat 12:45');
  assert.equal(skillOpenAt(sales, utc('2026-11-28T12:00Z')), 'SKILL_CLOSED', 'Sat 13:00');
  assert.equal(skillOpenAt(sales, utc('2026-11-29T10:00Z')), 'SKILL_CLOSED', 'Sun');
  assert.equal(skillOpenAt(support, utc('2026-11-29T10:00Z')), null, 'Support works on Sunday');
});

test('skillOpenAt reports HOLIDAY for Sales on Polish public holidays', () => {
  const cal = calendars.get(1);
  assert.equal(skillOpenAt(sales, utc('2026-11-11T10:00Z'), cal), 'HOLIDAY');
  assert.equal(skillOpenAt(sales, utc('2026-12-25T10:00Z'), cal), 'HOLIDAY');
  assert.equal(skillOpenAt(sales, utc('2026-11-11T10:00Z')), null, 'without its calendar it is a normal Wednesday');
});

test('isWithinWeeklyHours supports 24:00 ends and ranges past midnight', () => {
  const hours = { '1': ['20:00-24:00'], '2': ['22:00-06:00'] };
  assert.equal(isWithinWeeklyHours(hours, 1, 23 * 60 + 59), true);
  assert.equal(isWithinWeeklyHours(hours, 2, 23 * 60), true);
  assert.equal(isWithinWeeklyHours(hours, 3, 5 * 60 + 59), true, 'Tuesday night runs into Wednesday');
  assert.equal(isWithinWeeklyHours(hours, 3, 6 * 60), false);
  assert.equal(isWithinWeeklyHours({ '1': ['nonsense', '25:00-26:00'] }, 1, 60), false);
  assert.equal(minutesOf('24:00'), 1440);
  assert.ok(Number.isNaN(minutesOf('24:01')));
});

test('inCallingWindow applies 08:00-21:00 in the customer zone, not the campaign zone', () => {
  // 13:00Z is 14:00 in Warsaw but 08:00 in New York (EST).
  assert.equal(inCallingWindow(utc('2026-11-25T13:00Z'), 'America/New_York', rules), true);
  assert.equal(inCallingWindow(utc('2026-11-25T12:59Z'), 'America/New_York', rules), false);
  assert.equal(inCallingWindow(utc('2026-11-25T12:59Z'), 'Europe/Warsaw', rules), true);
  // 21:00 New York is 02:00Z next day; the end is exclusive.
  assert.equal(inCallingWindow(utc('2026-11-26T01:59Z'), 'America/New_York', rules), true);
  assert.equal(inCallingWindow(utc('2026-11-26T02:00Z'), 'America/New_York', rules), false);
  assert.equal(inCallingWindow(utc('2026-11-26T02:00Z'), 'America/New_York', { ...rules, windowStart: '20:00', windowEnd: '02:00' }), true);
});

test('slotStartOf floors to the slot grid anchored at UTC midnight', () => {
  assert.equal(slotStartOf(utc('2026-11-25T10:14:59.999Z'), 15).toISO(), '2026-11-25T10:00:00.000Z');
  assert.equal(slotStartOf(utc('2026-11-25T10:15:00Z'), 15).toISO(), '2026-11-25T10:15:00.000Z');
  assert.equal(slotStartOf(utc('2026-11-25T10:59Z').setZone('Asia/Kolkata'), 15).toISO(), '2026-11-25T10:45:00.000Z');
  // 7 does not divide a day: the grid restarts at each UTC midnight.
  assert.equal(slotStartOf(utc('2026-11-25T00:15Z'), 7).toISO(), '2026-11-25T00:14:00.000Z');
  assert.throws(() => slotStartOf(utc('2026-11-25T00:15Z'), 0), RangeError);
});

test('timingReason gives IN_PAST, TOO_SOON and TOO_FAR around now', () => {
  const now = utc('2026-11-24T10:00Z');
  assert.equal(timingReason(utc('2026-11-24T09:59Z'), now, rules), 'IN_PAST');
  assert.equal(timingReason(utc('2026-11-24T10:04Z'), now, rules), 'TOO_SOON');
  assert.equal(timingReason(utc('2026-11-24T10:05Z'), now, rules), null);
  assert.equal(timingReason(utc('2026-12-24T10:00Z'), now, rules), null, 'exactly the horizon');
  assert.equal(timingReason(utc('2026-12-24T10:01Z'), now, rules), 'TOO_FAR');
});
