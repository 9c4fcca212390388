// SQL Server cannot run here: its statements are checked for the constructs that make them
// correct there (and the SQLite/PostgreSQL ones run for real in queries.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sqlFor } from '../../db/dialect/sql.ts';

test('sqlFor(mssql).claimDue uses UPDLOCK, READPAST, TOP and OUTPUT', () => {
  const sql = sqlFor('mssql').claimDue;
  assert.match(sql, /WITH \(UPDLOCK, READPAST, ROWLOCK\)/);
  assert.match(sql, /SELECT TOP \(:limit\)/);
  assert.match(sql, /OUTPUT inserted\.\*/);
  assert.doesNotMatch(sql, /LIMIT|RETURNING|SKIP LOCKED/);
});

test('sqlFor(postgres).claimDue uses FOR UPDATE SKIP LOCKED', () => {
  assert.match(sqlFor('postgres').claimDue, /FOR UPDATE SKIP LOCKED\) RETURNING \*/);
});

test('sqlFor(sqlite).claimDue has no row locks (BEGIN IMMEDIATE serialises it)', () => {
  assert.doesNotMatch(sqlFor('sqlite').claimDue, /FOR UPDATE|UPDLOCK/);
  assert.match(sqlFor('sqlite').claimDue, /RETURNING \*/);
});

test('sqlFor(mssql).insertIgnore and upsert avoid ON CONFLICT', () => {
  const s = sqlFor('mssql');
  assert.match(s.insertIgnore('slot_counters', ['scope', 'slot_start', 'booked'], ['scope', 'slot_start']), /WHERE NOT EXISTS \(SELECT 1 FROM slot_counters WITH \(UPDLOCK, HOLDLOCK\) WHERE scope = :scope AND slot_start = :slot_start\)/);
  const upsert = s.upsert('agents', ['id', 'role'], ['id']);
  assert.match(upsert, /^MERGE agents WITH \(HOLDLOCK\)/);
  assert.match(upsert, /WHEN MATCHED THEN UPDATE SET role = s\.role/);
  assert.doesNotMatch(upsert, /ON CONFLICT/);
});

test('sqlFor(*).deleteBatch and limit bound the work per statement', () => {
  assert.equal(sqlFor('mssql').deleteBatch('t', 'x = 1'), 'DELETE TOP (:limit) FROM t WHERE x = 1; SELECT @@ROWCOUNT AS AFFECTEDROWS;');
  assert.match(sqlFor('postgres').deleteBatch('t', 'x = 1'), /ORDER BY id LIMIT :limit\)$/);
  assert.equal(sqlFor('mssql').limit(5), 'OFFSET 0 ROWS FETCH NEXT 5 ROWS ONLY');
  assert.equal(sqlFor('sqlite').limit(5), 'LIMIT 5');
});

test('sqlFor(*).insertReturning answers the stored row: RETURNING * (SQLite, PostgreSQL), OUTPUT inserted.* (SQL Server)', () => {
  assert.equal(sqlFor('sqlite').insertReturning('t', ['a', 'b']), 'INSERT INTO t (a, b) VALUES (:a, :b) RETURNING *');
  assert.equal(sqlFor('postgres').insertReturning('t', ['a', 'b']), 'INSERT INTO t (a, b) VALUES (:a, :b) RETURNING *');
  assert.equal(sqlFor('mssql').insertReturning('t', ['a', 'b']), 'INSERT INTO t (a, b) OUTPUT inserted.* VALUES (:a, :b)');
});
