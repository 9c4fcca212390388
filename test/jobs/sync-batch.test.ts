// The sync applies db_cra rows in batches, one transaction each with the cursor (jobs/sync.ts,
// jobs/sync-apply.ts): mixed results land in the right states, a failure mid-batch leaves the
// cursor before that batch and nothing of it written, and the rerun applies every row exactly once.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { QueryTypes } from 'sequelize';
import { DIALECTS } from '../helpers/databases.ts';
import { forceState, insertTestCallback } from '../db/seed-helpers.ts';
import { listHistory } from '../../db/queries/history.ts';
import { batchesOf, syncOnce } from '../../jobs/sync.ts';
import { getSyncCursor } from '../../jobs/queries/sync-state.ts';
import type { Db } from '../../db/index.ts';
import type { CallbackRow } from '../../db/queries/callbacks.ts';
import { makeDeps, MemoryDbCra, seededDbHooks } from './helpers.ts';

const NOW = new Date('2026-12-01T10:00:00.000Z');

test('batchesOf: at most `size` rows, and a repeated account number starts a new batch', () => {
  const row = (id: number, account: string) => ({ dialingListId: id, accountNumber: account, campaignId: 200, callStatus: 3, callResult: 11, callsMade: 1, createdAt: null, fromHistory: false });
  const ids = (size: number, ...rows: ReturnType<typeof row>[]) => batchesOf(rows, size).map((b) => b.map((r) => r.dialingListId));
  assert.deepEqual(ids(3, row(1, 'A'), row(2, 'B'), row(3, 'A'), row(4, 'C')), [[1, 2], [3, 4]]);
  assert.deepEqual(ids(2, row(1, 'A'), row(2, 'B'), row(3, 'C'), row(4, 'D'), row(5, 'E')), [[1, 2], [3, 4], [5]]);
});

for (const dialect of DIALECTS) {
  describe(`sync in batches on ${dialect}`, () => {
    let db: Db;
    seededDbHooks(dialect, (opened) => (db = opened));

    /** `n` callbacks queued in UCCX campaign 200 as dialing-list rows from..from+n-1. */
    async function queuedMany(from: number, n: number): Promise<CallbackRow[]> {
      const out: CallbackRow[] = [];
      for (let i = 0; i < n; i++) {
        const cb = await insertTestCallback(db, { scheduledAt: NOW.toISOString() });
        out.push(await forceState(db, cb.id, { status: 'queued', uccxCampaignId: 200, uccxDialingListId: from + i }));
      }
      return out;
    }
    /** Job deps whose database counts the transactions it opens. */
    function countingDeps(dbcra: MemoryDbCra) {
      const counted = { transactions: 0 };
      const wrapped: Db = { ...db, transaction: (fn) => (counted.transactions++, db.transaction(fn)) };
      const deps = makeDeps(wrapped, { reader: dbcra, now: () => NOW, uccx: { campaignIdByName: async (n: string) => (n === 'CB_DDI_1' ? 200 : 201) } as never });
      return { deps, counted };
    }
    const statuses = async (ids: number[]) =>
      (await db.sequelize.query('SELECT id, status FROM callbacks WHERE id IN (:ids)', { replacements: { ids }, type: QueryTypes.SELECT }) as Array<{ id: number; status: string }>).reduce<Record<string, number>>(
        (acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});

    test('500 rows of mixed results land in the right states, one transaction per batch of 200', async () => {
      const dbcra = new MemoryDbCra();
      const cbs = await queuedMany(10_000, 500);
      // Busy, invalid number, still dialing, answered with an agent leg, answered without a call detail yet.
      const kinds = ['busy', 'invalid', 'dialing', 'agent', 'answered'] as const;
      cbs.forEach((cb, i) => {
        const id = cb.uccxDialingListId!;
        const kind = kinds[i % kinds.length];
        if (kind === 'busy') dbcra.row({ dialingListId: id, accountNumber: cb.accountNumber, callStatus: 3, callResult: 11, callsMade: 1 });
        if (kind === 'invalid') dbcra.row({ dialingListId: id, accountNumber: cb.accountNumber, callStatus: 3, callResult: 4, callsMade: 1 });
        if (kind === 'dialing') dbcra.row({ dialingListId: id, accountNumber: cb.accountNumber, callStatus: 2 });
        if (kind === 'agent' || kind === 'answered') dbcra.row({ dialingListId: id, accountNumber: cb.accountNumber, callStatus: 3, callResult: 1, callsMade: 1 });
        if (kind === 'agent') dbcra.details.push({ campaignId: 200, dialingListId: id, accountNumber: cb.accountNumber, callbackId: String(cb.id), routedTo: 'csq:CSQ_Sales', disposition: 2, agentConnected: true });
      });
      const { deps, counted } = countingDeps(dbcra);
      let updates = 0;
      db.sequelize.addHook('afterQuery', 'count-updates', (_o, q) => void (/\bUPDATE callbacks SET\b/.test(String((q as { sql?: string }).sql)) && updates++));
      const summary = await syncOnce(deps, { batchSize: 200 }).finally(() => db.sequelize.removeHook('afterQuery', 'count-updates'));
      assert.deepEqual([summary.rowsRead, summary.applied], [500, 500]);
      assert.equal(counted.transactions, 3, '500 rows in batches of 200: three transactions');
      // Set-based: per batch one UPDATE per shape of write (retry, fail or complete, dial, answer), not one per row.
      assert.ok(updates <= 3 * 4, `${updates} UPDATE statements for 500 rows in 3 batches`);
      assert.deepEqual(await statuses(cbs.map((c) => c.id)), { retry_wait: 100, failed: 100, dialing: 100, completed: 100, connected: 100 });
      const byKind = (k: (typeof kinds)[number]) => cbs[kinds.indexOf(k)]!.id;
      assert.deepEqual((await listHistory(db, byKind('busy'))).map((h) => h.event), ['dial_result', 'retry_scheduled']);
      assert.deepEqual((await listHistory(db, byKind('invalid'))).map((h) => h.event), ['dial_result', 'failed']);
      assert.deepEqual((await listHistory(db, byKind('agent'))).map((h) => h.event), ['dial_result', 'completed']);
      assert.equal(await getSyncCursor(db, 200), 10_499);
      // Read again (the in-flight rows are read on every run): all observed, nothing written, no transaction.
      const again = countingDeps(dbcra);
      assert.equal((await syncOnce(again.deps, { batchSize: 200 })).applied, 0);
      assert.equal(again.counted.transactions, 0);
    });

    test('rows that move no state (still pending in UCCX) are written in one statement per batch too, each once', async () => {
      const dbcra = new MemoryDbCra();
      const cbs = await queuedMany(15_000, 250);
      for (const cb of cbs) dbcra.row({ dialingListId: cb.uccxDialingListId!, accountNumber: cb.accountNumber, callStatus: 1 });
      let updates = 0;
      db.sequelize.addHook('afterQuery', 'count-updates', (_o, q) => void (/\bUPDATE callbacks SET\b/.test(String((q as { sql?: string }).sql)) && updates++));
      const summary = await syncOnce(countingDeps(dbcra).deps, { batchSize: 100 }).finally(() => db.sequelize.removeHook('afterQuery', 'count-updates'));
      assert.equal(summary.applied, 250);
      assert.equal(updates, 3, '250 rows in batches of 100: one UPDATE each');
      assert.deepEqual(await statuses(cbs.map((c) => c.id)), { queued: 250 });
      const [{ n }] = (await db.sequelize.query('SELECT COUNT(*) AS n FROM callbacks WHERE id IN (:ids) AND version = :v', { replacements: { ids: cbs.map((c) => c.id), v: cbs[0]!.version + 1 }, type: QueryTypes.SELECT })) as Array<{ n: number | string }>;
      assert.equal(Number(n), 250, 'each written once, by version');
      assert.deepEqual((await listHistory(db, cbs[0]!.id)).map((h) => h.event), ['dial_result']);
      assert.equal((await syncOnce(countingDeps(dbcra).deps, { batchSize: 100 })).applied, 0, 'read again: already observed');
    });

    test('a failure in the middle of a batch leaves the cursor before it and nothing of it written; the rerun applies each row once', async () => {
      const dbcra = new MemoryDbCra();
      const cbs = await queuedMany(20_000, 300);
      for (const cb of cbs) dbcra.row({ dialingListId: cb.uccxDialingListId!, accountNumber: cb.accountNumber, callStatus: 3, callResult: 11, callsMade: 1 });
      const cursorBefore = await getSyncCursor(db, 200);
      // The database refuses the history of the 150th callback: the second batch of 100 fails at its write.
      const poisoned = cbs[149]!.id;
      const query = db.sequelize.query;
      db.sequelize.query = ((sql: unknown, options: unknown) => {
        if (typeof sql === 'string' && sql.startsWith('INSERT INTO callback_history') && sql.includes(`(${poisoned}, `)) return Promise.reject(new Error('disk full'));
        return query.call(db.sequelize, sql as never, options as never);
      }) as typeof query;
      try {
        await assert.rejects(syncOnce(countingDeps(dbcra).deps, { batchSize: 100 }), /disk full/);
      } finally {
        db.sequelize.query = query;
      }
      assert.equal(await getSyncCursor(db, 200), Math.max(cursorBefore, 20_099), 'the cursor closes the first batch only');
      assert.deepEqual(await statuses(cbs.slice(0, 100).map((c) => c.id)), { retry_wait: 100 });
      assert.deepEqual(await statuses(cbs.slice(100).map((c) => c.id)), { queued: 200 }, 'the failed batch rolled back as a whole, and the third never ran');
      const [{ n }] = (await db.sequelize.query('SELECT COUNT(*) AS n FROM uccx_contact_observations WHERE dialing_list_id >= 20100', { type: QueryTypes.SELECT })) as Array<{ n: number | string }>;
      assert.equal(Number(n), 0);

      const rerun = await syncOnce(countingDeps(dbcra).deps, { batchSize: 100 });
      assert.equal(rerun.applied, 200, 'the rolled-back rows are read again (the cursor is before them) and applied');
      assert.deepEqual(await statuses(cbs.map((c) => c.id)), { retry_wait: 300 });
      for (const cb of [cbs[0]!, cbs[149]!, cbs[299]!]) {
        assert.deepEqual((await listHistory(db, cb.id)).map((h) => h.event), ['dial_result', 'retry_scheduled'], `callback ${cb.id}: each row applied once`);
      }
      const [{ attempts }] = (await db.sequelize.query('SELECT MAX(attempts) AS attempts FROM callbacks WHERE id IN (:ids)', { replacements: { ids: cbs.map((c) => c.id) }, type: QueryTypes.SELECT })) as Array<{ attempts: number | string }>;
      assert.equal(Number(attempts), 1);
    });
  });
}
