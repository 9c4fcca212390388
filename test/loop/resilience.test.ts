// The loop survives what production throws at it, on the simulator: the daily purge keeps pending
// callbacks, two CM instances on one PostgreSQL database import each callback once, and UCCX
// answering 500 or nothing for a while only delays callbacks.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../../db/index.ts';
import { dispatchOnce } from '../../jobs/dispatch.ts';
import { purgeCampaign } from '../../jobs/purge.ts';
import { syncOnce } from '../../jobs/sync.ts';
import { startLoop } from '../../jobs/loop.ts';
import { insertTestCallback } from '../db/seed-helpers.ts';
import { booking, dispatchSettings, startLoopWorld } from './harness.ts';

describe('callback loop: resilience', () => {
  test('purge deletes all contacts and re-pushes the pending ones; a dialled one is not pushed again', async (t) => {
    // Dialer driven by hand (one port) so some contacts are dialled and some still pending at purge time.
    const world = await startLoopWorld(t, { dialer: false, ports: 1 });
    const at = world.sim.clock.now().toISOString();
    const cbs = [];
    for (const digit of [1, 2, 3]) cbs.push(await insertTestCallback(world.deps.db, { scheduledAt: at, phoneE164: `+4822123457${digit}`, phone: `+4822123457${digit}`, dialString: `022123457${digit}` }));
    await dispatchOnce(world.deps, dispatchSettings);
    await world.sim.dialerTick();
    await world.sim.dialerSettle();
    await syncOnce(world.deps);
    const dialled = cbs[0];
    assert.equal((await world.waitFor(dialled.id, ['completed'])).status, 'completed');

    const campaign = (await world.deps.config()).campaigns.find((c) => c.name === 'CB_MAIN')!;
    const report = await purgeCampaign(world.deps, campaign, { leaseMs: 60_000, batchSize: 500, waitForDispatchMs: 1000 });
    assert.deepEqual([report.pendingBefore, report.repushed], [2, 2]);
    const pending = await world.sim.db.query<{ accountnumber: string }>('SELECT accountnumber FROM dialinglist WHERE campaignid = 200 ORDER BY dialinglistid');
    assert.deepEqual(pending.map((r) => r.accountnumber), [cbs[1].accountNumber, cbs[2].accountNumber]);
    for (const cb of cbs.slice(1)) assert.deepEqual((await world.events(cb.id)).slice(-3), ['purged', 'imported', 'repushed']);

    // The re-pushed ones are dialled and complete as usual.
    for (let i = 0; i < 2; i++) {
      await world.sim.dialerTick();
      await world.sim.dialerSettle();
    }
    await syncOnce(world.deps);
    for (const cb of cbs.slice(1)) assert.equal((await world.waitFor(cb.id, ['completed'])).status, 'completed');
  });

  test('two Campaign Manager dispatchers on one PostgreSQL database import each callback exactly once', async (t) => {
    const world = await startLoopWorld(t, { dialect: 'postgres', dialer: false });
    const url = world.deps.db.sequelize.config;
    const other = await openDatabase(`postgres://${url.username}@${url.host}:${url.port}/${url.database}`, { migrate: false });
    t.after(() => other.close());
    const at = world.sim.clock.now().toISOString();
    const ids: number[] = [];
    for (let i = 0; i < 150; i++) ids.push((await insertTestCallback(world.deps.db, { scheduledAt: at })).id);
    const settings = { ...dispatchSettings, claimLimit: 20, batchSize: 10 };
    const a = startLoop('dispatch-a', 20, () => dispatchOnce({ ...world.deps, owner: 'cm-a' }, settings), world.deps.log);
    const b = startLoop('dispatch-b', 20, () => dispatchOnce({ ...world.deps, db: other, owner: 'cm-b' }, settings), world.deps.log);
    try {
      for (const id of ids) await world.waitFor(id, ['queued']);
    } finally {
      await a.stop();
      await b.stop();
    }
    const rows = await world.uccxRows();
    assert.equal(rows.length, 150);
    assert.equal(new Set(rows.map((r) => r.accountnumber)).size, 150, 'no callback imported twice');
    const owners = await world.deps.db.sequelize.query("SELECT DISTINCT actor FROM callback_history WHERE event = 'imported'");
    assert.equal((owners[0] as unknown[]).length, 2, 'both instances did part of the work');
  });

  test('UCCX answering 500, then not answering at all, delays but never loses or duplicates a callback', async (t) => {
    const world = await startLoopWorld(t);
    // Learn the campaign ids before the fault, as a running instance would have.
    await world.deps.uccx.listCampaigns();
    const first = await world.book('1001', booking({ phone: '22 123 45 60', scheduledAt: '2026-12-01T11:00' }));
    const second = await world.book('1001', booking({ phone: '22 123 45 70', scheduledAt: '2026-12-01T11:10' }));
    world.sim.setFault({ status: 500 });
    world.runJobs();
    // The first falls due while UCCX answers 500 …
    await world.waitFor(first.id, ['retry_wait']);
    assert.deepEqual(await world.uccxRows(first.accountNumber), []);
    // … the second while UCCX does not answer at all (the import times out: UCCX may or may not have it).
    world.sim.setFault({ hang: true });
    const waiting = await world.waitFor(second.id, ['retry_wait']);
    assert.equal(waiting.lastResult, 'import_uncertain');
    world.sim.setFault(null);
    for (const cb of [first, second]) {
      const done = await world.waitFor(cb.id, ['completed', 'failed']);
      assert.equal(done.status, 'completed');
      assert.equal((await world.uccxRows(cb.accountNumber)).length, 1, 'exactly one UCCX contact');
      assert.ok((await world.events(cb.id)).includes('import_failed'));
    }
  });
});
