// The loop against UCCX as Cisco documents it: without a db_cra reader the pending-contacts XML
// alone proves an import (each contact once across many leases); contacts UCCX drops as
// duplicates end as dropped_by_uccx after a bounded number of pushes; and a master switch of the
// HA pair during dispatch loses and duplicates nothing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dispatchOnce } from '../../jobs/dispatch.ts';
import { startLoop } from '../../jobs/loop.ts';
import { findCallbackById } from '../../db/queries/callbacks.ts';
import { insertTestCallback } from '../db/seed-helpers.ts';
import { adminAuth } from '../sim/uccx-helpers.ts';
import { dispatchSettings, startLoopWorld } from './harness.ts';

describe('callback loop: UCCX admin API as documented, HA pair', () => {
  test('no db_cra reader: each contact is imported exactly once across several leases', async (t) => {
    const world = await startLoopWorld(t, { dialer: false, reader: false });
    const at = world.sim.clock.now().toISOString();
    const cbs = [];
    for (let i = 0; i < 3; i++) cbs.push(await insertTestCallback(world.deps.db, { scheduledAt: at }));
    for (let lease = 0; lease < 6; lease++) {
      await dispatchOnce(world.deps, dispatchSettings);
      world.sim.clock.advance(dispatchSettings.leaseMs + 60_000);
    }
    for (const cb of cbs) {
      assert.equal((await findCallbackById(world.deps.db, cb.id))?.status, 'queued');
      assert.equal((await world.uccxRows(cb.accountNumber)).length, 1, 'one UCCX contact per callback');
    }
  });

  test('allowDuplicateContacts=false: a contact UCCX drops is pushed at most maxUnkeptPushes times, then fails dropped_by_uccx', async (t) => {
    const world = await startLoopWorld(t, { dialer: false, allowDuplicateContacts: false });
    // Another contact with the same phone is pending in the campaign: UCCX drops ours, and answers 202.
    const phone = '0221112233';
    const body = `<campaignContacts><campaign name="CB_DDI_1"><refURL>x</refURL></campaign><csvdata>Account Number,Phone1\nOTHER1,${phone}</csvdata></campaignContacts>`;
    assert.equal((await fetch(`${world.sim.url}/adminapi/campaign/200/contacts`, { method: 'POST', headers: { ...adminAuth, 'content-type': 'application/xml' }, body })).status, 202);
    const cb = await insertTestCallback(world.deps.db, { scheduledAt: world.sim.clock.now().toISOString(), dialString: phone });
    const settings = { ...dispatchSettings, maxUnkeptPushes: 3 };
    let claims = 0;
    for (let round = 0; round < 8; round++) {
      const summary = await dispatchOnce(world.deps, settings);
      claims += summary.claimed + summary.reclaimed > 0 ? 1 : 0;
      world.sim.clock.advance(settings.importRetryMs + 1000);
    }
    const done = await findCallbackById(world.deps.db, cb.id);
    assert.deepEqual([done?.status, done?.reason], ['failed', 'dropped_by_uccx']);
    const events = await world.events(cb.id);
    assert.equal(events.filter((e) => e === 'import_failed').length, 2, 'two not-kept pushes wait and are verified');
    assert.equal(events.at(-1), 'failed');
    assert.equal(claims, 3, 'claimed (and pushed) three times, then no more');
    assert.deepEqual(await world.uccxRows(cb.accountNumber), [], 'UCCX never kept it');
  });

  test('a 400 that is not about the data (both nodes mid switch-over) delays the callback but does not fail it', async (t) => {
    const world = await startLoopWorld(t, { dialer: false, uccxNodes: 2 });
    await world.deps.uccx.listCampaigns(); // campaign ids known before the switch, as in a running instance
    world.sim.setFault({ status: 400 });
    const cb = await insertTestCallback(world.deps.db, { scheduledAt: world.sim.clock.now().toISOString() });
    await dispatchOnce(world.deps, dispatchSettings);
    const waiting = await findCallbackById(world.deps.db, cb.id);
    assert.deepEqual([waiting?.status, waiting?.reason ?? null], ['retry_wait', null]);
    world.sim.setFault(null);
    world.sim.clock.advance(dispatchSettings.importRetryMs + 1000);
    await dispatchOnce(world.deps, dispatchSettings);
    assert.equal((await findCallbackById(world.deps.db, cb.id))?.status, 'queued');
    assert.equal((await world.uccxRows(cb.accountNumber)).length, 1);
  });

  test('a master switch and a stopped master during dispatch lose and duplicate nothing', async (t) => {
    const world = await startLoopWorld(t, { dialer: false, uccxNodes: 2 });
    const [a, b] = world.sim.nodes as [(typeof world.sim.nodes)[0], (typeof world.sim.nodes)[0]];
    const at = world.sim.clock.now().toISOString();
    const ids: number[] = [];
    for (let i = 0; i < 60; i++) ids.push((await insertTestCallback(world.deps.db, { scheduledAt: at })).id);
    const settings = { ...dispatchSettings, claimLimit: 5, batchSize: 5 };
    const loop = startLoop('dispatch', 20, () => dispatchOnce(world.deps, settings), world.deps.log);
    t.after(() => loop.stop());
    const queued = async () => (await Promise.all(ids.map((id) => findCallbackById(world.deps.db, id)))).filter((c) => c?.status === 'queued').length;
    const waitQueued = async (n: number) => {
      const until = Date.now() + 30_000;
      while ((await queued()) < n) {
        if (Date.now() > until) throw new Error(`only ${await queued()} of ${n} queued`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await waitQueued(10);
    a.demote(); // switch-over: a refuses writes now, b takes them
    await waitQueued(30);
    await b.stop(); // the new master goes down: a takes over again
    await waitQueued(60);
    await loop.stop();
    assert.ok(a.isMaster);
    const rows = await world.uccxRows();
    assert.equal(rows.length, 60, 'as many UCCX contacts as callbacks');
    assert.equal(new Set(rows.map((r) => r.accountnumber)).size, 60, 'none imported twice');
  });
});
