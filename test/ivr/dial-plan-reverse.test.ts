// fromDialString: the number as UCCX holds it (the campaign's dial string) back to E.164.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromDialString, toDialString } from '../../domain/rules/dial-plan.ts';
import { parsePhone } from '../../domain/rules/phone.ts';

const PL = [
  { match: '+48', strip: 3, prefix: '0' },
  { match: '+', strip: 1, prefix: '00' },
];
const US = [
  { match: '+1', strip: 2, prefix: '91' },
  { match: '+', strip: 1, prefix: '9011' },
];
const valid = (country: string) => (e164: string) => parsePhone(e164, country).valid;

test('fromDialString: a PL national dial string (strip +48, prefix 0) is the +48 number', () => {
  assert.deepEqual(fromDialString('0601234580', PL, valid('PL')), ['+48601234580']);
  assert.deepEqual(fromDialString('0221234567', PL, valid('PL')), ['+48221234567']);
});

test('fromDialString: an international dial string on the PL plan (00…) is not read as a national number', () => {
  assert.deepEqual(fromDialString('0012125550151', PL, valid('PL')), ['+12125550151']);
  assert.deepEqual(fromDialString('0048221234567', PL, valid('PL')), [], 'UCCX never holds +48 numbers as 0048… on this plan');
});

test('fromDialString: the US dial string 912125550151 is +1 212…, not an Indian (+91) number', () => {
  assert.deepEqual(fromDialString('912125550151', US, valid('US')), ['+12125550151']);
  assert.deepEqual(fromDialString('901148221234567', US, valid('US')), ['+48221234567']);
});

test('fromDialString: E.164 input is taken as it is; no plan means the digits without "+"; garbage gives nothing', () => {
  assert.deepEqual(fromDialString('+48 601 234 580', PL, valid('PL')), ['+48601234580']);
  assert.deepEqual(fromDialString('48601234580', [], valid('PL')), ['+48601234580']);
  assert.deepEqual(fromDialString('abc', PL, valid('PL')), []);
  assert.deepEqual(fromDialString('+4860', PL, valid('PL')), []);
});

test('fromDialString reverses toDialString for every rule of the demo plans', () => {
  for (const [plan, country, numbers] of [
    [PL, 'PL', ['+48601234580', '+48221234567', '+12125550151', '+442079460000']],
    [US, 'US', ['+12125550151', '+13105550123', '+48601234580']],
  ] as const) {
    for (const e164 of numbers) assert.deepEqual(fromDialString(toDialString(e164, plan), plan, valid(country)), [e164], `${e164} via ${toDialString(e164, plan)}`);
  }
});
