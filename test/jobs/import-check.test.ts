// jobs/import-check.ts on SQLite and PostgreSQL: an import UCCX finished without a contact counts
// as a not-kept push (history), the callback waits and is verified before the next push, and after
// maxUnkeptPushes it fails with reason dropped_by_uccx. A reschedule starts the count again.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestDb } from '../helpers/databases.ts';
import { forceState, insertTestCallback } from '../db/seed-helpers.ts';
import { appendHistory, listHistory } from '../../db/queries/history.ts';
import type { Db } from '../../db/index.ts';
import { countUnkeptPushes, finishedImportStatus, settleNotKept } from '../../jobs/import-check.ts';
import { UccxError } from '../../jobs/uccx/errors.ts';
import type { UccxAdminClient } from '../../jobs/uccx/admin-client.ts';
import { makeDeps, seedDemo } from './helpers.ts';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const target = { id: 200, name: 'CB_DDI_1' };
const status = { result: 'SUCCESS', importType: 'MANUAL', startTime: null, numContactsImported: 0 };
const settings = { maxUnkeptPushes: 3, importRetryMs: 5_000 };

for (const dialect of DIALECTS) {
  describe(`import check on ${dialect}`, () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ db, cleanup } = await openTestDb(dialect));
      await seedDemo(db);
    });
    after(() => cleanup());
    const dispatching = async () => {
      const cb = await insertTestCallback(db, { scheduledAt: NOW.toISOString() });
      return forceState(db, cb.id, { status: 'dispatching', claimedBy: 'test-instance', leaseUntil: new Date(NOW.getTime() + 60_000) });
    };

    test('settleNotKept: retry_wait (verify first) twice, then failed dropped_by_uccx', async () => {
      const deps = makeDeps(db, { now: () => NOW });
      let cb = await dispatching();
      for (const expected of ['retry_wait', 'retry_wait', 'failed']) {
        const outcome = await settleNotKept(deps, settings, target, [cb], status, 1);
        const now = (await db.models.Callback.findByPk(cb.id))!.get({ plain: true }) as Record<string, unknown>;
        assert.equal(now.status, expected);
        if (expected === 'retry_wait') {
          assert.deepEqual(outcome, { dropped: 0, retried: 1 });
          assert.equal(now.lastResult, 'import_uncertain', 'verified before the next push');
          assert.equal(new Date(now.nextAttemptAt as string).getTime(), NOW.getTime() + 5_000);
          cb = await forceState(db, cb.id, { status: 'dispatching' });
        } else {
          assert.deepEqual(outcome, { dropped: 1, retried: 0 });
          assert.equal(now.reason, 'dropped_by_uccx');
        }
      }
      const history = await listHistory(db, cb.id);
      const failed = history.find((h) => h.event === 'failed');
      assert.deepEqual([failed?.details.reason, failed?.details.unkeptPushes, failed?.details.numContactsImported, failed?.details.sent], ['dropped_by_uccx', 3, 0, 1]);
    });

    test('countUnkeptPushes counts not-kept import_failed entries since the last reschedule', async () => {
      const deps = makeDeps(db, { now: () => NOW });
      const cb = await insertTestCallback(db, { scheduledAt: NOW.toISOString() });
      const add = (event: 'import_failed' | 'rescheduled', details: Record<string, unknown>) => appendHistory(db, { callbackId: cb.id, event, actor: 't', details, at: NOW });
      await add('import_failed', { notKept: true });
      await add('import_failed', { uncertain: true }); // an outage, not a drop
      assert.equal(await countUnkeptPushes(deps, cb.id), 1);
      await add('rescheduled', {});
      assert.equal(await countUnkeptPushes(deps, cb.id), 0);
      await add('import_failed', { notKept: true });
      assert.equal(await countUnkeptPushes(deps, cb.id), 1);
    });

    test('finishedImportStatus: a finished import is returned; one still running or unreadable is not', async () => {
      const answer = (v: unknown) => makeDeps(db, { uccx: { importStatus: async () => (v instanceof Error ? Promise.reject(v) : v) } as unknown as UccxAdminClient });
      assert.deepEqual(await finishedImportStatus(answer(status), target), status);
      assert.equal(await finishedImportStatus(answer({ ...status, result: 'IN_PROGRESS' }), target), null);
      assert.equal(await finishedImportStatus(answer({ ...status, result: null }), target), null);
      assert.equal(await finishedImportStatus(answer(new UccxError('http', 'x', 404)), target), null);
    });
  });
}
