import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countryZones, validateBooking, type BookingContext, type BookingInput } from '../../domain/rules/index.ts';
import { VIOLATION_CODES, type ViolationCode } from '../../domain/types.ts';
import { calendars, cbMain, cbUs, companyDays, rules, sales, support, utc } from './fixtures.ts';

// Tuesday 2026-11-24 11:00 in Warsaw.
const now = utc('2026-11-24T10:00Z');
const input = (over: Partial<BookingInput> = {}): BookingInput => ({
  campaign: 'CB_MAIN',
  phone: '22 123 45 67',
  scheduledAt: '2026-11-25T10:00', // Wednesday, Warsaw
  skill: 'Sales',
  firstName: 'Anna',
  lastName: 'Nowak',
  ...over,
});
const context = (over: Partial<BookingContext> = {}): BookingContext => ({
  now,
  rules,
  campaign: cbMain,
  skill: sales,
  agentKnown: null,
  calendars,
  ...over,
});
const codesOf = (i: Partial<BookingInput>, c: Partial<BookingContext> = {}): ViolationCode[] =>
  validateBooking(input(i), context(c)).violations.map((v) => v.code).sort();

test('validateBooking accepts a valid skill callback and normalizes it', () => {
  assert.deepEqual(validateBooking(input(), context()), {
    violations: [],
    normalized: {
      e164: '+48221234567',
      dialString: '0221234567',
      customerZone: 'Europe/Warsaw',
      scheduledAtUtc: '2026-11-25T09:00:00.000Z',
      slotStartUtc: '2026-11-25T09:00:00.000Z',
      type: 'skill',
    },
  });
  const offGrid = validateBooking(input({ scheduledAt: '2026-11-25T10:20:30+01:00' }), context());
  assert.equal(offGrid.normalized?.slotStartUtc, '2026-11-25T09:15:00.000Z');
});

test('validateBooking makes a callback with agentId personal, its skill the fallback', () => {
  const check = validateBooking(input({ agentId: '1001' }), context({ agentKnown: true }));
  assert.deepEqual(check.violations, []);
  assert.equal(check.normalized?.type, 'personal');
  // The fallback skill's hours still apply: Sunday is closed for Sales.
  assert.deepEqual(codesOf({ agentId: '1001', scheduledAt: '2026-11-29T10:00' }, { agentKnown: true }), ['SKILL_CLOSED']);
  // Without a fallback skill there are no skill hours to respect.
  assert.deepEqual(codesOf({ agentId: '1001', skill: null, scheduledAt: '2026-11-29T10:00' }, { agentKnown: true, skill: null }), []);
});

test('validateBooking reports INVALID_PHONE on the phone field', () => {
  const check = validateBooking(input({ phone: '12' }), context());
  assert.deepEqual(check.violations.map((v) => [v.code, v.field]), [['INVALID_PHONE', 'phone']]);
  assert.equal(check.normalized, null);
  assert.match(check.violations[0].message, /not valid/);
});

test('validateBooking reports IN_PAST, TOO_SOON and TOO_FAR', () => {
  assert.deepEqual(codesOf({ scheduledAt: '2026-11-24T10:59' }), ['IN_PAST']);
  assert.deepEqual(codesOf({ scheduledAt: '2026-11-24T11:03' }), ['TOO_SOON']);
  assert.deepEqual(codesOf({ scheduledAt: '2026-11-24T11:05' }), []);
  assert.deepEqual(codesOf({ scheduledAt: '2026-12-28T10:00' }), ['TOO_FAR']);
});

test('validateBooking reports NONEXISTENT_LOCAL_TIME in the Warsaw DST gap', () => {
  const check = validateBooking(input({ scheduledAt: '2026-03-29T02:30', skill: 'Support' }), context({ now: utc('2026-03-20T10:00Z'), skill: support }));
  assert.deepEqual(check.violations.map((v) => [v.code, v.field]), [['NONEXISTENT_LOCAL_TIME', 'scheduledAt']]);
  assert.equal(check.normalized, null);
});

test('validateBooking books the earlier instant of the Warsaw DST overlap', () => {
  const open = { ...support, hours: { '7': ['00:00-24:00'] } };
  const check = validateBooking(input({ scheduledAt: '2026-10-25T02:30', skill: 'Support' }), context({ now: utc('2026-10-20T10:00Z'), skill: open, rules: { ...rules, windowStart: '00:00', windowEnd: '24:00' } }));
  assert.deepEqual(check.violations, []);
  assert.equal(check.normalized?.scheduledAtUtc, '2026-10-25T00:30:00.000Z');
});

test('validateBooking reports SKILL_CLOSED outside the Sales hours (Saturday 09:00-13:00)', () => {
  assert.deepEqual(codesOf({ scheduledAt: '2026-11-28T12:45' }), []);
  assert.deepEqual(codesOf({ scheduledAt: '2026-11-28T13:00' }), ['SKILL_CLOSED']);
  assert.deepEqual(codesOf({ scheduledAt: '2026-11-25T18:30' }), ['SKILL_CLOSED']);
});

test('validateBooking reports HOLIDAY on Polish public holidays for Sales', () => {
  assert.deepEqual(codesOf({ scheduledAt: '2026-11-11T10:00' }, { now: utc('2026-11-05T10:00Z') }), ['HOLIDAY']);
  assert.deepEqual(codesOf({ scheduledAt: '2026-12-25T10:00' }, { now: utc('2026-12-01T10:00Z') }), ['HOLIDAY']);
  // Support has no calendar: open on 11 November.
  assert.deepEqual(codesOf({ scheduledAt: '2026-11-11T10:00', skill: 'Support' }, { now: utc('2026-11-05T10:00Z'), skill: support }), []);
});

test("validateBooking reports HOLIDAY on the campaign's calendar (custom date), once", () => {
  const campaign = { ...cbMain, holidayCalendarId: companyDays.id };
  assert.deepEqual(codesOf({ scheduledAt: '2026-12-07T10:00', skill: 'Support' }, { now: utc('2026-12-01T10:00Z'), campaign, skill: support }), ['HOLIDAY']);
  // Skill and campaign both closed on 25 December: still one HOLIDAY.
  const both = { ...cbMain, holidayCalendarId: 1 };
  assert.deepEqual(codesOf({ scheduledAt: '2026-12-25T10:00' }, { now: utc('2026-12-01T10:00Z'), campaign: both }), ['HOLIDAY']);
});

test("validateBooking checks the calling window in the customer's time for a US number on a Warsaw campaign", () => {
  const us = { phone: '+1 212 555 0100', timeZone: 'America/New_York' };
  // 07:00 New York = 13:00 Warsaw: Sales is open, but the customer may not be called yet.
  const early = validateBooking(input({ ...us, scheduledAt: '2026-11-25T07:00' }), context());
  assert.deepEqual(early.violations.map((v) => [v.code, v.field]), [['OUTSIDE_CALLING_WINDOW', 'scheduledAt']]);
  const ok = validateBooking(input({ ...us, scheduledAt: '2026-11-25T09:00' }), context());
  assert.deepEqual(ok.violations, []);
  assert.equal(ok.normalized?.customerZone, 'America/New_York');
  assert.equal(ok.normalized?.scheduledAtUtc, '2026-11-25T14:00:00.000Z');
  assert.equal(ok.normalized?.dialString, '0012125550100');
  // On CB_US the campaign zone (New York) is the default for a US number (several US zones).
  const onUs = validateBooking(input({ campaign: 'CB_US', phone: '(212) 555-0100', scheduledAt: '2026-11-25T07:30' }), context({ campaign: cbUs }));
  assert.deepEqual(onUs.violations.map((v) => v.code), ['OUTSIDE_CALLING_WINDOW']);
});

test('validateBooking picks the zone the time is read in: given, else the number, else the campaign', () => {
  const zoneOf = (i: Partial<BookingInput>, c: Partial<BookingContext> = {}) =>
    // 20:30 Warsaw, 14:30 New York, 09:30 Honolulu: inside the window in every zone involved.
    validateBooking(input({ scheduledAt: '2026-11-25T19:30:00Z', skill: 'Support', ...i }), context({ skill: support, ...c })).normalized?.customerZone;
  assert.equal(zoneOf({ phone: '+48 22 123 45 67' }, { campaign: cbUs }), 'Europe/Warsaw', 'the number has one zone');
  assert.equal(zoneOf({ phone: '+1 212 555 0100' }, { campaign: cbUs }), 'America/New_York', "several zones: the campaign's when it is one of them");
  const us = zoneOf({ phone: '+1 212 555 0100' });
  assert.ok(us && countryZones('US').includes(us), `several zones, campaign zone not one of them: a US zone, not Warsaw (${us})`);
  assert.equal(zoneOf({ timeZone: 'Europe/Warsaw' }), 'Europe/Warsaw');
  assert.equal(zoneOf({ timeZone: 'Mars/Olympus' }), 'Europe/Warsaw', 'an unknown zone falls back silently');
});

test('validateBooking reports SLOT_FULL against skill capacity, or agent capacity for personal', () => {
  assert.deepEqual(codesOf({}, { booked: { skill: 9, agent: 0 } }), []);
  assert.deepEqual(codesOf({}, { booked: { skill: 10, agent: 0 } }), ['SLOT_FULL']);
  const personal = { agentId: '1001' };
  assert.deepEqual(codesOf(personal, { agentKnown: true, booked: { skill: 10, agent: 1 } }), []);
  assert.deepEqual(codesOf(personal, { agentKnown: true, booked: { skill: 0, agent: 2 } }), ['SLOT_FULL']);
});

test('validateBooking reports UNKNOWN_CAMPAIGN, UNKNOWN_SKILL, UNKNOWN_AGENT and MISSING_TARGET', () => {
  assert.deepEqual(codesOf({ campaign: 'NOPE', phone: '+48221234567' }, { campaign: null }), ['UNKNOWN_CAMPAIGN']);
  assert.deepEqual(codesOf({ skill: 'Nope' }, { skill: null }), ['UNKNOWN_SKILL']);
  assert.deepEqual(codesOf({ agentId: '7777' }, { agentKnown: false }), ['UNKNOWN_AGENT']);
  const missing = validateBooking(input({ skill: null, agentId: null }), context({ skill: null }));
  assert.deepEqual(missing.violations.map((v) => [v.code, v.field]), [['MISSING_TARGET', 'skill']]);
});

test('validateBooking reports FIELD_TOO_LONG once per field, naming it', () => {
  assert.deepEqual(codesOf({ firstName: 'a'.repeat(50), lastName: 'b'.repeat(50), notes: 'n'.repeat(1000) }), []);
  const check = validateBooking(input({ firstName: 'a'.repeat(51), lastName: 'b'.repeat(51), notes: 'n'.repeat(1001) }), context());
  assert.deepEqual(check.violations.map((v) => [v.code, v.field]), [
    ['FIELD_TOO_LONG', 'firstName'],
    ['FIELD_TOO_LONG', 'lastName'],
    ['FIELD_TOO_LONG', 'notes'],
  ]);
});

test('validateBooking reports several violations together, each with a message', () => {
  const check = validateBooking(
    input({ phone: 'abc', agentId: '7777', skill: 'Nope', scheduledAt: '2026-11-24T05:00', lastName: 'x'.repeat(60) }),
    context({ agentKnown: false, skill: null }),
  );
  assert.deepEqual(check.violations.map((v) => v.code).sort(), ['FIELD_TOO_LONG', 'INVALID_PHONE', 'IN_PAST', 'OUTSIDE_CALLING_WINDOW', 'UNKNOWN_AGENT', 'UNKNOWN_SKILL']);
  assert.ok(check.violations.every((v) => v.message.length > 0 && v.field.length > 0));
  assert.equal(check.normalized, null);
  // Sunday 23:00 with a full slot: closed, outside the window and full at once.
  assert.deepEqual(codesOf({ scheduledAt: '2026-11-29T23:00' }, { booked: { skill: 10, agent: 0 } }), ['OUTSIDE_CALLING_WINDOW', 'SKILL_CLOSED', 'SLOT_FULL']);
});

test('validateBooking answers a malformed scheduledAt as a bad request, not a violation', () => {
  const check = validateBooking(input({ scheduledAt: 'tomorrow at ten' }), context());
  assert.deepEqual(check.violations, []);
  assert.equal(check.normalized, null);
  assert.equal(check.badRequest?.field, 'scheduledAt');
});

test('validateBooking can produce every violation code', () => {
  const seen = new Set<ViolationCode>([
    ...codesOf({ phone: '12', firstName: 'a'.repeat(51), skill: 'Nope', agentId: 'x' }, { skill: null, agentKnown: false }),
    ...codesOf({ campaign: 'NOPE', skill: null }, { campaign: null, skill: null }),
    ...codesOf({ scheduledAt: '2026-11-24T10:00' }),
    ...codesOf({ scheduledAt: '2026-11-24T11:01' }),
    ...codesOf({ scheduledAt: '2027-01-10T10:00' }),
    ...codesOf({ scheduledAt: '2026-03-29T02:30' }),
    ...codesOf({ scheduledAt: '2026-11-29T23:00' }, { booked: { skill: 10, agent: 0 } }),
    ...codesOf({ scheduledAt: '2026-12-25T10:00' }, { now: utc('2026-12-01T10:00Z') }),
    ...codesOf({ phone: '+1 212 555 0100', timeZone: 'Europe/Warsaw' }),
    ...codesOf({}, { doNotCall: true }),
  ]);
  assert.deepEqual([...seen].sort(), [...VIOLATION_CODES].sort());
});
