import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IANAZone } from 'luxon';
import { parsePhone, toDialString, zoneOfCountry } from '../../domain/rules/index.ts';
import { cbMain, cbUs } from './fixtures.ts';

test('parsePhone reads national input with the default country and gives E.164', () => {
  assert.deepEqual(parsePhone('22 123 45 67', 'PL'), {
    valid: true,
    e164: '+48221234567',
    country: 'PL',
    formatted: '+48 22 123 45 67',
    timeZone: 'Europe/Warsaw',
    zones: ['Europe/Warsaw'],
    countryZones: ['Europe/Warsaw'],
  });
  assert.equal((parsePhone('(212) 555-0100', 'US') as { e164: string }).e164, '+12125550100');
});

test('parsePhone accepts international input whatever the default country', () => {
  const us = parsePhone('+1 212 555 0100', 'PL');
  assert.ok(us.valid);
  assert.equal(us.e164, '+12125550100');
  assert.equal(us.country, 'US');
  assert.ok(us.zones.includes('America/New_York') && us.countryZones.length >= 29, 'the US has several zones');
  const viaIdd = parsePhone('0048 601 234 567', 'PL');
  assert.ok(viaIdd.valid);
  assert.equal(viaIdd.e164, '+48601234567');
});

test('parsePhone rejects junk, too-short numbers and national input without a usable default', () => {
  assert.deepEqual(parsePhone('12', 'PL'), { valid: false });
  assert.deepEqual(parsePhone('abc', 'PL'), { valid: false });
  assert.deepEqual(parsePhone('', 'PL'), { valid: false });
  assert.deepEqual(parsePhone('22 123 45 67', ''), { valid: false });
  assert.deepEqual(parsePhone('22 123 45 67', 'ZZ'), { valid: false });
});

test('parsePhone validates with full metadata: a Polish number of the right length but no real range is invalid', () => {
  // 8 digits: the "min" metadata took it (length only) and it was pushed as 060140104.
  assert.deepEqual(parsePhone('601 4010 4', 'PL'), { valid: false });
  assert.deepEqual(parsePhone('+48 601 4010 4', 'US'), { valid: false });
  assert.ok(parsePhone('601 401 040', 'PL').valid, 'the real 9-digit mobile number is valid');
  // +48 10… is in no Polish number range although its length is possible.
  assert.deepEqual(parsePhone('+48 101 234 567', 'PL'), { valid: false });
});

test('zoneOfCountry gives the single zone, null for multi-zone or unknown countries', () => {
  assert.equal(zoneOfCountry('PL'), 'Europe/Warsaw');
  assert.equal(zoneOfCountry('gb'), 'Europe/London');
  for (const multi of ['US', 'CA', 'AU', 'RU', 'BR', 'MX', 'ES', 'PT', 'ID', 'KZ']) assert.equal(zoneOfCountry(multi), null, multi);
  assert.equal(zoneOfCountry(null), null);
  assert.equal(zoneOfCountry('ZZ'), null);
  for (const country of ['PL', 'GB', 'FR', 'IN', 'JP']) assert.ok(IANAZone.isValidZone(zoneOfCountry(country) as string), country);
});

test('toDialString applies a national rule: strip +48, prefix 0', () => {
  assert.equal(toDialString('+48221234567', [{ match: '+48', strip: 3, prefix: '0' }]), '0221234567');
});

test('toDialString applies an international rule: strip +, prefix 00', () => {
  assert.equal(toDialString('+12125550100', [{ match: '+', strip: 1, prefix: '00' }]), '0012125550100');
});

test('toDialString uses the first matching rule in plan order', () => {
  assert.equal(toDialString('+48221234567', cbMain.dialPlan), '0221234567');
  assert.equal(toDialString('+12125550100', cbMain.dialPlan), '0012125550100');
  // The same catch-all first shadows the national rule.
  const reversed = [...cbMain.dialPlan].reverse();
  assert.equal(toDialString('+48221234567', reversed), '0048221234567');
  assert.equal(toDialString('+12125550100', cbUs.dialPlan), '912125550100');
  assert.equal(toDialString('+48221234567', cbUs.dialPlan), '901148221234567');
});

test('toDialString without a matching rule gives the digits without +', () => {
  assert.equal(toDialString('+48221234567', []), '48221234567');
  assert.equal(toDialString('+48221234567', [{ match: '+1', strip: 2, prefix: '' }]), '48221234567');
});
