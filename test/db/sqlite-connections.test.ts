// SQLite connection handling (db/connect.ts): Sequelize's SQLite dialect never runs afterConnect
// hooks and opens a handle per transaction, so every handle is configured by us (WAL, busy
// timeout, foreign keys) and finished transactions' handles are reused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QueryTypes } from 'sequelize';
import { openDatabase } from '../../db/index.ts';
import { createTestDatabase } from '../helpers/databases.ts';

test('SQLite: every handle, in and out of transactions, uses WAL, a 10 s busy timeout and foreign keys', async (t) => {
  const target = await createTestDatabase('sqlite');
  const db = await openDatabase(target.url);
  t.after(async () => {
    await db.close();
    await target.drop();
  });
  const pragmas = async (transaction?: Parameters<Parameters<typeof db.transaction>[0]>[0]) => {
    const read = async (name: string) => Object.values((await db.sequelize.query<Record<string, unknown>>(`PRAGMA ${name}`, { type: QueryTypes.SELECT, transaction }))[0])[0];
    return { journal: await read('journal_mode'), busy: await read('busy_timeout'), foreignKeys: await read('foreign_keys') };
  };
  const expected = { journal: 'wal', busy: 10_000, foreignKeys: 1 };
  assert.deepEqual(await pragmas(), expected);
  assert.deepEqual(await db.transaction((tx) => pragmas(tx)), expected);
  // Two at once: the second transaction's handle is configured too.
  const [a, b] = await Promise.all([db.transaction((tx) => pragmas(tx)), db.transaction((tx) => pragmas(tx))]);
  assert.deepEqual([a, b], [expected, expected]);
});

test('SQLite: a finished transaction hands its handle to the next one instead of reopening the file', async (t) => {
  const target = await createTestDatabase('sqlite');
  const db = await openDatabase(target.url);
  t.after(async () => {
    await db.close();
    await target.drop();
  });
  // cache_size is a per-handle setting: the next transaction sees it only on the same handle.
  await db.transaction((tx) => db.sequelize.query('PRAGMA cache_size = 1234', { transaction: tx }));
  const next = await db.transaction((tx) => db.sequelize.query<{ cache_size: number }>('PRAGMA cache_size', { type: QueryTypes.SELECT, transaction: tx }));
  assert.equal(Number(next[0].cache_size), 1234);
  // The default handle is another one and keeps its own settings.
  const outside = await db.sequelize.query<{ cache_size: number }>('PRAGMA cache_size', { type: QueryTypes.SELECT });
  assert.notEqual(Number(outside[0].cache_size), 1234);
  // A rolled-back transaction's handle is reused cleanly (no transaction left open on it).
  await assert.rejects(db.transaction(async (tx) => {
    await db.sequelize.query("INSERT INTO teams (id, name, created_at, updated_at) VALUES ('r1', 'R', '2026-01-01', '2026-01-01')", { transaction: tx });
    throw new Error('roll back');
  }));
  await db.transaction((tx) => db.sequelize.query("INSERT INTO teams (id, name, created_at, updated_at) VALUES ('r2', 'R', '2026-01-01', '2026-01-01')", { transaction: tx }));
  const ids = await db.sequelize.query<{ id: string }>("SELECT id FROM teams WHERE id IN ('r1', 'r2')", { type: QueryTypes.SELECT });
  assert.deepEqual(ids.map((r) => r.id), ['r2']);
});
