import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callerNumberCandidates, maskPhone } from '../../domain/rules/caller-number.ts';

const campaigns = [
  { defaultCountry: 'PL', dialPlan: [{ match: '+48', strip: 3, prefix: '0' }, { match: '+', strip: 1, prefix: '00' }] },
  { defaultCountry: 'US', dialPlan: [{ match: '+1', strip: 2, prefix: '91' }, { match: '+', strip: 1, prefix: '9011' }] },
];

test('callerNumberCandidates: E.164, national and dial strings (each campaign plan reversed) read as E.164', () => {
  for (const raw of ['+48601234567', '+48 601 234 567', '601 234 567', '0601234567', '0048601234567']) assert.deepEqual(callerNumberCandidates(raw, campaigns), ['+48601234567'], raw);
  for (const raw of ['912125550151', '(212) 555-0151', '+1 212 555 0151']) assert.deepEqual(callerNumberCandidates(raw, campaigns), ['+12125550151'], raw);
  assert.deepEqual(callerNumberCandidates('9011 48601234567', campaigns), ['+48601234567']);
});

test('callerNumberCandidates: nothing for what is not a number', () => {
  for (const raw of ['', 'anonymous', '0601\u0000234567', '123', '+48 601 234 567; DROP']) assert.deepEqual(callerNumberCandidates(raw, campaigns), [], JSON.stringify(raw));
  assert.deepEqual(callerNumberCandidates('0601234567', []), []);
});

test('maskPhone keeps the country and the last two digits', () => {
  assert.equal(maskPhone('+48601234567'), '+48•••••••67');
  assert.equal(maskPhone('+12125550151'), '+12•••••••51');
  assert.equal(maskPhone('12'), '•••');
});
