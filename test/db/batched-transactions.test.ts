// Writes arriving together share one SQLite transaction (one commit), each in its own savepoint:
// a refused write undoes only its own statements and reports its own error; the others commit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Transaction } from 'sequelize';
import { batchedTransaction } from '../../db/batched-transactions.ts';
import { driverRows, driverRun } from '../../db/driver-query.ts';
import type { Db } from '../../db/index.ts';
import { DIALECTS, openTestDb } from '../helpers/databases.ts';

/** Counts the transactions the writes were committed in. */
function countTransactions(db: Db): { count: number } {
  const seen = { count: 0 };
  const original = db.transaction.bind(db);
  db.transaction = (fn) => (seen.count++, original(fn));
  return seen;
}

const insertTeam = (db: Db, id: string, t: Transaction) =>
  driverRun(db, 'INSERT INTO teams (id, name, created_at, updated_at) VALUES (:id, :name, :at, :at)', { id, name: `Team ${id}`, at: new Date() }, t);
const teams = async (db: Db) => (await driverRows(db, "SELECT id FROM teams WHERE id LIKE 'b%' ORDER BY id", {})).map((r) => String(r.id));

for (const dialect of DIALECTS) {
  test(`${dialect}: concurrent writes commit their own work; a refused one leaves nothing and gets its own error`, async (t) => {
    const { db, cleanup } = await openTestDb(dialect);
    t.after(cleanup);
    const transactions = countTransactions(db);
    const ids = Array.from({ length: 10 }, (_, i) => `b${String(i).padStart(2, '0')}`);
    const results = await Promise.allSettled(
      ids.map((id) =>
        batchedTransaction(db, async (tx) => {
          await insertTeam(db, id, tx);
          if (id === 'b03') throw new Error('refused b03');
          if (id === 'b05') await insertTeam(db, 'b00', tx); // a unique violation after its own insert
          return id;
        }),
      ),
    );
    assert.deepEqual(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).name === 'SequelizeUniqueConstraintError' ? 'duplicate' : (r.reason as Error).message)),
      ['b00', 'b01', 'b02', 'refused b03', 'b04', 'duplicate', 'b06', 'b07', 'b08', 'b09']);
    assert.deepEqual(await teams(db), ids.filter((id) => id !== 'b03' && id !== 'b05'));
    if (dialect === 'sqlite') assert.ok(transactions.count < ids.length, `shared commits: ${transactions.count} transactions for ${ids.length} writes`);
    else assert.equal(transactions.count, ids.length, 'PostgreSQL: a transaction each');
  });
}

test('sqlite: a batch whose commit fails fails every write of it, and the next writes go on', async (t) => {
  const { db, cleanup } = await openTestDb('sqlite');
  t.after(cleanup);
  // While a first batch is being written, two writes queue and form the next batch together.
  let open = () => {};
  const gate = new Promise<void>((ok) => (open = ok));
  const blocker = batchedTransaction(db, async (tx) => (await gate, insertTeam(db, 'b80', tx)));
  // The first of them ends the shared transaction itself: the batch cannot release or commit.
  const first = batchedTransaction(db, async (tx) => driverRun(db, 'ROLLBACK', {}, tx));
  const second = batchedTransaction(db, async (tx) => insertTeam(db, 'b90', tx));
  open();
  const settled = await Promise.allSettled([blocker, first, second]);
  assert.deepEqual(settled.map((s) => s.status), ['fulfilled', 'rejected', 'rejected']);
  assert.deepEqual(await teams(db), ['b80']);
  await batchedTransaction(db, (tx) => insertTeam(db, 'b91', tx));
  assert.deepEqual(await teams(db), ['b80', 'b91']);
});
