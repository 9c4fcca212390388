// purgeCampaign and purgeIfDue against the UCCX stand-in, on SQLite and PostgreSQL: DELETE all,
// then the callbacks still pending are pushed again; a purge that dies half-way loses nothing.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestDb } from '../helpers/databases.ts';
import { insertTestCallback } from '../db/seed-helpers.ts';
import type { Db } from '../../db/index.ts';
import { findCallbackById } from '../../db/queries/callbacks.ts';
import { listHistory } from '../../db/queries/history.ts';
import { dispatchOnce } from '../../jobs/dispatch.ts';
import { purgeCampaign, purgeIfDue } from '../../jobs/purge.ts';
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
      await db.models.Callback.update({ status: 'cancelled' }, { where: { status: ['scheduled', 'queued', 'retry_wait', 'dispatching'] } });
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
