// POST /ivr/v1/events: each event only from the states where it makes sense (lifecycle table),
// once per attempt, with the campaign's retry policy for a call the customer did not take.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { build } from '../helpers/build.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { forceState, insertTestCallback } from '../db/seed-helpers.ts';
import { findCallbackById } from '../../db/queries/callbacks.ts';
import { listHistory } from '../../db/queries/history.ts';
import { now, NOW } from '../api/fixtures.ts';
import { ivr } from './lookup.test.ts';

const post = (app: FastifyInstance, payload: Record<string, unknown>, headers: Record<string, string> = ivr) =>
  app.inject({ method: 'POST', url: '/ivr/v1/events', headers, payload });
const events = async (app: FastifyInstance, id: number) => (await listHistory(app.services.db, id)).map((h) => h.event);
const IMPORTED = new Date(NOW.getTime() - 60_000);

async function inState(app: FastifyInstance, status: string, over: Record<string, unknown> = {}) {
  const cb = await insertTestCallback(app.services.db, over);
  return forceState(app.services.db, cb.id, { status, importedAt: IMPORTED, uccxCampaignId: 200, ...over });
}

for (const dialect of DIALECTS) {
  describe(`IVR events on ${dialect}`, () => {
    test('applyIvrEvent answered: queued → connected; the same event again is one effect (200, current state)', async (t) => {
      const app = await build(t, { dialect, now });
      const cb = await inState(app, 'queued');
      const first = await post(app, { accountNumber: cb.accountNumber, event: 'answered' });
      assert.equal(first.statusCode, 200);
      assert.deepEqual(first.json(), { callbackId: cb.id, event: 'answered', status: 'connected', applied: true });
      const again = await post(app, { callbackId: cb.id, event: 'answered' });
      assert.deepEqual([again.statusCode, again.json().status, again.json().applied], [200, 'connected', false]);
      assert.deepEqual(await events(app, cb.id), ['answered']);
    });

    test('applyIvrEvent refuses an event in a state where it makes no sense: 409 invalid_state, nothing written', async (t) => {
      const app = await build(t, { dialect, now });
      const scheduled = await inState(app, 'scheduled');
      const res = await post(app, { accountNumber: scheduled.accountNumber, event: 'answered' });
      assert.equal(res.statusCode, 409);
      assert.deepEqual([res.json().code, res.json().status, res.json().event], ['invalid_state', 'scheduled', 'answered']);
      const queued = await inState(app, 'queued');
      assert.equal((await post(app, { accountNumber: queued.accountNumber, event: 'routed', target: 'skill', csq: 'CSQ_Sales' })).statusCode, 409, 'routed before answered');
      const completed = await inState(app, 'completed');
      assert.equal((await post(app, { accountNumber: completed.accountNumber, event: 'not_confirmed' })).json().code, 'invalid_state');
      for (const cb of [scheduled, queued, completed]) assert.deepEqual(await events(app, cb.id), [], `no history for ${cb.status}`);
      assert.equal((await findCallbackById(app.services.db, completed.id))!.status, 'completed');
    });

    test('applyIvrEvent confirmed and routed: history once each, personal → CSQ records fallback_to_skill, state stays connected', async (t) => {
      const app = await build(t, { dialect, now });
      const cb = await inState(app, 'dialing', { type: 'personal', agentId: '1002' });
      assert.equal((await post(app, { accountNumber: cb.accountNumber, event: 'confirmed' })).json().status, 'connected', 'confirmed implies the answer');
      const routed = { accountNumber: cb.accountNumber, event: 'routed', target: 'csq', csq: 'CSQ_Sales' };
      assert.deepEqual((await post(app, routed)).json(), { callbackId: cb.id, event: 'routed', status: 'connected', applied: true });
      assert.equal((await post(app, routed)).json().applied, false);
      assert.equal((await post(app, { accountNumber: cb.accountNumber, event: 'confirmed' })).json().applied, false);
      const history = await listHistory(app.services.db, cb.id);
      assert.deepEqual(history.map((h) => h.event), ['confirmed', 'routed', 'fallback_to_skill']);
      assert.deepEqual(history[1]!.details, { by: 'ivr', target: 'skill', agentId: null, csq: 'CSQ_Sales', script: null });
      assert.deepEqual(history[2]!.details, { agentId: '1002', csq: 'CSQ_Sales' });
      assert.equal((await findCallbackById(app.services.db, cb.id))!.status, 'connected');
    });

    test('applyIvrEvent not_confirmed: a failed attempt per the campaign retry policy (CB_MAIN default: 10 min), never completed; repeated = one effect', async (t) => {
      const app = await build(t, { dialect, now });
      const cb = await inState(app, 'connected');
      const res = await post(app, { accountNumber: cb.accountNumber, event: 'not_confirmed' });
      assert.deepEqual(res.json(), { callbackId: cb.id, event: 'not_confirmed', status: 'retry_wait', applied: true });
      const after = (await findCallbackById(app.services.db, cb.id))!;
      assert.deepEqual([after.status, after.attempts, after.lastResult, after.nextAttemptAt], ['retry_wait', 1, 'not_confirmed', new Date(NOW.getTime() + 10 * 60_000).toISOString()]);
      const again = await post(app, { accountNumber: cb.accountNumber, event: 'not_confirmed' });
      assert.deepEqual([again.statusCode, again.json().status, again.json().applied], [200, 'retry_wait', false]);
      assert.equal((await findCallbackById(app.services.db, cb.id))!.attempts, 1);
      assert.deepEqual(await events(app, cb.id), ['not_confirmed', 'retry_scheduled']);
    });

    test('applyIvrEvent abandoned on the last allowed attempt: failed max_attempts', async (t) => {
      const app = await build(t, { dialect, now });
      const cb = await inState(app, 'connected', { attempts: 2 });
      const res = await post(app, { accountNumber: cb.accountNumber, event: 'abandoned' });
      assert.deepEqual([res.statusCode, res.json().status], [200, 'failed']);
      const after = (await findCallbackById(app.services.db, cb.id))!;
      assert.deepEqual([after.reason, after.attempts], ['max_attempts', 3]);
      assert.deepEqual(await events(app, cb.id), ['abandoned', 'failed']);
    });

    test('applyIvrEvent: the same event in the next attempt (after a new import) applies again', async (t) => {
      let clock = NOW;
      const app = await build(t, { dialect, now: () => clock });
      const cb = await inState(app, 'queued');
      await post(app, { accountNumber: cb.accountNumber, event: 'answered' });
      await post(app, { accountNumber: cb.accountNumber, event: 'not_confirmed' });
      clock = new Date(NOW.getTime() + 15 * 60_000);
      await forceState(app.services.db, cb.id, { status: 'queued', importedAt: clock });
      const second = await post(app, { accountNumber: cb.accountNumber, event: 'answered' });
      assert.deepEqual([second.json().applied, second.json().status], [true, 'connected']);
    });
  });
}

describe('IVR events: identity and input', () => {
  test('applyIvrEvent needs the IVR user, a known callback of the calling campaign, and printable text', async (t) => {
    const app = await build(t, { now });
    const cb = await inState(app, 'queued');
    assert.equal((await post(app, { accountNumber: cb.accountNumber, event: 'answered' }, {})).statusCode, 401);
    const wrong = { authorization: `Basic ${Buffer.from('ivr:nope').toString('base64')}` };
    assert.equal((await post(app, { accountNumber: cb.accountNumber, event: 'answered' }, wrong)).statusCode, 401);
    assert.equal((await post(app, { accountNumber: 'NOPE', event: 'answered' })).statusCode, 404);
    assert.equal((await post(app, { accountNumber: cb.accountNumber, campaign: 'CB_DDI_2', event: 'answered' })).statusCode, 404, 'another campaign');
    assert.equal((await post(app, { callbackId: cb.id, campaign: 'CB_US', event: 'answered' })).statusCode, 404, 'another campaign by id');
    assert.equal((await post(app, { accountNumber: cb.accountNumber, event: 'exploded' })).statusCode, 400);
    assert.equal((await post(app, { accountNumber: cb.accountNumber, event: 'routed', csq: 'CSQ\u0007' })).statusCode, 400);
    assert.equal((await findCallbackById(app.services.db, cb.id))!.status, 'queued');
    const ok = await post(app, { accountNumber: cb.accountNumber, campaign: 'CB_DDI_1', event: 'answered' });
    assert.equal(ok.statusCode, 200);
  });

  test('applyIvrEvent answers flat XML when asked', async (t) => {
    const app = await build(t, { now });
    const cb = await inState(app, 'queued');
    const res = await app.inject({ method: 'POST', url: '/ivr/v1/events?format=xml', headers: ivr, payload: { accountNumber: cb.accountNumber, event: 'answered' } });
    assert.equal(res.body, `<?xml version="1.0" encoding="UTF-8"?><event><callbackId>${cb.id}</callbackId><event>answered</event><status>connected</status><applied>true</applied></event>`);
    const other = await inState(app, 'scheduled');
    const refused = await app.inject({ method: 'POST', url: '/ivr/v1/events?format=xml', headers: ivr, payload: { accountNumber: other.accountNumber, event: 'answered' } });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /^<\?xml[^>]*\?><error><code>invalid_state<\/code><message>event answered is not accepted while the callback is scheduled<\/message>/);
  });
});

describe('IVR events after the result sync', () => {
  test('applyIvrEvent answered on a callback the sync already moved to connected: recorded once, state kept', async (t) => {
    const app = await build(t, { now });
    const cb = await inState(app, 'connected');
    const res = await post(app, { accountNumber: cb.accountNumber, event: 'answered' });
    assert.deepEqual(res.json(), { callbackId: cb.id, event: 'answered', status: 'connected', applied: true });
    assert.equal((await post(app, { accountNumber: cb.accountNumber, event: 'answered' })).json().applied, false);
    assert.deepEqual(await events(app, cb.id), ['answered']);
  });
});
