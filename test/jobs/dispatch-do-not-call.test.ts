// Dispatch never pushes a number on the do-not-call list: a claimed callback whose number was
// flagged after it was booked fails with reason do_not_call (lifecycle event `fail`), on SQLite
// and PostgreSQL, and the other callbacks of the batch are pushed as usual.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestDb } from '../helpers/databases.ts';
import { insertTestCallback } from '../db/seed-helpers.ts';
import type { Db } from '../../db/index.ts';
import { findCallbackById } from '../../db/queries/callbacks.ts';
import { flagDoNotCall } from '../../db/queries/do-not-call.ts';
import { listHistory } from '../../db/queries/history.ts';
import { dispatchOnce } from '../../jobs/dispatch.ts';
import { DEFAULT_DISPATCH } from '../../jobs/deps.ts';
import { SqlDbCraReader } from '../../jobs/dbcra/sql-reader.ts';
import { UccxAdminClient } from '../../jobs/uccx/admin-client.ts';
import { makeDeps, seedDemo } from './helpers.ts';
import { startFakeUccx, type FakeUccx } from './fake-uccx.ts';

const T0 = new Date('2026-12-01T10:00:00.000Z');
const settings = { ...DEFAULT_DISPATCH, leaseMs: 30_000, importRetryMs: 5_000 };

for (const dialect of DIALECTS) {
  describe(`dispatch and the do-not-call list on ${dialect}`, () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    let uccx: FakeUccx;
    let reader: SqlDbCraReader;
    before(async () => {
      ({ db, cleanup } = await openTestDb(dialect));
      await seedDemo(db);
      uccx = await startFakeUccx();
      reader = await SqlDbCraReader.connect(uccx.dbcraUrl);
    });
    after(async () => {
      await uccx.close();
      await reader.close();
      await cleanup();
    });

    test('a flagged number fails with do_not_call before the import; the rest of the batch is pushed', async () => {
      const flagged = await insertTestCallback(db, { scheduledAt: T0.toISOString() });
      const fine = await insertTestCallback(db, { scheduledAt: T0.toISOString() });
      await flagDoNotCall(db, flagged.phoneE164, 'uccx:77', new Date(T0.getTime() - 60_000));
      const deps = makeDeps(db, { uccx: new UccxAdminClient({ url: uccx.url, user: 'administrator', password: 'ciscocisco', timeoutMs: 400 }), reader, now: () => T0 });
      const summary = await dispatchOnce(deps, settings);
      assert.deepEqual([summary.claimed, summary.imported, summary.failed], [2, 1, 1]);
      assert.deepEqual((await uccx.rows()).map((r) => r.accountnumber), [fine.accountNumber], 'only the allowed number reached UCCX');
      const failed = (await findCallbackById(db, flagged.id))!;
      assert.deepEqual([failed.status, failed.reason, failed.claimedBy, failed.leaseUntil], ['failed', 'do_not_call', null, null]);
      const history = await listHistory(db, flagged.id);
      assert.deepEqual(history.map((h) => h.event), ['claimed', 'failed']);
      assert.equal(history[1].details.reason, 'do_not_call');
      assert.equal((await findCallbackById(db, fine.id))!.status, 'queued');
      // Nothing is left to dispatch: the failed callback is terminal.
      const again = await dispatchOnce(deps, settings);
      assert.equal(again.claimed, 0);
    });
  });
}
