// deadlinesOnce (expiry part; the call deadlines: test/lifecycle/deadlines.test.ts), its queries
// (listExpiryCandidates through it, lastHistoryTimes, listCallbacksInStates) and the job locks (tryAcquireJobLock, claimDailyRun) on SQLite and PostgreSQL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestDb } from '../helpers/databases.ts';
import { forceState, insertTestCallback } from '../db/seed-helpers.ts';
import { findCallbackById, updateCallback } from '../../db/queries/callbacks.ts';
import { appendHistory, listHistory } from '../../db/queries/history.ts';
import { lastHistoryTimes, listCallbacksInStates } from '../../jobs/queries/callbacks.ts';
import { deadlinesOnce } from '../../jobs/deadlines.ts';
import { DEFAULT_DEADLINES } from '../../domain/deadlines.ts';
import { claimDailyRun, isJobLocked, releaseJobLock, tryAcquireJobLock } from '../../jobs/queries/locks.ts';
import type { Db } from '../../db/index.ts';
import { makeDeps, seedDemo } from './helpers.ts';

for (const dialect of DIALECTS) {
  describe(`jobs storage on ${dialect}`, () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ db, cleanup } = await openTestDb(dialect));
      await seedDemo(db);
    });
    after(() => cleanup());

    test('deadlinesOnce expires waiting, never-dialled and dead-claimed callbacks past expiryHours, nothing else', async () => {
      const now = new Date('2026-12-01T15:00:00.000Z'); // demo rules: expiryHours 4 → cutoff 11:00
      const old = await insertTestCallback(db, { scheduledAt: '2026-12-01T10:00:00.000Z' });
      const oldRetry = await insertTestCallback(db, { scheduledAt: '2026-12-01T10:30:00.000Z' });
      await forceState(db, oldRetry.id, { status: 'retry_wait', nextAttemptAt: new Date('2026-12-01T16:00:00Z') });
      const oldQueued = await insertTestCallback(db, { scheduledAt: '2026-12-01T10:30:00.000Z' });
      await forceState(db, oldQueued.id, { status: 'queued' });
      const deadClaim = await insertTestCallback(db, { scheduledAt: '2026-12-01T10:00:00.000Z' });
      await forceState(db, deadClaim.id, { status: 'dispatching', claimedBy: 'gone', leaseUntil: new Date('2026-12-01T14:59:00Z') });
      const liveClaim = await insertTestCallback(db, { scheduledAt: '2026-12-01T10:00:00.000Z' });
      await forceState(db, liveClaim.id, { status: 'dispatching', claimedBy: 'busy', leaseUntil: new Date('2026-12-01T15:00:30Z') });
      const recent = await insertTestCallback(db, { scheduledAt: '2026-12-01T11:30:00.000Z' });
      const summary = await deadlinesOnce(makeDeps(db, { now: () => now }), DEFAULT_DEADLINES);
      assert.equal(summary.expired, 4);
      for (const cb of [old, oldRetry, oldQueued, deadClaim]) assert.equal((await findCallbackById(db, cb.id))!.status, 'expired');
      assert.equal((await findCallbackById(db, liveClaim.id))!.status, 'dispatching', 'a live import is never raced');
      assert.equal((await findCallbackById(db, recent.id))!.status, 'scheduled');
      const [entry] = await listHistory(db, deadClaim.id);
      assert.equal(entry.event, 'expired');
      assert.equal(entry.details.reason, 'deadline');
      assert.equal(entry.details.previousStatus, 'dispatching');
      assert.equal((await findCallbackById(db, deadClaim.id))!.leaseUntil, null);
    });

    test('lastHistoryTimes: the newest history time of each callback (the jobs\' clock), none without history', async () => {
      const a = await insertTestCallback(db);
      const b = await insertTestCallback(db);
      const quiet = await insertTestCallback(db);
      for (const [id, at] of [[a.id, '2026-12-01T10:00:00.000Z'], [a.id, '2026-12-01T10:20:00.000Z'], [b.id, '2026-12-02T08:00:00.000Z']] as const) {
        await appendHistory(db, { callbackId: id, event: 'dial_result', actor: 'uccx', details: {}, at: new Date(at) });
      }
      const times = await lastHistoryTimes(db, [a.id, b.id, quiet.id]);
      assert.equal(times.get(a.id)?.toISOString(), '2026-12-01T10:20:00.000Z');
      assert.equal(times.get(b.id)?.toISOString(), '2026-12-02T08:00:00.000Z');
      assert.equal(times.has(quiet.id), false);
    });

    test('listCallbacksInStates: only the given states', async () => {
      const dialing = await insertTestCallback(db, { status: 'dialing' });
      const connected = await insertTestCallback(db, { status: 'connected' });
      await insertTestCallback(db, { status: 'queued' });
      const ids = (await listCallbacksInStates(db, ['dialing', 'connected'], 1000)).map((c) => c.id);
      assert.ok(ids.includes(dialing.id) && ids.includes(connected.id));
      assert.ok((await listCallbacksInStates(db, ['dialing', 'connected'], 1000)).every((c) => c.status === 'dialing' || c.status === 'connected'));
    });

    test('tryAcquireJobLock: one owner at a time until the lease runs out', async () => {
      const t0 = new Date('2026-12-01T10:00:00Z');
      assert.equal(await tryAcquireJobLock(db, 'sync', 'a', t0, 60_000), true);
      assert.equal(await tryAcquireJobLock(db, 'sync', 'b', t0, 60_000), false);
      assert.equal(await tryAcquireJobLock(db, 'sync', 'a', t0, 60_000), true, 'the owner renews');
      assert.equal(await isJobLocked(db, 'sync', t0), true);
      assert.equal(await tryAcquireJobLock(db, 'sync', 'b', new Date(t0.getTime() + 61_000), 60_000), true, 'expired lease is taken over');
      await releaseJobLock(db, 'sync', 'b', t0);
      assert.equal(await isJobLocked(db, 'sync', t0), false);
    });

    test('claimDailyRun: exactly one caller per day key', async () => {
      const t0 = new Date('2026-12-01T23:31:00Z');
      const results = await Promise.all(['a', 'b', 'c'].map((o) => claimDailyRun(db, 'purge-daily:X', '2026-12-01', o, t0, 60_000)));
      assert.equal(results.filter(Boolean).length, 1);
      const winner = ['a', 'b', 'c'][results.indexOf(true)];
      await releaseJobLock(db, 'purge-daily:X', winner, t0);
      assert.equal(await claimDailyRun(db, 'purge-daily:X', '2026-12-01', 'b', t0, 60_000), false, 'same day again: no');
      assert.equal(await claimDailyRun(db, 'purge-daily:X', '2026-12-02', 'b', t0, 60_000), true, 'next day: yes');
    });
  });
}
