// The dispatcher wakes when a callback is due instead of polling, on SQLite and PostgreSQL: with a
// 60 s safety-net interval, a booking (or a reschedule to an earlier time) is imported within a
// few seconds, a callback due shortly is imported at its time, and an idle dispatcher does not tick.
// Also: CM_IMPORT_AHEAD_SECONDS (claim ahead; the calling window still judged at the promised time)
// and the "next work" read. The two-instance LISTEN/NOTIFY test is dispatch-wake-pg.test.ts.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { QueryTypes } from 'sequelize';
import { loadConfig } from '../../config/settings.ts';
import { DIALECTS, openTestDb } from '../helpers/databases.ts';
import { forceState, insertTestCallback } from '../db/seed-helpers.ts';
import type { Db } from '../../db/index.ts';
import { claimDueCallbacks, findCallbackById } from '../../db/queries/callbacks.ts';
import { transitionCallback } from '../../db/queries/transition.ts';
import { dispatchOnce, purgeLockName } from '../../jobs/dispatch.ts';
import { releaseJobLock, tryAcquireJobLock } from '../../jobs/queries/locks.ts';
import { startDispatchWake } from '../../jobs/dispatch-wake.ts';
import { DEFAULT_DISPATCH, type JobDeps } from '../../jobs/deps.ts';
import { nextDispatchTimes } from '../../jobs/queries/callbacks.ts';
import { startJobs } from '../../jobs/scheduler.ts';
import { UccxAdminClient } from '../../jobs/uccx/admin-client.ts';
import { makeDeps, quietLog, seedDemo } from './helpers.ts';
import { startFakeUccx, type FakeUccx } from './fake-uccx.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SAFETY_NET_MS = '60000';

/** Polls until the callback leaves scheduled/dispatching; returns how long that took. */
async function waitImported(db: Db, id: number, limitMs = 30_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    const row = await findCallbackById(db, id);
    if (row?.status === 'queued') return Date.now() - started;
    await sleep(25);
  }
  assert.fail(`callback ${id} not imported within ${limitMs} ms`);
}

for (const dialect of DIALECTS) {
  describe(`dispatcher wake on ${dialect}`, () => {
    let db: Db;
    let url: string;
    let cleanup: () => Promise<void>;
    let uccx: FakeUccx;
    before(async () => {
      ({ db, url, cleanup } = await openTestDb(dialect));
      await seedDemo(db);
      uccx = await startFakeUccx();
    });
    after(async () => {
      await uccx.close();
      await cleanup();
    });
    beforeEach(async () => {
      await db.models.Callback.update({ status: 'cancelled' }, { where: { status: ['scheduled', 'retry_wait', 'dispatching'] } });
    });

    const client = () => new UccxAdminClient({ url: uccx.url, user: 'administrator', password: 'ciscocisco', timeoutMs: 5000 });

    /** A running dispatcher (safety net 60 s) and how many ticks it made. */
    async function running(instance: string) {
      const config = loadConfig({ CM_DATABASE_URL: url, CM_UCCX_URL: uccx.url, CM_DISPATCH_INTERVAL_MS: SAFETY_NET_MS, CM_INSTANCE_ID: instance });
      const state = { ticks: 0 };
      const deps = makeDeps(db, { uccx: client(), owner: instance });
      const dispatcher = startDispatchWake(deps, config, 1, { onTick: () => void state.ticks++ });
      while (state.ticks === 0) await sleep(20);
      await sleep(300); // past the first tick's "when next" read: asleep for the safety net now
      return { state, stop: () => dispatcher.stop() };
    }

    test('a booking due now is imported within seconds although the safety net is 60 s; idle, it does not tick', async () => {
      const d = await running(`wake-${dialect}-1`);
      try {
        const cb = await insertTestCallback(db, { scheduledAt: new Date().toISOString() });
        const took = await waitImported(db, cb.id);
        assert.ok(took < 30_000, `imported after ${took} ms: woken, not the 60 s safety net (speed: npm run bench)`);
        const ticks = d.state.ticks;
        await sleep(1500);
        assert.ok(d.state.ticks - ticks <= 1, `idle dispatcher ticked ${d.state.ticks - ticks} times in 1.5 s`);
      } finally {
        await d.stop();
      }
    });

    test('a callback due in 1.5 s is imported at its time, not before and not at the safety net', async () => {
      const d = await running(`wake-${dialect}-2`);
      try {
        const due = new Date(Date.now() + 1500);
        const cb = await insertTestCallback(db, { scheduledAt: due.toISOString() });
        await sleep(700);
        assert.equal((await findCallbackById(db, cb.id))!.status, 'scheduled', 'not imported before it is due');
        await waitImported(db, cb.id);
        const imported = new Date((await findCallbackById(db, cb.id))!.importedAt!);
        assert.ok(imported.getTime() >= due.getTime(), 'claimed once due');
        assert.ok(imported.getTime() - due.getTime() < 4000, `imported ${imported.getTime() - due.getTime()} ms after its time`);
      } finally {
        await d.stop();
      }
    });

    test('a reschedule to an earlier time wakes the dispatcher (transitionCallback announces it)', async () => {
      const d = await running(`wake-${dialect}-3`);
      try {
        const cb = await insertTestCallback(db, { scheduledAt: new Date(Date.now() + 3_600_000).toISOString() });
        await sleep(200);
        const now = new Date();
        const moved = await transitionCallback(db, cb, { event: 'reschedule', actor: '1001', at: now, patch: { scheduledAt: now, slotStart: now }, history: [['rescheduled', {}]] });
        assert.equal(moved.ok, true);
        assert.ok((await waitImported(db, cb.id)) < 30_000, "woken, not by the 60 s safety net");
      } finally {
        await d.stop();
      }
    });

    test('a campaign held by its purge: claims given back do not wake the dispatcher into a spin; it looks again each second', async () => {
      const d = await running(`wake-${dialect}-4`);
      try {
        assert.equal(await tryAcquireJobLock(db, purgeLockName('CB_MAIN'), 'purger', new Date(), 60_000), true);
        const cb = await insertTestCallback(db, { scheduledAt: new Date().toISOString() });
        await sleep(300);
        const ticks = d.state.ticks;
        await sleep(2000);
        assert.ok(d.state.ticks - ticks <= 4, `${d.state.ticks - ticks} ticks in 2 s while the purge holds the campaign`);
        const held = (await findCallbackById(db, cb.id))!;
        assert.ok(['scheduled', 'dispatching'].includes(held.status) && held.importedAt === null, `given back, not imported during the purge (${held.status})`);
        await releaseJobLock(db, purgeLockName('CB_MAIN'), 'purger', new Date());
        assert.ok((await waitImported(db, cb.id)) < 30_000, 'imported after the purge without a signal, before the 60 s safety net');
      } finally {
        await d.stop();
      }
    });

    test('the next work time is the earliest due time among claimable callbacks, and a lease running out', async () => {
      assert.deepEqual(await nextDispatchTimes(db), { due: null, leaseEnds: null });
      await insertTestCallback(db, { scheduledAt: '2030-01-01T10:00:00.000Z' });
      const retry = await insertTestCallback(db, { scheduledAt: '2030-01-01T12:00:00.000Z' });
      await forceState(db, retry.id, { status: 'retry_wait', nextAttemptAt: new Date('2030-01-01T09:30:00.000Z') });
      const other = await insertTestCallback(db, { scheduledAt: '2029-01-01T09:00:00.000Z' });
      await forceState(db, other.id, { status: 'queued' }); // not claimable: ignored
      const claimed = await insertTestCallback(db, { scheduledAt: '2029-06-01T09:00:00.000Z' });
      await forceState(db, claimed.id, { status: 'dispatching', leaseUntil: new Date('2030-01-01T08:00:00.000Z') });
      const next = await nextDispatchTimes(db);
      assert.equal(next.due?.toISOString(), '2030-01-01T09:30:00.000Z');
      assert.equal(next.leaseEnds?.toISOString(), '2030-01-01T08:00:00.000Z');
    });

    test('CM_IMPORT_AHEAD_SECONDS: claimed when scheduled_at - ahead <= now, not sooner', async () => {
      const now = new Date('2026-12-01T10:00:00.000Z');
      const soon = await insertTestCallback(db, { scheduledAt: new Date(now.getTime() + 100_000).toISOString() });
      const later = await insertTestCallback(db, { scheduledAt: new Date(now.getTime() + 200_000).toISOString() });
      const claim = { now, owner: 'ahead', leaseMs: 30_000, limit: 10 };
      assert.deepEqual(await claimDueCallbacks(db, claim), [], 'nothing due without the ahead time');
      assert.deepEqual((await claimDueCallbacks(db, { ...claim, aheadMs: 120_000 })).map((r) => r.id), [soon.id]);
      assert.equal((await findCallbackById(db, later.id))!.status, 'scheduled');
    });

    test('import ahead of a retry: the calling window and skill hours are judged at the promised time', async () => {
      const deps = (now: Date): JobDeps => makeDeps(db, { uccx: client(), now: () => now, owner: 'ahead' });
      const settings = { ...DEFAULT_DISPATCH, importAheadMs: 120_000 };
      // Sales opens 08:00 in Warsaw (07:00 UTC): at 07:59 it is closed, but the retry is promised for 08:00:30.
      const opens = await insertTestCallback(db, { scheduledAt: '2026-12-01T06:00:00.000Z' });
      await forceState(db, opens.id, { status: 'retry_wait', attempts: 1, nextAttemptAt: new Date('2026-12-01T07:00:30.000Z') });
      const first = await dispatchOnce(deps(new Date('2026-12-01T06:59:00.000Z')), settings);
      assert.deepEqual([first.claimed, first.deferred, first.imported], [1, 0, 1]);
      // It closes at 18:00: at 17:58:30 it is open, but the retry is promised for 18:00.
      const closes = await insertTestCallback(db, { scheduledAt: '2026-12-01T06:00:00.000Z' });
      await forceState(db, closes.id, { status: 'retry_wait', attempts: 1, nextAttemptAt: new Date('2026-12-01T17:00:00.000Z') });
      const second = await dispatchOnce(deps(new Date('2026-12-01T16:58:30.000Z')), settings);
      assert.deepEqual([second.claimed, second.deferred, second.imported], [1, 1, 0]);
      const moved = (await findCallbackById(db, closes.id))!;
      assert.deepEqual([moved.status, moved.nextAttemptAt], ['retry_wait', '2026-12-02T07:00:00.000Z']);
    });
  });
}

describe('dispatcher wake across threads (Bree worker)', () => {
  let db: Db;
  let url: string;
  let cleanup: () => Promise<void>;
  let uccx: FakeUccx;
  before(async () => {
    ({ db, url, cleanup } = await openTestDb('sqlite'));
    await seedDemo(db);
    uccx = await startFakeUccx();
  });
  after(async () => {
    await uccx.close();
    await cleanup();
  });

  test('a booking in the main thread wakes the dispatch worker thread (safety net 60 s); the workers write heartbeats', async () => {
    const config = loadConfig({ CM_DATABASE_URL: url, CM_UCCX_URL: uccx.url, CM_DBCRA_URL: uccx.dbcraUrl, CM_DISPATCH_INTERVAL_MS: SAFETY_NET_MS, CM_INSTANCE_ID: 'wake-bree' });
    const jobs = await startJobs(config, { log: quietLog(), jobs: ['dispatch', 'sync'] });
    try {
      // The worker's first tick writes its heartbeat; after it, the worker sleeps for the safety net.
      const started = Date.now();
      const beats = async () => ((await db.sequelize.query("SELECT job FROM job_heartbeats WHERE instance_id = 'wake-bree' ORDER BY job", { type: QueryTypes.SELECT })) as Array<{ job: string }>).map((b) => b.job);
      // Both workers' first ticks are done (sync may beat first on a busy machine).
      while ((await beats()).length < 2 && Date.now() - started < 20_000) await sleep(50);
      assert.deepEqual(await beats(), ['dispatch', 'sync']);
      await sleep(300);
      const cb = await insertTestCallback(db, { scheduledAt: new Date().toISOString() });
      const took = await waitImported(db, cb.id);
      assert.ok(took < 30_000, `imported after ${took} ms: woken, not the 60 s safety net (speed: npm run bench)`);
    } finally {
      await jobs.stop();
    }
  });
});

describe('CM_IMPORT_AHEAD_SECONDS and CM_DISPATCH_INTERVAL_MS settings', () => {
  test('default 0, accepted 0..300 whole seconds, anything else refused at start-up; the safety net defaults to 30 s', () => {
    assert.equal(loadConfig({}).jobs.importAheadSeconds, 0);
    assert.equal(loadConfig({}).jobs.dispatchIntervalMs, 30_000);
    assert.equal(loadConfig({ CM_IMPORT_AHEAD_SECONDS: '300' }).jobs.importAheadSeconds, 300);
    for (const bad of ['301', '-1', '1.5', 'soon']) assert.throws(() => loadConfig({ CM_IMPORT_AHEAD_SECONDS: bad }), /CM_IMPORT_AHEAD_SECONDS/);
  });
});
