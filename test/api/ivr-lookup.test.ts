import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, build } from '../helpers/build.ts';
import { now, personalBooking, skillBooking } from './fixtures.ts';

const ivr = { authorization: `Basic ${Buffer.from('ivr:ivr-demo').toString('base64')}` };

test('lookupCallback by account number: personal → agent with the fallback CSQ; a callback not yet dialled stays scheduled', async (t) => {
  const app = await build(t, { now });
  const cb = (await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: personalBooking() })).json();
  assert.equal((await app.inject({ url: `/ivr/v1/lookup?accountNumber=${cb.accountNumber}` })).statusCode, 401);
  const res = await app.inject({ url: `/ivr/v1/lookup?accountNumber=${cb.accountNumber}`, headers: ivr });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), {
    found: true,
    callbackId: cb.id,
    target: 'agent',
    agentId: '1001',
    skill: 'Sales',
    csq: 'CSQ_Sales',
    script: null,
    firstName: 'Jan',
    lastName: 'Kowalski',
    agentWaitSeconds: 30,
  });
  const after = (await app.inject({ url: `/api/v1/callbacks/${cb.id}`, headers: as('1001') })).json();
  assert.equal(after.status, 'scheduled');
  const events = (await app.inject({ url: `/api/v1/callbacks/${cb.id}/history`, headers: as('1001') })).json().map((h: { event: string }) => h.event);
  assert.deepEqual(events, ['booked', 'ivr_lookup', 'routed']);
});

test('lookupCallback answers flat XML, finds by phone, and says found=false with the default CSQ', async (t) => {
  const app = await build(t, { now });
  const cb = (await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: skillBooking({ skill: 'Support' }) })).json();
  const xml = await app.inject({ url: `/ivr/v1/lookup?phone=%2B48221234567`, headers: { ...ivr, accept: 'application/xml' } });
  assert.equal(xml.headers['content-type'], 'application/xml');
  assert.match(xml.body, new RegExp(`<callback><found>true</found><callbackId>${cb.id}</callbackId><target>skill</target>`));
  assert.match(xml.body, /<csq>CSQ_Support<\/csq>/);
  const missing = await app.inject({ url: '/ivr/v1/lookup?accountNumber=NOPE&format=xml', headers: ivr });
  assert.equal(missing.statusCode, 200);
  assert.match(missing.body, /<found>false<\/found>.*<target>skill<\/target>.*<csq>CSQ_Support<\/csq>/);
});

test('lookupCallback hands over to the external script configured on the skill', async (t) => {
  const app = await build(t, { now });
  const skill = { csq: 'CSQ_Vip', timeZone: 'Europe/Warsaw', hours: { '2': ['08:00-18:00'] }, ivrScript: 'VipIdentify.aef' };
  assert.equal((await app.inject({ method: 'PUT', url: '/api/v1/admin/skills/Vip', headers: as('9001'), payload: skill })).statusCode, 200);
  const cb = (await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as('1001'), payload: skillBooking({ skill: 'Vip' }) })).json();
  const res = (await app.inject({ url: `/ivr/v1/lookup?accountNumber=${cb.accountNumber}`, headers: ivr })).json();
  assert.equal(res.target, 'script');
  assert.equal(res.script, 'VipIdentify.aef');
  assert.equal(res.csq, 'CSQ_Vip');
});
