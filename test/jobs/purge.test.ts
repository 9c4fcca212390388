// purgeCampaign and purgeIfDue against the UCCX stand-in, on SQLite and PostgreSQL: DELETE all,
// then the callbacks still pending are pushed again; a purge that dies half-way loses nothing;
// calls in progress are waited for, or resolved by the deadlines job; a cancelled contact goes.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestDb } from '../helpers/databases.ts';
import { insertTestCallback } from '../db/seed-helpers.ts';
import type { Db } from '../../db/index.ts';
import { findCallbackById } from '../../db/queries/callbacks.ts';
import { listHistory } from '../../db/queries/history.ts';
import { dispatchOnce } from '../../jobs/dispatch.ts';
import { purgeCampaign, purgeIfDue } from '../../jobs/purge.ts';
import { deadlinesOnce } from '../../jobs/deadlines.ts';
import { DEFAULT_DEADLINES } from '../../domain/deadlines.ts';
import { transitionCallback } from '../../db/queries/transition.ts';
import { DEFAULT_DISPATCH, type JobDeps } from '../../jobs/deps.ts';
import { SqlDbCraReader } from '../../jobs/dbcra/sql-reader.ts';
import { UccxAdminClient } from '../../jobs/uccx/admin-client.ts';
import { makeDeps, seedDemo } from './helpers.ts';
import { startFakeUccx, type FakeUccx } from './fake-uccx.ts';

const T0 = new Date('2026-12-01T10:00:00.000Z');
const dispatch = { ...DEFAULT_DISPATCH, leaseMs: 30_000 };
const purge = { leaseMs: 30_000, batchSize: 500, waitForDispatchMs: 1000 };

for (const dialect of DIALECTS) {
  describe(`purgeCampaign on ${dialect}`, () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    let uccx: FakeUccx;
    let reader: SqlDbCraReader;
    let now = T0;
    before(async () => {
      ({ db, cleanup } = await openTestDb(dialect));
      await seedDemo(db);
    });
    beforeEach(async () => {
      await uccx?.close();
      await reader?.close();
      uccx = await startFakeUccx();
      reader = await SqlDbCraReader.connect(uccx.dbcraUrl);
      now = T0;
      await db.models.Callback.update({ status: 'cancelled' }, { where: { status: ['scheduled', 'queued', 'retry_wait', 'dispatching', 'dialing', 'connected'] } });
      // Each test's UCCX stand-in numbers its rows from 1 again: forget what the sync saw of the last one.
      await db.sequelize.query('DELETE FROM uccx_contact_observations');
      await db.sequelize.query('DELETE FROM uccx_sync_cursors');
    });
    after(async () => {
      await uccx.close();
      await reader.close();
      await cleanup();
    });
    const deps = (over: Partial<JobDeps> = {}) =>
      makeDeps(db, { uccx: new UccxAdminClient({ url: uccx.url, user: 'administrator', password: 'ciscocisco', timeoutMs: 400 }), reader, now: () => now, ...over });
    const campaign = async (d: JobDeps) => (await d.config()).campaigns.find((c) => c.name === 'CB_MAIN')!;

    test('deletes all contacts and pushes the still-pending callbacks again; a dialled one is synced, not re-pushed', async () => {
      const pending = [await insertTestCallback(db, { scheduledAt: T0.toISOString() }), await insertTestCallback(db, { scheduledAt: T0.toISOString() })];
      const dialled = await insertTestCallback(db, { scheduledAt: T0.toISOString() });
      const d = deps();
      await dispatchOnce(d, dispatch);
      await uccx.setCallStatus(dialled.accountNumber, 3, 11); // busy, closed
      const before = await uccx.rows(200);
      const report = await purgeCampaign(d, await campaign(d), purge);
      assert.deepEqual([report.pendingBefore, report.repushed], [2, 2]);
      const afterRows = await uccx.rows(200);
      assert.deepEqual(afterRows.map((r) => r.accountnumber).sort(), pending.map((p) => p.accountNumber).sort());
      assert.ok(afterRows.every((r) => r.dialinglistid > Math.max(...before.map((b) => b.dialinglistid))), 'fresh rows after the delete');
      for (const p of pending) {
        const cb = (await findCallbackById(db, p.id))!;
        assert.equal(cb.status, 'queued');
        assert.equal(cb.uccxDialingListId, afterRows.find((r) => r.accountnumber === p.accountNumber)!.dialinglistid);
        const events = (await listHistory(db, p.id)).map((h) => h.event);
        assert.deepEqual(events.slice(-3), ['purged', 'imported', 'repushed']);
      }
      assert.equal((await findCallbackById(db, dialled.id))!.status, 'retry_wait');
    });

    test('a purge that fails after the delete loses nothing: the dispatcher re-pushes once the lease ends', async () => {
      const cb = await insertTestCallback(db, { scheduledAt: T0.toISOString() });
      const d = deps();
      await dispatchOnce(d, dispatch);
      uccx.afterDelete = () => uccx.setFault('hang');
      const report = await purgeCampaign(d, await campaign(d), purge);
      assert.equal(report.repushed, 0);
      assert.deepEqual(await uccx.rows(200), []);
      assert.equal((await findCallbackById(db, cb.id))!.status, 'dispatching');
      uccx.setFault('none');
      now = new Date(T0.getTime() + 31_000);
      const summary = await dispatchOnce(deps(), dispatch);
      assert.deepEqual([summary.reclaimed, summary.imported], [1, 1]);
      assert.deepEqual((await uccx.rows(200)).map((r) => r.accountnumber), [cb.accountNumber]);
    });

    test('a purge while calls are in progress: it waits for them (bounded); a call still going loses its contact and the deadlines job retries it', async () => {
      const pending = await insertTestCallback(db, { scheduledAt: T0.toISOString() });
      const endsDuringWait = await insertTestCallback(db, { scheduledAt: T0.toISOString() });
      const talking = await insertTestCallback(db, { scheduledAt: T0.toISOString() });
      const d = deps();
      await dispatchOnce(d, dispatch);
      // UCCX dials two of them; the customer of `talking` answers (the IVR reports it).
      await uccx.setCallStatus(endsDuringWait.accountNumber, 2);
      await uccx.setCallStatus(talking.accountNumber, 2);
      const answered = await transitionCallback(db, (await findCallbackById(db, talking.id))!, { event: 'answer', actor: 'ivr', at: now, history: [['ivr_lookup', {}]] });
      assert.equal(answered.ok, true);
      // One call ends (busy) while the purge waits; the other is still going when the wait ends.
      const busy = setTimeout(() => void uccx.setCallStatus(endsDuringWait.accountNumber, 3, 11), 150);
      const report = await purgeCampaign(d, await campaign(d), { ...purge, waitForCallsMs: 600, pollMs: 50 });
      clearTimeout(busy);
      assert.deepEqual([report.pendingBefore, report.repushed, report.inFlight], [1, 1, 1]);
      assert.deepEqual((await uccx.rows(200)).map((r) => r.accountnumber), [pending.accountNumber], 'only the pending one is pushed again');
      assert.equal((await findCallbackById(db, endsDuringWait.id))!.status, 'retry_wait', 'its result was applied before the DELETE');
      assert.equal((await findCallbackById(db, talking.id))!.status, 'connected');
      const marked = (await listHistory(db, talking.id)).at(-1)!;
      assert.deepEqual([marked.event, marked.details.inFlight], ['purged', true]);

      // No result can reach db_cra any more: after connectedMinutes the deadlines job finds the row gone.
      now = new Date(T0.getTime() + 61 * 60_000);
      await deadlinesOnce(d, DEFAULT_DEADLINES);
      const lost = (await findCallbackById(db, talking.id))!;
      assert.deepEqual([lost.status, lost.attempts], ['retry_wait', 1]);
      const retry = (await listHistory(db, talking.id)).at(-1)!;
      assert.deepEqual([retry.event, retry.details.reason, retry.details.found], ['retry_scheduled', 'deadline', 'gone']);
      // …and its retry is dispatched like any other: every callback ends right.
      now = new Date(lost.nextAttemptAt!);
      await dispatchOnce(deps(), dispatch);
      assert.equal((await findCallbackById(db, talking.id))!.status, 'queued');
      assert.equal((await uccx.rows(200)).filter((r) => r.accountnumber === talking.accountNumber).length, 1);
    });

    test('a cancelled callback already in UCCX is removed by the next purge and not pushed again', async () => {
      const keep = await insertTestCallback(db, { scheduledAt: T0.toISOString() });
      const cancel = await insertTestCallback(db, { scheduledAt: T0.toISOString() });
      const d = deps();
      await dispatchOnce(d, dispatch);
      assert.equal((await uccx.rows(200)).length, 2);
      const cancelled = await transitionCallback(db, (await findCallbackById(db, cancel.id))!, { event: 'cancel', actor: '1001', at: now, history: [['cancelled', { by: '1001' }]] });
      assert.equal(cancelled.ok, true);
      const postsBefore = uccx.posts;
      const report = await purgeCampaign(d, await campaign(d), purge);
      assert.deepEqual([report.pendingBefore, report.repushed], [1, 1]);
      assert.deepEqual((await uccx.rows(200)).map((r) => r.accountnumber), [keep.accountNumber]);
      assert.equal(uccx.posts, postsBefore + 1, 'one re-push, without the cancelled one');
      const after = (await findCallbackById(db, cancel.id))!;
      assert.equal(after.status, 'cancelled');
      assert.deepEqual((await listHistory(db, cancel.id)).map((h) => h.event), ['claimed', 'imported', 'cancelled']);
    });

    test('a queued callback past its expiry is expired by the purge, not pushed again', async () => {
      const late = await insertTestCallback(db, { scheduledAt: T0.toISOString() });
      const d = deps();
      await dispatchOnce(d, dispatch);
      now = new Date(T0.getTime() + 4 * 3_600_000); // demo rules: expiryHours 4
      const report = await purgeCampaign(d, await campaign(d), purge);
      assert.deepEqual([report.pendingBefore, report.repushed], [0, 0]);
      assert.deepEqual(await uccx.rows(200), []);
      assert.equal((await findCallbackById(db, late.id))!.status, 'expired');
    });

    test('purgeIfDue runs once per day at or after the purge time, across instances', async () => {
      now = new Date('2026-12-01T23:00:00.000Z');
      assert.deepEqual(await purgeIfDue(deps(), '23:30', purge, 'UTC'), []);
      now = new Date('2026-12-01T23:31:00.000Z');
      const [a, b] = await Promise.all([purgeIfDue(deps({ owner: 'cm-a' }), '23:30', purge, 'UTC'), purgeIfDue(deps({ owner: 'cm-b' }), '23:30', purge, 'UTC')]);
      assert.deepEqual([...a, ...b].map((r) => r.campaign).sort(), ['CB_MAIN', 'CB_US']);
      assert.deepEqual(await purgeIfDue(deps(), '23:30', purge, 'UTC'), [], 'not twice the same day');
    });
  });
}
