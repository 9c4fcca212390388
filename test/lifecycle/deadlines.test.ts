// deadlinesOnce on the call states (dialing, connected), on SQLite and PostgreSQL: past their
// deadline UCCX and db_cra are asked where the call is; a call that ended unseen (its row gone,
// or closed without a result the sync could apply) is a failed attempt, one still open waits,
// at most until the hard deadline.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestDb } from '../helpers/databases.ts';
import { forceState, insertTestCallback } from '../db/seed-helpers.ts';
import { findCallbackById } from '../../db/queries/callbacks.ts';
import { appendHistory, listHistory } from '../../db/queries/history.ts';
import { deadlineOf, DEFAULT_DEADLINES } from '../../domain/deadlines.ts';
import { deadlinesOnce } from '../../jobs/deadlines.ts';
import type { Db } from '../../db/index.ts';
import { makeDeps, MemoryDbCra, seedDemo } from '../jobs/helpers.ts';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const SETTINGS = { dialingMinutes: 15, connectedMinutes: 60, callMaxMinutes: 90 };
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

test('deadlineOf: every active state has a deadline, terminal states none', () => {
  const base = { scheduledAt: '2026-12-01T10:00:00.000Z', leaseUntil: null, lastChangeAt: '2026-12-01T11:00:00.000Z' };
  const at = (status: string) => deadlineOf({ ...base, status } as never, 4, DEFAULT_DEADLINES);
  for (const s of ['scheduled', 'retry_wait', 'queued', 'dispatching']) assert.equal(at(s)!.at.toISOString(), '2026-12-01T14:00:00.000Z', s);
  assert.equal(at('dialing')!.at.toISOString(), '2026-12-01T11:15:00.000Z');
  assert.equal(at('connected')!.at.toISOString(), '2026-12-01T12:00:00.000Z');
  assert.equal(at('connected')!.hardAt.toISOString(), '2026-12-01T15:00:00.000Z');
  for (const s of ['completed', 'failed', 'expired', 'cancelled']) assert.equal(at(s), null, s);
  const leased = deadlineOf({ ...base, status: 'dispatching', leaseUntil: '2026-12-01T14:30:00.000Z' }, 4, DEFAULT_DEADLINES);
  assert.equal(leased!.at.toISOString(), '2026-12-01T14:30:00.000Z', 'a live lease is waited out');
});

for (const dialect of DIALECTS) {
  describe(`deadlinesOnce on calls, ${dialect}`, () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ db, cleanup } = await openTestDb(dialect));
      await seedDemo(db);
    });
    after(() => cleanup());

    /** A callback in a call state whose contact is row `listId` of UCCX campaign 200, last changed `changedMinutesAgo`. */
    async function inCall(status: 'dialing' | 'connected', listId: number, changedMinutesAgo: number, over: Record<string, unknown> = {}) {
      const cb = await insertTestCallback(db, { scheduledAt: minutesAgo(30).toISOString() });
      await forceState(db, cb.id, { status, uccxCampaignId: 200, uccxDialingListId: listId, ...over });
      await appendHistory(db, { callbackId: cb.id, event: 'dial_result', actor: 'uccx', details: {}, at: minutesAgo(changedMinutesAgo) });
      return cb;
    }
    const uccx = (pending: string[] = [], down = false) =>
      ({
        campaignIdByName: async () => 200,
        pendingContacts: async () => {
          if (down) throw new Error('UCCX unreachable');
          return pending.map((accountNumber) => ({ accountNumber }));
        },
      }) as never;
    const run = (dbcra: MemoryDbCra | null, now = NOW, u = uccx()) => deadlinesOnce(makeDeps(db, { reader: dbcra, uccx: u, now: () => now }), SETTINGS);
    const lastEntry = async (id: number) => (await listHistory(db, id)).at(-1)!;

    test('a dialing call whose contact is gone (purged) is a failed attempt after dialingMinutes: retry per policy', async () => {
      const fresh = await inCall('dialing', 5001, 10);
      const stale = await inCall('dialing', 5002, 16);
      const summary = await run(new MemoryDbCra());
      assert.equal(summary.attemptsFailed, 1);
      assert.equal((await findCallbackById(db, fresh.id))!.status, 'dialing', 'before its deadline: untouched');
      const after = (await findCallbackById(db, stale.id))!;
      assert.equal(after.status, 'retry_wait');
      assert.equal(after.attempts, 1, 'the lost call counts as an attempt');
      assert.equal(after.nextAttemptAt, new Date(NOW.getTime() + 10 * 60_000).toISOString(), 'CB_MAIN default rule: 10 minutes');
      const entry = await lastEntry(stale.id);
      assert.equal(entry.event, 'retry_scheduled');
      assert.deepEqual([entry.details.reason, entry.details.found, entry.details.previousStatus], ['deadline', 'gone', 'dialing']);
    });

    test('a connected call closed without a result the sync could apply is a failed attempt after connectedMinutes', async () => {
      const dbcra = new MemoryDbCra();
      const cb = await inCall('connected', 5003, 61);
      dbcra.row({ dialingListId: 5003, accountNumber: cb.accountNumber, callStatus: 3, callResult: 1, callsMade: 1 });
      await run(dbcra);
      assert.equal((await findCallbackById(db, cb.id))!.status, 'retry_wait');
      assert.equal((await lastEntry(cb.id)).details.found, 'closed');
    });

    test('a call UCCX still shows open waits until the hard deadline, then expires (no second contact beside the open one)', async () => {
      const dbcra = new MemoryDbCra();
      const cb = await inCall('connected', 5004, 61);
      dbcra.row({ dialingListId: 5004, accountNumber: cb.accountNumber, callStatus: 2, callsMade: 1 });
      const pendingAgain = await inCall('dialing', 5005, 20);
      assert.equal((await run(dbcra, NOW, uccx([pendingAgain.accountNumber]))).stillInUccx, 2);
      assert.equal((await findCallbackById(db, cb.id))!.status, 'connected');
      assert.equal((await findCallbackById(db, pendingAgain.id))!.status, 'dialing', 'listed as pending in UCCX: still there');
      await run(dbcra, new Date(NOW.getTime() + 30 * 60_000), uccx([pendingAgain.accountNumber])); // 91 minutes after the last change
      assert.equal((await findCallbackById(db, cb.id))!.status, 'expired');
      assert.deepEqual([(await lastEntry(cb.id)).details.found, (await lastEntry(cb.id)).details.reason], ['open', 'deadline']);
    });

    test('UCCX unreachable: the call waits for its hard deadline rather than being guessed, then expires', async () => {
      const cb = await inCall('dialing', 5006, 20);
      await run(new MemoryDbCra(), NOW, uccx([], true));
      assert.equal((await findCallbackById(db, cb.id))!.status, 'dialing');
      await run(new MemoryDbCra(), new Date(NOW.getTime() + 71 * 60_000), uccx([], true));
      assert.equal((await findCallbackById(db, cb.id))!.status, 'expired');
    });

    test('no attempt left → failed (max_attempts); past the expiry → expired; both with reason deadline', async () => {
      const last = await inCall('dialing', 5007, 16, { attempts: 2 });
      const late = await inCall('connected', 5008, 61);
      await forceState(db, late.id, { scheduledAt: minutesAgo(5 * 60) });
      await run(new MemoryDbCra());
      const failed = (await findCallbackById(db, last.id))!;
      assert.deepEqual([failed.status, failed.reason, failed.attempts], ['failed', 'max_attempts', 3]);
      assert.deepEqual([(await lastEntry(last.id)).event, (await lastEntry(last.id)).details.reason], ['failed', 'deadline']);
      assert.equal((await findCallbackById(db, late.id))!.status, 'expired');
      assert.deepEqual([(await lastEntry(late.id)).event, (await lastEntry(late.id)).details.reason], ['expired', 'deadline']);
    });

    test('an attempt the sync already counted is not counted twice', async () => {
      const dbcra = new MemoryDbCra();
      const cb = await inCall('dialing', 5009, 16, { attempts: 1 });
      await db.sequelize.query("INSERT INTO uccx_contact_observations (dialing_list_id, callback_id, signature, calls_counted, observed_at) VALUES (5009, :id, '2||1|', 1, :at)", {
        replacements: { id: cb.id, at: NOW },
      });
      await run(dbcra);
      assert.equal((await findCallbackById(db, cb.id))!.attempts, 1);
    });
  });
}
