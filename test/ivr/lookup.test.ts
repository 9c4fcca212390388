// GET /ivr/v1/lookup: read-only, scoped to the calling campaign, an explicit action for finished
// callbacks, and the prompt data of the "press 1" confirmation.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { as, build } from '../helpers/build.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { forceState, insertTestCallback } from '../db/seed-helpers.ts';
import { findCallbackById } from '../../db/queries/callbacks.ts';
import { now, personalBooking, skillBooking } from '../api/fixtures.ts';

export const ivr = { authorization: `Basic ${Buffer.from('ivr:ivr-demo').toString('base64')}` };

const book = async (app: FastifyInstance, payload: Record<string, unknown>, agent = '1001') => {
  const res = await app.inject({ method: 'POST', url: '/api/v1/callbacks', headers: as(agent), payload });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: number; accountNumber: string };
};
const lookup = async (app: FastifyInstance, query: string) => (await app.inject({ url: `/ivr/v1/lookup?${query}`, headers: ivr })).json();
const historyCount = async (app: FastifyInstance) =>
  Number(((await app.services.db.sequelize.query('SELECT COUNT(*) AS n FROM callback_history')) as [Array<{ n: number | string }>, unknown])[0][0]!.n);

for (const dialect of DIALECTS) {
  describe(`IVR lookup on ${dialect}`, () => {
    test('lookupCallback is read-only: many lookups by account, list id and phone write no history and change no version or state', async (t) => {
      const app = await build(t, { dialect, now });
      const cb = await book(app, personalBooking());
      const queued = await forceState(app.services.db, cb.id, { status: 'queued', uccxCampaignId: 200, uccxDialingListId: 777, importedAt: now() });
      const rowsBefore = await historyCount(app);
      for (let i = 0; i < 40; i++) {
        const query = [`accountNumber=${cb.accountNumber}`, 'dialingListId=777', 'phone=0221234567&campaign=CB_DDI_1', `accountNumber=${cb.accountNumber}&format=xml`][i % 4];
        assert.equal((await app.inject({ url: `/ivr/v1/lookup?${query}`, headers: ivr })).statusCode, 200);
      }
      assert.equal(await historyCount(app), rowsBefore, 'no history row written');
      const after = (await findCallbackById(app.services.db, cb.id))!;
      assert.deepEqual([after.status, after.version, after.updatedAt], [queued.status, queued.version, queued.updatedAt]);
    });
  });
}

describe('IVR lookup answers', () => {
  test('lookupCallback: a personal callback queues to the agent with the prompt data (first name, booked-by agent, campaign)', async (t) => {
    const app = await build(t, { now });
    const cb = await book(app, personalBooking());
    assert.equal((await app.inject({ url: `/ivr/v1/lookup?accountNumber=${cb.accountNumber}` })).statusCode, 401);
    assert.deepEqual(await lookup(app, `accountNumber=${cb.accountNumber}&campaign=CB_DDI_1`), {
      found: true,
      action: 'queue',
      callbackId: cb.id,
      status: 'scheduled',
      reason: null,
      target: 'agent',
      agentId: '1001',
      skill: 'Sales',
      csq: 'CSQ_Sales',
      script: null,
      firstName: 'Jan',
      lastName: 'Kowalski',
      bookedByName: 'Anna Nowak',
      campaign: 'CB_MAIN',
      agentWaitSeconds: 30,
    });
  });

  test('lookupCallback: cancelled, completed and expired callbacks answer apologise_and_end (JSON and XML), never the default CSQ', async (t) => {
    const app = await build(t, { now });
    for (const [i, status] of (['cancelled', 'completed', 'expired'] as const).entries()) {
      const cb = await book(app, skillBooking({ phone: `22 123 45 7${i}` }));
      await forceState(app.services.db, cb.id, { status });
      const json = await lookup(app, `accountNumber=${cb.accountNumber}`);
      assert.deepEqual([json.found, json.action, json.reason, json.target, json.csq, json.firstName, json.bookedByName], [true, 'apologise_and_end', status, 'none', '', 'Jan', 'Anna Nowak'], status);
      const xml = (await app.inject({ url: `/ivr/v1/lookup?accountNumber=${cb.accountNumber}`, headers: { ...ivr, accept: 'application/xml' } })).body;
      assert.match(xml, new RegExp(`^<\\?xml[^>]*\\?><callback><found>true</found><action>apologise_and_end</action><callbackId>${cb.id}</callbackId><status>${status}</status><reason>${status}</reason><target>none</target>`));
      assert.doesNotMatch(xml, /CSQ_Support/);
    }
  });

  test('lookupCallback: a truly unknown caller gets found=false, action queue and the default CSQ (flat XML too)', async (t) => {
    const app = await build(t, { now });
    const json = await lookup(app, 'accountNumber=NOPE');
    assert.deepEqual([json.found, json.action, json.target, json.csq, json.callbackId], [false, 'queue', 'skill', 'CSQ_Support', null]);
    const xml = (await app.inject({ url: '/ivr/v1/lookup?accountNumber=NOPE&format=xml', headers: ivr })).body;
    assert.match(xml, /<callback><found>false<\/found><action>queue<\/action>.*<target>skill<\/target>.*<csq>CSQ_Support<\/csq>/);
  });

  test('lookupCallback matches within the calling campaign: phone as UCCX dials it, E.164, and never another campaign', async (t) => {
    const app = await build(t, { now });
    const db = app.services.db;
    const main = await insertTestCallback(db, { campaign: 'CB_MAIN', phone: '+48601234580', phoneE164: '+48601234580', dialString: '0601234580' });
    const us = await insertTestCallback(db, { campaign: 'CB_US', phone: '+48601234580', phoneE164: '+48601234580', dialString: '901148601234580' });
    const nyc = await insertTestCallback(db, { campaign: 'CB_US', phone: '+12125550151', phoneE164: '+12125550151', dialString: '912125550151' });
    assert.equal((await lookup(app, 'phone=0601234580&campaign=CB_DDI_1')).callbackId, main.id, 'UCCX campaign name, PL dial string');
    assert.equal((await lookup(app, 'phone=0601234580&campaign=CB_MAIN')).callbackId, main.id, 'CM campaign name');
    assert.equal((await lookup(app, 'phone=%2B48601234580&campaign=CB_DDI_1')).callbackId, main.id, 'E.164');
    assert.equal((await lookup(app, 'phone=901148601234580&campaign=CB_DDI_2')).callbackId, us.id, 'the same number in the US campaign');
    assert.equal((await lookup(app, 'phone=912125550151&campaign=CB_DDI_2')).callbackId, nyc.id, 'US dial string → +1 212…');
    assert.equal((await lookup(app, 'phone=912125550151&campaign=CB_DDI_1')).found, false, 'not a PL campaign number');
    assert.equal((await lookup(app, 'phone=0601234580')).found, false, 'a number alone matches no campaign');
    assert.equal((await lookup(app, `accountNumber=${us.accountNumber}&campaign=CB_DDI_1`)).found, false, 'an account of another campaign');
    assert.equal((await lookup(app, `accountNumber=${us.accountNumber}&campaign=NO_SUCH`)).found, false, 'an unknown campaign');
    // A finished callback on the number is still answered as such (its contact may sit in UCCX).
    await forceState(db, main.id, { status: 'cancelled' });
    const finished = await lookup(app, 'phone=0601234580&campaign=CB_DDI_1');
    assert.deepEqual([finished.callbackId, finished.action], [main.id, 'apologise_and_end']);
  });

  test('lookupCallback hands over to the external script configured on the skill', async (t) => {
    const app = await build(t, { now });
    const skill = { csq: 'CSQ_Vip', timeZone: 'Europe/Warsaw', hours: { '2': ['08:00-18:00'] }, ivrScript: 'VipIdentify.aef' };
    assert.equal((await app.inject({ method: 'PUT', url: '/api/v1/admin/skills/Vip', headers: as('9001'), payload: skill })).statusCode, 200);
    const cb = await book(app, skillBooking({ skill: 'Vip' }));
    const res = await lookup(app, `accountNumber=${cb.accountNumber}`);
    assert.deepEqual([res.action, res.target, res.script, res.csq], ['queue', 'script', 'VipIdentify.aef', 'CSQ_Vip']);
  });

  test('lookupCallback refuses control characters in its parameters', async (t) => {
    const app = await build(t, { now });
    assert.equal((await app.inject({ url: '/ivr/v1/lookup?accountNumber=A%0AB', headers: ivr })).statusCode, 400);
  });
});
