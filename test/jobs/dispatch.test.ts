// dispatchOnce against a small UCCX stand-in (deterministic), on SQLite and PostgreSQL: pushes,
// confirms, survives faults and crashes without losing or duplicating a contact.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestDb } from '../helpers/databases.ts';
import { insertTestCallback } from '../db/seed-helpers.ts';
import { openDatabase, type Db } from '../../db/index.ts';
import { claimDueCallbacks, findCallbackById } from '../../db/queries/callbacks.ts';
import { listHistory } from '../../db/queries/history.ts';
import { dispatchOnce } from '../../jobs/dispatch.ts';
import { DEFAULT_DISPATCH, type JobDeps } from '../../jobs/deps.ts';
import { SqlDbCraReader } from '../../jobs/dbcra/sql-reader.ts';
import { UccxAdminClient } from '../../jobs/uccx/admin-client.ts';
import { makeDeps, seedDemo } from './helpers.ts';
import { startFakeUccx, type FakeUccx } from './fake-uccx.ts';

const T0 = new Date('2026-12-01T10:00:00.000Z'); // a Tuesday, 11:00 in Warsaw: Sales is open
const settings = { ...DEFAULT_DISPATCH, leaseMs: 30_000, importRetryMs: 5_000 };

for (const dialect of DIALECTS) {
  describe(`dispatchOnce on ${dialect}`, () => {
    let db: Db;
    let url: string;
    let cleanup: () => Promise<void>;
    let uccx: FakeUccx;
    let reader: SqlDbCraReader;
    let now = T0;
    before(async () => {
      ({ db, url, cleanup } = await openTestDb(dialect));
      await seedDemo(db);
    });
    beforeEach(async () => {
      await uccx?.close();
      await reader?.close();
      uccx = await startFakeUccx();
      reader = await SqlDbCraReader.connect(uccx.dbcraUrl);
      now = T0;
      await db.models.Callback.update({ status: 'cancelled' }, { where: { status: ['scheduled', 'retry_wait', 'dispatching'] } });
    });
    after(async () => {
      await uccx.close();
      await reader.close();
      await cleanup();
    });

    const deps = (over: Partial<JobDeps> = {}, on = db) =>
      makeDeps(on, {
        uccx: new UccxAdminClient({ url: uccx.url, user: 'administrator', password: 'ciscocisco', timeoutMs: 400 }),
        reader,
        now: () => now,
        ...over,
      });
    const accounts = async () => (await uccx.rows()).map((r) => r.accountnumber).sort();
    const events = async (id: number) => (await listHistory(db, id)).map((h) => h.event);

    test('pushes due callbacks to the campaign of their DDI and records the dialing-list id; future ones wait', async () => {
      const due = await insertTestCallback(db, { scheduledAt: T0.toISOString() });
      const later = await insertTestCallback(db, { scheduledAt: new Date(T0.getTime() + 60_000).toISOString() });
      const summary = await dispatchOnce(deps(), settings);
      assert.deepEqual([summary.claimed, summary.imported], [1, 1]);
      const row = (await uccx.rows(200))[0];
      assert.equal(row.accountnumber, due.accountNumber);
      const cb = (await findCallbackById(db, due.id))!;
      assert.deepEqual([cb.status, cb.uccxCampaignId, cb.uccxDialingListId, cb.claimedBy], ['queued', 200, row.dialinglistid, null]);
      assert.deepEqual(await events(due.id), ['claimed', 'imported']);
      assert.equal((await findCallbackById(db, later.id))!.status, 'scheduled');
    });

    test('a due second larger than one batch sends every import request before confirming any; claims, and the confirmations of each batch, logged in one INSERT', async () => {
      const rows = [];
      for (let i = 0; i < 5; i++) rows.push(await insertTestCallback(db, { scheduledAt: T0.toISOString() }));
      const client = new UccxAdminClient({ url: uccx.url, user: 'administrator', password: 'ciscocisco', timeoutMs: 400 });
      const calls: string[] = [];
      for (const name of ['addContacts', 'pendingContacts'] as const) {
        const real = client[name].bind(client) as (...a: unknown[]) => Promise<unknown>;
        (client as unknown as Record<string, unknown>)[name] = (...a: unknown[]) => (calls.push(name), real(...a));
      }
      let inserts = 0;
      const count = (sql: string) => void (/^INSERT INTO \W?callback_history/i.test(sql) && inserts++);
      db.sequelize.addHook('afterQuery', 'count-history', (_o, q) => count(String((q as unknown as { sql?: string }).sql ?? '')));
      const summary = await dispatchOnce(deps({ uccx: client }), { ...settings, batchSize: 2 });
      db.sequelize.removeHook('afterQuery', 'count-history');
      assert.equal(summary.imported, 5);
      assert.deepEqual(calls, ['addContacts', 'addContacts', 'addContacts', 'pendingContacts', 'pendingContacts', 'pendingContacts']);
      for (const cb of rows) assert.deepEqual(await events(cb.id), ['claimed', 'imported']);
      // One INSERT for the five claims, then one per confirmed batch of two (3 batches), not one per callback.
      assert.equal(inserts, 1 + 3);
    });

    test('UCCX answering 500 delays the callback; once UCCX is back it is imported exactly once', async () => {
      const cb = await insertTestCallback(db, { scheduledAt: T0.toISOString() });
      uccx.setFault('error500');
      await dispatchOnce(deps(), settings);
      const waiting = (await findCallbackById(db, cb.id))!;
      assert.deepEqual([waiting.status, waiting.lastResult], ['retry_wait', 'import_uncertain']);
      uccx.setFault('none');
      now = new Date(T0.getTime() + 6_000);
      await dispatchOnce(deps(), settings);
      assert.equal((await findCallbackById(db, cb.id))!.status, 'queued');
      assert.deepEqual(await accounts(), [cb.accountNumber]);
      assert.deepEqual(await events(cb.id), ['claimed', 'import_failed', 'claimed', 'imported']);
    });

    test('an import UCCX did although it answered 500 is found on the next attempt, not pushed twice', async () => {
      const cb = await insertTestCallback(db, { scheduledAt: T0.toISOString() });
      uccx.setFault('importThen500');
      await dispatchOnce(deps(), settings);
      uccx.setFault('none');
      now = new Date(T0.getTime() + 6_000);
      const summary = await dispatchOnce(deps(), settings);
      assert.equal(summary.alreadyInUccx, 1);
      assert.equal((await findCallbackById(db, cb.id))!.status, 'queued');
      assert.deepEqual(await accounts(), [cb.accountNumber]);
    });

    test('UCCX not answering at all times out and delays, never loses', async () => {
      const cb = await insertTestCallback(db, { scheduledAt: T0.toISOString() });
      uccx.setFault('hang');
      await dispatchOnce(deps(), settings);
      assert.equal((await findCallbackById(db, cb.id))!.status, 'retry_wait');
      uccx.setFault('none');
      now = new Date(T0.getTime() + 6_000);
      await dispatchOnce(deps(), settings);
      assert.equal((await findCallbackById(db, cb.id))!.status, 'queued');
      assert.deepEqual(await accounts(), [cb.accountNumber]);
    });

    test('after a crash, an expired claim is checked against UCCX: imported ones are confirmed, others pushed', async () => {
      const pushedBeforeCrash = await insertTestCallback(db, { scheduledAt: T0.toISOString() });
      const notPushed = await insertTestCallback(db, { scheduledAt: T0.toISOString() });
      // The crashed instance claimed both and got one into UCCX before dying.
      await claimDueCallbacks(db, { now: T0, owner: 'crashed', leaseMs: 30_000, limit: 10 });
      await new UccxAdminClient({ url: uccx.url, user: 'administrator', password: 'ciscocisco' }).addContacts({ id: 200, name: 'CB_DDI_1' }, [
        { accountNumber: pushedBeforeCrash.accountNumber, firstName: 'a', lastName: 'b', phone1: '0221' },
      ]);
      // Another instance, before the lease ends: leaves them alone.
      assert.equal((await dispatchOnce(deps(), settings)).reclaimed, 0);
      now = new Date(T0.getTime() + 31_000);
      const summary = await dispatchOnce(deps(), settings);
      assert.deepEqual([summary.reclaimed, summary.alreadyInUccx, summary.imported], [2, 1, 1]);
      assert.deepEqual(await accounts(), [pushedBeforeCrash.accountNumber, notPushed.accountNumber].sort());
      assert.equal((await findCallbackById(db, pushedBeforeCrash.id))!.status, 'queued');
      assert.equal((await findCallbackById(db, notPushed.id))!.status, 'queued');
    });

    test('a contact UCCX refuses fails with rejected_by_uccx; the rest of its batch is imported', async () => {
      const good1 = await insertTestCallback(db, { scheduledAt: T0.toISOString() });
      const bad = await insertTestCallback(db, { scheduledAt: T0.toISOString(), dialString: '0221X' });
      const good2 = await insertTestCallback(db, { scheduledAt: T0.toISOString() });
      const summary = await dispatchOnce(deps(), settings);
      assert.deepEqual([summary.imported, summary.failed], [2, 1]);
      const failed = (await findCallbackById(db, bad.id))!;
      assert.deepEqual([failed.status, failed.reason], ['failed', 'rejected_by_uccx']);
      assert.deepEqual(await accounts(), [good1.accountNumber, good2.accountNumber].sort());
    });

    test('a retry due while the skill is closed moves to the next open time instead of being pushed', async () => {
      // Sales closes at 18:00 Warsaw (17:00 UTC); a retry due at 17:30 UTC waits for 08:00 Warsaw next day.
      now = new Date('2026-12-01T17:30:00.000Z');
      const cb = await insertTestCallback(db, { scheduledAt: '2026-12-01T16:00:00.000Z' });
      await db.models.Callback.update({ status: 'retry_wait', attempts: 1, nextAttemptAt: now }, { where: { id: cb.id } });
      const summary = await dispatchOnce(deps(), settings);
      assert.equal(summary.deferred, 1);
      const moved = (await findCallbackById(db, cb.id))!;
      assert.deepEqual([moved.status, moved.nextAttemptAt], ['retry_wait', '2026-12-02T07:00:00.000Z']);
      assert.deepEqual(await accounts(), []);
    });

    test('two dispatcher instances on one database import each callback exactly once', async () => {
      const ids: number[] = [];
      for (let i = 0; i < 60; i++) ids.push((await insertTestCallback(db, { scheduledAt: T0.toISOString() })).id);
      const other = await openDatabase(url, { migrate: false });
      try {
        const small = { ...settings, claimLimit: 7, batchSize: 5 };
        const run = async (d: JobDeps) => {
          for (let i = 0; i < 15; i++) await dispatchOnce(d, small);
        };
        await Promise.all([run(deps({ owner: 'cm-a' })), run(deps({ owner: 'cm-b' }, other))]);
      } finally {
        await other.close();
      }
      const list = await accounts();
      assert.equal(list.length, 60);
      assert.equal(new Set(list).size, 60, 'no account number imported twice');
      for (const id of ids) assert.equal((await findCallbackById(db, id))!.status, 'queued');
    });
  });
}
