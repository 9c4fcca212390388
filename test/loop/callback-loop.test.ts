// The UCCX loop end to end on the simulator (accelerated clock): booked through the REST API,
// dispatched when due, dialled, looked up by the IVR script over HTTP, routed, synced back.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { listHistory } from '../../db/queries/history.ts';
import { booking, scriptedOutcomes, SPEED, startLoopWorld } from './harness.ts';
import { as } from '../helpers/build.ts';

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`callback loop on ${dialect}`, () => {
    test('book → dispatched at its time → dialled → IVR lookup → answered, confirmed, routed to the agent → completed', async (t) => {
      const world = await startLoopWorld(t, { dialect });
      world.runJobs();
      const cb = await world.book('1001', booking({ phone: '22 123 45 61', agentId: '1001' }));
      const done = await world.waitFor(cb.id, ['completed', 'failed']);
      assert.equal(done.status, 'completed');
      assert.equal(done.attempts, 1);
      const history = await listHistory(world.deps.db, cb.id);
      const order = ['booked', 'claimed', 'imported', 'answered', 'confirmed', 'routed', 'completed'].map((e) => history.findIndex((h) => h.event === e));
      assert.ok(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1])), `history in loop order: ${history.map((h) => h.event).join(', ')}`);
      const imported = history.find((h) => h.event === 'imported')!;
      const lateRealMs = (Date.parse(imported.at) - Date.parse(cb.scheduledAt)) / SPEED;
      // Not before its time; how soon after is a benchmark figure (npm run bench), not a unit test's.
      assert.ok(lateRealMs >= 0 && lateRealMs <= 15_000, `imported ${lateRealMs} ms (real) after its time`);
      assert.equal(imported.details.dialingListId, done.uccxDialingListId);
      assert.deepEqual(history.find((h) => h.event === 'routed')!.details.target, 'agent');
      assert.equal(history.find((h) => h.event === 'completed')!.details.routedTo, 'agent:1001');
      assert.equal(history.filter((h) => h.event === 'ivr_lookup').length, 0, 'the lookup writes nothing');
      assert.equal((await world.uccxRows(cb.accountNumber)).length, 1);
    });
  });
}

describe('callback loop: outcomes', () => {
  test('busy, then answered on the retry the Campaign Manager schedules', async (t) => {
    const world = await startLoopWorld(t, { outcome: scriptedOutcomes({ '0221234562': ['busy', 'answer'] }) });
    world.runJobs();
    const cb = await world.book('1001', booking({ phone: '22 123 45 62' }));
    const waiting = await world.waitFor(cb.id, ['retry_wait', 'completed', 'failed']);
    assert.deepEqual([waiting.status, waiting.lastResult, waiting.attempts], ['retry_wait', 'busy', 1]);
    const done = await world.waitFor(cb.id, ['completed', 'failed']);
    assert.deepEqual([done.status, done.attempts], ['completed', 2]);
    const rows = await world.uccxRows(cb.accountNumber);
    assert.deepEqual(rows.map((r) => r.callresult), [11, 1], 'one UCCX contact per attempt: busy, then voice');
    const events = await world.events(cb.id);
    assert.ok(events.includes('retry_scheduled'));
    assert.equal(events.filter((e) => e === 'imported').length, 2);
  });

  test('always busy: max attempts (campaign busy rule: 3) → failed', async (t) => {
    const world = await startLoopWorld(t, { outcome: scriptedOutcomes({}, 'busy') });
    world.runJobs();
    const cb = await world.book('1001', booking({ phone: '22 123 45 63' }));
    const done = await world.waitFor(cb.id, ['completed', 'failed'], 25_000);
    assert.deepEqual([done.status, done.reason, done.attempts], ['failed', 'max_attempts', 3]);
    assert.equal((await world.uccxRows(cb.accountNumber)).length, 3);
  });

  test('invalid number → failed invalid_number after one attempt', async (t) => {
    const world = await startLoopWorld(t, { outcome: scriptedOutcomes({}, 'invalid') });
    world.runJobs();
    const cb = await world.book('1001', booking({ phone: '22 123 45 64' }));
    const done = await world.waitFor(cb.id, ['completed', 'failed']);
    assert.deepEqual([done.status, done.reason, done.attempts], ['failed', 'invalid_number', 1]);
  });

  test('personal callback, agent not logged in → the IVR falls back to the skill CSQ → completed with fallback_to_skill', async (t) => {
    const world = await startLoopWorld(t, { agents: { '1001': { loggedIn: true, ready: true }, '1002': { loggedIn: false, ready: false } } });
    world.runJobs();
    const cb = await world.book('1002', booking({ phone: '22 123 45 65', agentId: '1002' }));
    const done = await world.waitFor(cb.id, ['completed', 'failed']);
    assert.equal(done.status, 'completed');
    const history = await listHistory(world.deps.db, cb.id);
    assert.deepEqual(history.filter((h) => h.event === 'fallback_to_skill').map((h) => h.details), [{ agentId: '1002', csq: 'CSQ_Sales' }], 'once, from the IVR event');
    assert.equal(history.find((h) => h.event === 'completed')!.details.routedTo, 'csq:CSQ_Sales');
  });

  test('the customer never presses 1: each attempt fails per the retry policy (CB_MAIN: 3), never completed', async (t) => {
    const world = await startLoopWorld(t, { customer: () => 'does_not_confirm' });
    world.runJobs();
    const cb = await world.book('1001', booking({ phone: '22 123 45 61' }));
    const done = await world.waitFor(cb.id, ['completed', 'failed'], 30_000);
    assert.deepEqual([done.status, done.reason, done.attempts], ['failed', 'max_attempts', 3]);
    const events = await world.events(cb.id);
    assert.equal(events.filter((e) => e === 'not_confirmed').length, 3);
    assert.equal(events.filter((e) => e === 'retry_scheduled').length, 2);
    assert.ok(!events.includes('completed'));
  });

  test('abandoned in the queue, then answered on the retry: completed on the second attempt only', async (t) => {
    let calls = 0;
    const world = await startLoopWorld(t, { customer: () => (calls++ === 0 ? 'abandons_in_queue' : 'confirms') });
    world.runJobs();
    const cb = await world.book('1001', booking({ phone: '22 123 45 60' }));
    const waiting = await world.waitFor(cb.id, ['retry_wait', 'completed', 'failed']);
    assert.deepEqual([waiting.status, waiting.attempts], ['retry_wait', 1]);
    const done = await world.waitFor(cb.id, ['completed', 'failed']);
    assert.deepEqual([done.status, done.attempts], ['completed', 2]);
    const events = await world.events(cb.id);
    assert.deepEqual(events.filter((e) => ['abandoned', 'completed'].includes(e)), ['abandoned', 'completed']);
  });

  test('a callback cancelled while its contact sits in UCCX: the customer hears the apology, the callback stays cancelled', async (t) => {
    const world = await startLoopWorld(t, { dialer: false });
    world.runJobs();
    const cb = await world.book('1001', booking({ phone: '22 123 45 55' }));
    await world.waitFor(cb.id, ['queued']);
    const cancel = await world.app.inject({ method: 'POST', url: `/api/v1/callbacks/${cb.id}/cancel`, headers: as('1001'), payload: { reason: 'customer called in' } });
    assert.equal(cancel.statusCode, 200, cancel.body);
    const apologised: Array<{ callbackId: number; reason: string }> = [];
    world.sim.events.on('apologised', (e) => apologised.push(e));
    await world.sim.dialerTick();
    await world.sim.dialerSettle();
    assert.deepEqual(apologised, [{ accountNumber: cb.accountNumber, callbackId: cb.id, reason: 'cancelled' }]);
    const after = (await world.waitFor(cb.id, ['cancelled']))!;
    assert.equal(after.status, 'cancelled');
    assert.deepEqual((await world.events(cb.id)).filter((e) => ['answered', 'routed', 'completed'].includes(e)), []);
  });
});
